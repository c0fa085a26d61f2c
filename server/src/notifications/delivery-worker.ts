import type { MikroORM, EntityManager } from '@mikro-orm/postgresql';
import { pgArray } from '../db/pg-array.js';
import { composeEmails } from './compose-email.js';
import type { EmailTransport, OutgoingEmail } from './email-transport.js';
import { EmailStatus } from './outbox-email.entity.js';
import { PollingWorker } from './polling-worker.js';

export interface DeliveryOptions {
  transport: EmailTransport;
  from: string;
  /** Where the SPA is, for the link to the lead in every email (APP_URL, or the server's own address: known once it listens). */
  appUrl: () => string;
  /** How long a claim holds a row; must outlast one send (SMTP timeouts), or a slow send may be repeated. */
  leaseMs: number;
  /** Attempts before a row is marked FAILED (and kept). */
  maxAttempts: number;
  /** Back-off after the first failure, doubled after each further one, capped at maxBackoffMs. */
  backoffMs: number;
  maxBackoffMs: number;
  /** How often to look for due rows when nothing wakes the worker. */
  pollMs: number;
  /**
   * How long a wake-up waits before claiming, so that the emails of a burst of changes go out as one
   * batch (a few statements) rather than one batch per change.
   */
  gatherMs: number;
  batchSize: number;
}

interface Claim {
  id: number;
  attempts: number;
}

const CLAIM = `update outbox_emails set status = '${EmailStatus.SENDING}', attempts = attempts + 1,
    next_attempt_at = now() + ? * interval '1 millisecond'
  where id in (select id from outbox_emails
    where status in ('${EmailStatus.PENDING}', '${EmailStatus.SENDING}') and next_attempt_at <= now()
    order by next_attempt_at, id limit ? for update skip locked)
  returning id, attempts`;

/** Only the holder of the current claim (same attempt number) may settle a row. */
const SETTLE_WHERE = `where id = ? and status = '${EmailStatus.SENDING}' and attempts = ?`;

const MARK_SENT = `update outbox_emails o set status = '${EmailStatus.SENT}', sent_at = now(), last_error = null
  from unnest(?::int[], ?::int[]) as held(id, attempts)
  where o.id = held.id and o.attempts = held.attempts and o.status = '${EmailStatus.SENDING}'`;

export function backoffMs(options: Pick<DeliveryOptions, 'backoffMs' | 'maxBackoffMs'>, attempts: number): number {
  return Math.min(options.maxBackoffMs, options.backoffMs * 2 ** (attempts - 1));
}

/** What to keep of a failure: the SMTP server's reply or the database's message, never the SQL with the email in it. */
function describe(error: unknown): string {
  const { response, sqlMessage, message } = error as { response?: string; sqlMessage?: string; message?: string };
  return (response ?? sqlMessage ?? message ?? String(error)).slice(0, 500);
}

function partition<T>(items: T[], test: (item: T) => boolean): [T[], T[]] {
  return [items.filter(test), items.filter((item) => !test(item))];
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
export class DeliveryWorker extends PollingWorker {
  constructor(
    private readonly orm: MikroORM,
    private readonly options: DeliveryOptions,
  ) {
    super(options, 'Email delivery');
  }

  override async stop(): Promise<void> {
    await super.stop();
    this.options.transport.close();
  }

  /** Claims one batch of due rows and delivers them; returns how many it claimed. */
  async deliverDue(): Promise<number> {
    const em = this.orm.em.fork() as EntityManager;
    const claims = await em.getConnection().execute<Claim[]>(CLAIM, [this.options.leaseMs, this.options.batchSize]);
    const [exhausted, due] = partition(claims, (claim) => claim.attempts > this.options.maxAttempts);
    for (const claim of exhausted) await this.settle(em, claim, EmailStatus.FAILED, 'Its worker stopped during every attempt');
    if (due.length) await this.deliver(em, due);
    return claims.length;
  }

  private async deliver(em: EntityManager, claims: Claim[]): Promise<void> {
    const claimOf = new Map(claims.map((claim) => [claim.id, claim]));
    let emails: OutgoingEmail[];
    try {
      // In id order: the order the changes happened (RETURNING has none).
      emails = (await composeEmails(em, [...claimOf.keys()], this.options.appUrl())).map((email) => ({
        ...email,
        from: this.options.from,
      }));
    } catch (error) {
      for (const claim of claims) await this.settleFailure(em, claim, error);
      return;
    }
    if (!emails.length) return;
    // A fresh EntityManager: the batch's loaded rows need no change tracking while it is stored.
    const failures = await this.options.transport.deliver(this.orm.em.fork() as EntityManager, emails, (tx, sent) =>
      this.markSent(tx, sent, claimOf),
    );
    for (const { email, error } of failures) await this.settleFailure(em, claimOf.get(email.outboxId)!, error);
  }

  private async markSent(em: EntityManager, emails: OutgoingEmail[], claimOf: Map<number, Claim>): Promise<void> {
    const claims = emails.map((email) => claimOf.get(email.outboxId)!);
    const updated = await em
      .getConnection()
      .execute<{ affectedRows: number }>(
        MARK_SENT,
        [pgArray(claims.map((claim) => claim.id)), pgArray(claims.map((claim) => claim.attempts))],
        'run',
        em.getTransactionContext(),
      );
    if (updated.affectedRows !== claims.length) throw new Error('An outbox email was taken over by another worker');
  }

  private async settleFailure(em: EntityManager, claim: Claim, error: unknown): Promise<void> {
    const failed = claim.attempts >= this.options.maxAttempts || isPermanent(error);
    await this.settle(
      em,
      claim,
      failed ? EmailStatus.FAILED : EmailStatus.PENDING,
      describe(error),
      backoffMs(this.options, claim.attempts),
    );
  }

  private async settle(em: EntityManager, claim: Claim, status: EmailStatus, error: string, retryInMs = 0): Promise<void> {
    await em
      .getConnection()
      .execute(
        `update outbox_emails set status = ?, last_error = ?, next_attempt_at = now() + ? * interval '1 millisecond' ${SETTLE_WHERE}`,
        [status, error, retryInMs, claim.id, claim.attempts],
        'run',
      );
  }
}
