import WebSocket from 'ws';
import { createClient, type Client } from 'graphql-ws';
import { eventually } from './harness.js';

export interface LiveAuth {
  cookie?: string | null;
  authToken?: string;
  authorization?: string;
}

/**
 * One subscription over graphql-ws, as a browser (cookie on the upgrade request) or a script
 * (token in connectionParams) would open it. Collects what arrives for the test to assert on.
 */
export class LiveSubscription {
  readonly received: any[] = [];
  readonly errors: unknown[] = [];
  closeCode: number | null = null;
  private readonly client: Client;

  constructor(
    httpUrl: string,
    readonly query: string,
    auth: LiveAuth = {},
  ) {
    const headers = auth.cookie ? { cookie: auth.cookie } : {};
    this.client = createClient({
      url: httpUrl.replace(/^http/, 'ws'),
      webSocketImpl: class extends WebSocket {
        constructor(url: string, protocols?: string | string[]) {
          super(url, protocols, { headers });
        }
      },
      connectionParams: { authToken: auth.authToken, authorization: auth.authorization },
      retryAttempts: 0,
      on: {
        closed: (event) => {
          this.closeCode = (event as { code: number }).code;
        },
      },
    });
    this.client.subscribe(
      { query },
      {
        next: (value) => this.received.push(value),
        error: (error) => this.errors.push(error),
        complete: () => {},
      },
    );
  }

  /** Resolves once the server has taken the subscription: a query on the same socket is answered after it. */
  async ready(): Promise<void> {
    const result = await new Promise<unknown>((resolve, reject) => {
      this.client.subscribe({ query: '{ viewer { user { id } } }' }, { next: resolve, error: reject, complete: () => {} });
    });
    if (!result) throw new Error('The server did not answer');
  }

  /** The n-th payload (0-based) that arrived. */
  nth(n: number, timeoutMs?: number): Promise<any> {
    return eventually(() => this.received[n], timeoutMs);
  }

  /** The first thing that arrived: a payload, or the errors the server refused the operation with. */
  outcome(timeoutMs?: number): Promise<any> {
    return eventually(() => this.received[0] ?? (this.errors[0] ? { errors: this.errors[0] } : undefined), timeoutMs);
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }
}

/** The session token a logged-in GraphQLClient holds in its cookie. */
export function sessionToken(cookie: string | null): string {
  if (!cookie) throw new Error('not logged in');
  return cookie.split('=')[1];
}
