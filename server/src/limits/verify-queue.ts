/**
 * Password verifications, at most `concurrency` at a time (argon2id is CPU- and memory-hard: more at
 * once only queue in libuv's thread pool, where a real user's log-in would wait behind every guess).
 * Waiting ones run in turn, except that a `priority` one goes before every ordinary one still
 * waiting: a log-in from an address where the account logged in before (log-in-throttle.ts).
 */
export class VerifyQueue {
  private running = 0;
  private readonly priority: (() => void)[] = [];
  private readonly ordinary: (() => void)[] = [];

  constructor(private readonly concurrency: number) {}

  /** How many are waiting for a place. */
  get waiting(): number {
    return this.priority.length + this.ordinary.length;
  }

  async run<T>(priority: boolean, work: () => Promise<T>): Promise<T> {
    if (this.running < this.concurrency) this.running += 1;
    // The place is handed over by the verification that ends (see below), so `running` stays counted.
    else await new Promise<void>((resolve) => (priority ? this.priority : this.ordinary).push(resolve));
    try {
      return await work();
    } finally {
      const next = this.priority.shift() ?? this.ordinary.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}
