/**
 * Password verifications, at most `concurrency` at a time (argon2id is CPU- and memory-hard: more at
 * once only queue in libuv's thread pool, where a real user's log-in would wait behind every guess).
 * Waiting ones run in turn, except that a `priority` one goes before every ordinary one still
 * waiting: a log-in from an address where the account logged in before (log-in-throttle.ts).
 * The ordinary ones waiting are bounded: a flood from many addresses, each within its own failure
 * budget, would otherwise queue without end, each guess holding its request's memory.
 */
export class VerifyQueue {
  private running = 0;
  private readonly priority: (() => void)[] = [];
  private readonly ordinary: (() => void)[] = [];

  /** `maxWaiting` ordinary ones may wait; past that, `run` refuses one (priority ones always wait). */
  constructor(
    private readonly concurrency: number,
    private readonly maxWaiting = Infinity,
  ) {}

  /** How many are waiting for a place. */
  get waiting(): number {
    return this.priority.length + this.ordinary.length;
  }

  /** Whether an ordinary verification would be refused now, the queue being full. */
  get full(): boolean {
    return this.running >= this.concurrency && this.ordinary.length >= this.maxWaiting;
  }

  async run<T>(priority: boolean, work: () => Promise<T>): Promise<T> {
    if (!priority && this.full) throw new QueueFull();
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

/** An ordinary verification refused because `maxWaiting` already wait. */
export class QueueFull extends Error {
  constructor() {
    super('Too many log-ins are waiting');
  }
}
