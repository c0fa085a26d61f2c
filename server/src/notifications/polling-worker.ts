/**
 * The loop of an outbox worker: deliver due rows until there are none, then sleep until polled or
 * woken (NOTIFY says new rows were committed), waiting `gatherMs` after a wake-up so a burst of
 * changes goes out as one batch.
 */
export abstract class PollingWorker {
  private stopped = false;
  private wakeUp: (() => void) | null = null;
  private loop: Promise<void> | null = null;

  constructor(
    private readonly timing: { pollMs: number; gatherMs: number },
    private readonly what: string,
  ) {}

  /** Claims one batch of due rows and delivers them; returns how many it claimed. */
  abstract deliverDue(): Promise<number>;

  start(): void {
    this.loop ??= this.run();
  }

  /** Looks for due rows now. */
  wake(): void {
    this.wakeUp?.();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      const claimed = await this.deliverDue().catch((error) => {
        console.error(`${this.what} failed`, error);
        return 0;
      });
      if (claimed === 0 && !this.stopped) {
        const woken = await this.sleep(this.timing.pollMs);
        if (woken && !this.stopped) await this.sleep(this.timing.gatherMs);
      }
    }
  }

  /** Waits `ms` or until woken; says whether it was woken. */
  private async sleep(ms: number): Promise<boolean> {
    const woken = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), ms);
      this.wakeUp = () => {
        clearTimeout(timer);
        resolve(true);
      };
    });
    this.wakeUp = null;
    return woken;
  }
}
