import type http from 'node:http';
import proxyAddr from 'proxy-addr';

/** Whether the hop at `address` (0: the socket's peer, 1: the next X-Forwarded-For entry inward, …) is a trusted proxy. */
export type ProxyTrust = (address: string, hop: number) => boolean;

/**
 * TRUST_PROXY read as Express reads "trust proxy": unset trusts no proxy (the socket's peer is the
 * client), "true" every hop, a number that many hops, otherwise comma-separated addresses, subnets or
 * the names loopback, linklocal and uniquelocal.
 */
export function proxyTrustOf(value: string | undefined): ProxyTrust {
  const setting = value?.trim();
  if (!setting || setting === 'false') return () => false;
  if (setting === 'true') return () => true;
  if (/^\d+$/.test(setting)) {
    const hops = Number(setting);
    return (_address, hop) => hop < hops;
  }
  return proxyAddr.compile(
    setting
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean),
  );
}

/**
 * The client's address, for every limit that counts per address: HTTP requests (rate limits, log-in
 * throttling) and WebSocket upgrades (connections per address, then each operation) alike. Behind
 * trusted proxies it is the first untrusted X-Forwarded-For entry; without, the socket's peer.
 */
export function clientAddress(request: http.IncomingMessage, trust: ProxyTrust): string {
  if (!request.socket.remoteAddress) return 'unknown';
  return proxyAddr(request, trust);
}
