import type { MikroORM } from '@mikro-orm/postgresql';

/** Connection-level failures: the database is down or restarting, not a query's own fault. */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  // PostgreSQL: connection exceptions, admin shutdown, crash shutdown, cannot connect now.
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '57P01',
  '57P02',
  '57P03',
]);
const CONNECTION_MESSAGES =
  /Connection terminated|connection (is )?closed|Timeout acquiring a connection|the database system is (starting up|shutting down)/i;

/** Whether an error (or one it wraps) says the database cannot be reached. */
export function isDatabaseUnreachable(error: unknown): boolean {
  for (let current = error, hops = 0; current && typeof current === 'object' && hops < 6; hops += 1) {
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && CONNECTION_CODES.has(code)) return true;
    if (typeof message === 'string' && CONNECTION_MESSAGES.test(message)) return true;
    current =
      (current as { originalError?: unknown; cause?: unknown; previous?: unknown }).originalError ??
      (current as { cause?: unknown }).cause ??
      (current as { previous?: unknown }).previous;
  }
  return false;
}

/** Seconds a client is asked to wait while the database is away. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * Whether this process can reach its database. A request that meets a connection failure marks it
 * down; from then on requests are answered 503 at once (nothing piles up on a dead pool) while a
 * probe runs every `probeMs` until the database answers again, which marks it up by itself.
 */
export class DatabaseHealth {
  private down = false;
  private probe: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly orm: MikroORM,
    private readonly probeMs = 500,
    private readonly timeoutMs = 2_000,
  ) {}

  get ready(): boolean {
    return !this.down;
  }

  /** One round trip, at most timeoutMs. */
  async check(): Promise<boolean> {
    const ping = this.orm.em.fork().getConnection().execute('select 1');
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('Timeout acquiring a connection')), this.timeoutMs);
    });
    try {
      await Promise.race([ping, late]);
      return true;
    } catch {
      ping.catch(() => {});
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Called when a request met a connection failure. */
  markDown(): void {
    if (this.down || this.closed) return;
    this.down = true;
    console.error('Database unreachable: answering 503 until it is back');
    const again = () => {
      this.probe = setTimeout(async () => {
        if (this.closed) return;
        if (await this.check()) {
          this.down = false;
          console.error('Database reachable again');
        } else again();
      }, this.probeMs);
    };
    again();
  }

  /** /readyz: ready only when a round trip succeeds now. */
  async readyNow(): Promise<boolean> {
    if (this.down) return false;
    const ok = await this.check();
    if (!ok) this.markDown();
    return ok;
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.probe);
  }
}

export const UNAVAILABLE_CODE = 'SERVICE_UNAVAILABLE';
export const UNAVAILABLE_MESSAGE = 'The database is unavailable; try again shortly';
