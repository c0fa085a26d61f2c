import type { MikroORM, EntityManager } from '@mikro-orm/postgresql';
import { composeEmail } from './compose-email.js';
import type { EmailTransport } from './email-transport.js';
import { EmailStatus } from './outbox-email.entity.js';

export interface DeliveryOptions {
  transport: EmailTransport;
  from: string;
  /** How long a claim holds a row; must outlast one send (SMTP timeouts), or a slow send may be repeated. */
  leaseMs: number;
  /** Attempts before a row is marked FAILED (and kept). */
  maxAttempts: number;
  /** Back-off after the first failure, doubled after each further one, capped at maxBackoffMs. */
  backoffMs: number;
  maxBackoffMs: number;
  /** How often to look for due rows when nothing wakes the worker. */
  pollMs: number;
  batchSize: number;
}

interface Claim { id: number; attempts: number }

const CLAIM = `update outbox_emails set status = '${EmailStatus.SENDING}', attempts = attempts + 1,
    next_attempt_at = now() + ? * interval '1 millisecond'
  where id in (select id from outbox_emails
    where status in ('${EmailStatus.PENDING}', '${EmailStatus.SENDING}') and next_attempt_at <= now()
    order by next_attempt_at, id limit ? for update skip locked)
  returning id, attempts`;

/** Only the holder of the current claim (same attempt number) may settle a row. */
const SETTLE_WHERE = `where id = ? and status = '${EmailStatus.SENDING}' and attempts = ?`;

export function backoffMs(options: Pick<DeliveryOptions, 'backoffMs' | 'maxBackoffMs'>, attempts: number): number {
  return Math.min(options.maxBackoffMs, options.backoffMs * 2 ** (attempts - 1));
}

/** What to keep of a failure: the SMTP server's reply or the database's message, never the SQL with the email in it. */
function describe(error: unknown): string {
  const { response, sqlMessage, message } = error as { response?: string; sqlMessage?: string; message?: string };
  return (response ?? sqlMessage ?? message ?? String(error)).slice(0, 500);
}

/** A permanent SMTP refusal (5xx) will not change on retry. */
function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: number }).responseCode;
  return typeof code === 'number' && code >= 500;
}

/**
 * Sends outbox emails. Rows are claimed in a short transaction with FOR UPDATE SKIP LOCKED, so
 * workers in several processes never take the same row; a claim is a lease, so a row whose worker
 * died is taken again once the lease runs out, and nothing is lost.
 */
export class DeliveryWorker {
  private stopped = false;
  private wakeUp: (() => void) | null = null;
  private loop: Promise<void> | null = null;

  constructor(private readonly orm: MikroORM, private readonly options: DeliveryOptions) {}

  start(): void {
    this.loop ??= this.run();
  }

  /** Looks for due rows now (e.g. when NOTIFY says new rows were written). */
  wake(): void {
    this.wakeUp?.();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake();
    await this.loop;
    this.options.transport.close();
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      const claimed = await this.deliverDue().catch((error) => { console.error('Email delivery failed', error); return 0; });
      if (claimed === 0 && !this.stopped) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.options.pollMs);
          this.wakeUp = () => { clearTimeout(timer); resolve(); };
        });
        this.wakeUp = null;
      }
    }
  }

  /** Claims one batch of due rows and delivers them; returns how many it claimed. */
  async deliverDue(): Promise<number> {
    const em = this.orm.em.fork() as EntityManager;
    const claims = await em.getConnection().execute<Claim[]>(CLAIM, [this.options.leaseMs, this.options.batchSize]);
    // RETURNING has no order; send in the order the changes happened.
    for (const claim of claims.sort((a, b) => a.id - b.id)) await this.deliver(claim);
    return claims.length;
  }

  private async deliver(claim: Claim): Promise<void> {
    const em = this.orm.em.fork() as EntityManager;
    if (claim.attempts > this.options.maxAttempts) {
      await this.settle(em, claim, EmailStatus.FAILED, 'Its worker stopped during every attempt');
      return;
    }
    try {
      const email = { ...(await composeEmail(em, claim.id)), from: this.options.from };
      await this.options.transport.deliver(em, email, (tx) => this.markSent(tx, claim));
    } catch (error) {
      const failed = claim.attempts >= this.options.maxAttempts || isPermanent(error);
      await this.settle(em, claim, failed ? EmailStatus.FAILED : EmailStatus.PENDING, describe(error),
        backoffMs(this.options, claim.attempts));
    }
  }

  private async markSent(em: EntityManager, claim: Claim): Promise<void> {
    const updated = await em.getConnection().execute<{ affectedRows: number }>(
      `update outbox_emails set status = '${EmailStatus.SENT}', sent_at = now(), last_error = null ${SETTLE_WHERE}`,
      [claim.id, claim.attempts], 'run', em.getTransactionContext());
    if (updated.affectedRows !== 1) throw new Error(`Outbox email ${claim.id} was taken over by another worker`);
  }

  private async settle(em: EntityManager, claim: Claim, status: EmailStatus, error: string, retryInMs = 0): Promise<void> {
    await em.getConnection().execute(
      `update outbox_emails set status = ?, last_error = ?, next_attempt_at = now() + ? * interval '1 millisecond' ${SETTLE_WHERE}`,
      [status, error, retryInMs, claim.id, claim.attempts], 'run');
  }
}
