import type http from 'node:http';
import type WebSocket from 'ws';
import type { ApiLimits } from '../limits/api-limits.js';

/** Close codes of the app's own (graphql-ws keeps 4400-4499 for its protocol). */
export const CloseCode = {
  /** The subscriber left more than wsSendBufferBytes unread. */
  SlowConsumer: 4008,
  /** Its session, API token or address already holds the most connections allowed. */
  TooManyConnections: 4029,
} as const;

/** Counts open sockets per key, each released once when its socket closes. */
class OpenSockets {
  private readonly counts = new Map<string, number>();

  /** Takes a place for `socket` under `key`, or false when `max` are open. */
  take(key: string, max: number, socket: WebSocket): boolean {
    const count = this.counts.get(key) ?? 0;
    if (count >= max) return false;
    this.counts.set(key, count + 1);
    socket.once('close', () => {
      const left = (this.counts.get(key) ?? 1) - 1;
      if (left > 0) this.counts.set(key, left);
      else this.counts.delete(key);
    });
    return true;
  }
}

/**
 * What one WebSocket client may hold: connections per address (checked at the upgrade) and per
 * credential (checked once it has authenticated), and the bytes it may leave unread.
 */
export class SocketLimits {
  private readonly byAddress = new OpenSockets();
  private readonly byCredential = new OpenSockets();

  constructor(
    readonly limits: ApiLimits,
    private readonly isAllowedOrigin: (origin: string) => boolean,
  ) {}

  /** The upgrade's refusal as [HTTP status, reason], or null to accept it. */
  refuseUpgrade(request: http.IncomingMessage): [number, string] | null {
    const origin = request.headers.origin;
    // Browsers always send Origin: a page elsewhere must not open a socket with this site's cookie.
    if (origin !== undefined && !this.isAllowedOrigin(origin)) return [403, 'Origin not allowed'];
    return null;
  }

  /** Called for each accepted socket: its address's place, or a close with TooManyConnections. */
  admitAddress(socket: WebSocket, address: string): boolean {
    if (this.byAddress.take(address, this.limits.wsConnectionsPerAddress, socket)) return true;
    socket.close(CloseCode.TooManyConnections, 'Too many connections from this address');
    return false;
  }

  /** Called once a socket has authenticated as `credential` (a session or API token). */
  admitCredential(socket: WebSocket, credential: string): boolean {
    if (this.byCredential.take(credential, this.limits.wsConnectionsPerSession, socket)) return true;
    socket.close(CloseCode.TooManyConnections, 'Too many connections for this session');
    return false;
  }

  /**
   * A subscriber that stops reading makes its socket buffer every message sent to it: past the bound
   * it is disconnected (ws destroys a socket whose close does not complete within 30 s).
   */
  keepsUp(socket: WebSocket): boolean {
    if (socket.bufferedAmount <= this.limits.wsSendBufferBytes) return true;
    if (socket.readyState === socket.OPEN) socket.close(CloseCode.SlowConsumer, 'Too much unread: the client is not reading');
    return false;
  }
}
