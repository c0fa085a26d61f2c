import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { pgArray } from '../db/pg-array.js';
import { toGlobalId } from '../graphql/node.js';
import { backoffMs } from '../notifications/delivery-worker.js';
import { EmailKind } from '../notifications/outbox-email.entity.js';
import { emailPartnerMembers } from '../notifications/outbox-writer.js';
import { PollingWorker } from '../notifications/polling-worker.js';
import { WebhookDeliveryStatus as Status } from './webhook.entity.js';
import { signatureHeader } from './webhook-signature.js';
import { webhookUrlProblem } from './webhook-url.js';
import { postWebhook } from './webhook-post.js';

export interface WebhookSettings {
  /** How long a POST may take before it counts as failed. */
  timeoutMs: number;
  /** How long a claim holds a row; outlasts a POST's timeout. */
  leaseMs: number;
  /** Back-off after the first failure, doubled after each further one, capped at maxBackoffMs. */
  backoffMs: number;
  maxBackoffMs: number;
  /** How long an event is retried; then it is FAILED and its endpoint disabled. */
  retryForMs: number;
  pollMs: number;
  gatherMs: number;
  batchSize: number;
}

export const defaultWebhookSettings: WebhookSettings = {
  timeoutMs: 5_000,
  leaseMs: 60_000,
  backoffMs: 30_000,
  maxBackoffMs: 60 * 60_000,
  retryForMs: 24 * 60 * 60_000,
  pollMs: 5_000,
  gatherMs: 100,
  batchSize: 20,
};

/** WEBHOOK_BACKOFF_MS, WEBHOOK_MAX_BACKOFF_MS, WEBHOOK_RETRY_FOR_MS, WEBHOOK_POLL_MS; anything unset keeps its default. */
export function webhookSettingsFromEnv(env: NodeJS.ProcessEnv): Partial<WebhookSettings> {
  const names = {
    backoffMs: 'WEBHOOK_BACKOFF_MS',
    maxBackoffMs: 'WEBHOOK_MAX_BACKOFF_MS',
    retryForMs: 'WEBHOOK_RETRY_FOR_MS',
    pollMs: 'WEBHOOK_POLL_MS',
  };
  return Object.fromEntries(
    Object.entries(names)
      .filter(([, name]) => env[name])
      .map(([key, name]) => [key, Number(env[name])]),
  );
}

interface Claim {
  id: number;
  attempts: number;
}

interface Due extends Claim {
  event_id: string;
  type: string;
  lead_id: number;
  lead_status: string;
  lead_event_id: number;
  lead_event: string;
  at: Date;
  created_at: Date;
  endpoint_id: number;
  url: string;
  secret: string;
  partner_id: number;
}

type Outcome = { statusCode: number | null; error: string | null };

const CLAIM = `update webhook_deliveries set status = '${Status.SENDING}', attempts = attempts + 1,
    next_attempt_at = now() + ? * interval '1 millisecond'
  where id in (select d.id from webhook_deliveries d join webhook_endpoints w on w.id = d.endpoint_id
    where d.status in ('${Status.PENDING}', '${Status.SENDING}') and d.next_attempt_at <= now() and w.disabled_at is null
    order by d.next_attempt_at, d.id limit ? for update of d skip locked)
  returning id, attempts`;

const DUE = `select d.id, d.attempts, d.event_id, d.type, d.lead_id, d.lead_status, d.lead_event_id, d.created_at,
    e.type as lead_event, e.at, w.id as endpoint_id, w.url, w.secret, w.partner_id
  from webhook_deliveries d join webhook_endpoints w on w.id = d.endpoint_id join lead_events e on e.id = d.lead_event_id
  where d.id = any(?::int[]) order by d.id`;

/** Only the holder of the current claim (same attempt number) may settle a row. */
const SETTLE = `update webhook_deliveries set status = ?, last_status_code = ?, last_error = ?,
    next_attempt_at = now() + ? * interval '1 millisecond', delivered_at = case when ? then now() end
  where id = ? and status = '${Status.SENDING}' and attempts = ?`;

/**
 * The JSON body of an event: ids, status and times only, never contact details. Built from the
 * delivery's own columns, so every attempt and redelivery sends the same bytes.
 */
export function webhookBody(row: Pick<Due, 'event_id' | 'type' | 'lead_id' | 'lead_status' | 'lead_event' | 'at'>): string {
  return JSON.stringify({
    id: row.event_id,
    type: row.type,
    createdAt: new Date(row.at).toISOString(),
    data: { leadId: toGlobalId('Lead', row.lead_id), status: row.lead_status, leadEvent: row.lead_event },
  });
}

/**
 * POSTs webhook deliveries, signed with their endpoint's secret. Claims work like the email
 * outbox's (FOR UPDATE SKIP LOCKED, a lease), so any number of processes may run one. A failed POST
 * is retried with doubling back-off until `retryForMs` after the event; then the delivery is FAILED,
 * its endpoint disabled and the partner's members emailed, in one transaction.
 */
export class WebhookWorker extends PollingWorker {
  constructor(
    private readonly orm: MikroORM,
    private readonly settings: WebhookSettings,
  ) {
    super(settings, 'Webhook delivery');
  }

  async deliverDue(): Promise<number> {
    const em = this.orm.em.fork() as EntityManager;
    const claims = await em.execute<Claim[]>(CLAIM, [this.settings.leaseMs, this.settings.batchSize]);
    if (!claims.length) return 0;
    const due = await em.execute<Due[]>(DUE, [pgArray(claims.map((claim) => claim.id))]);
    await Promise.all(due.map(async (row) => this.settle(em, row, await this.post(row))));
    return claims.length;
  }

  private async post(row: Due): Promise<Outcome> {
    // Asked again on every attempt: the name may resolve elsewhere since the endpoint was created.
    const production = process.env.NODE_ENV === 'production';
    const refused = await webhookUrlProblem(row.url, production);
    if (refused) return { statusCode: null, error: refused };
    const body = webhookBody(row);
    try {
      const response = await postWebhook(
        row.url,
        body,
        {
          'content-type': 'application/json',
          'user-agent': 'SellerLeadsPool-Webhooks/1',
          'slp-event-id': row.event_id,
          'slp-signature': signatureHeader(row.secret, body, new Date()),
        },
        this.settings.timeoutMs,
        production,
      );
      if (response.status >= 200 && response.status < 300) return { statusCode: response.status, error: null };
      const redirect = response.status >= 300 && response.status < 400;
      return {
        statusCode: response.status,
        error: redirect
          ? `Redirects are not followed (${response.status} to ${response.location ?? 'nowhere'})`
          : `The endpoint answered ${response.status}`,
      };
    } catch (error) {
      return { statusCode: null, error: describe(error, this.settings.timeoutMs) };
    }
  }

  private async settle(em: EntityManager, row: Due, { statusCode, error }: Outcome): Promise<void> {
    if (!error) {
      await em.execute(SETTLE, [Status.DELIVERED, statusCode, null, 0, true, row.id, row.attempts], 'run');
      return;
    }
    const givesUp = Date.now() - new Date(row.created_at).getTime() >= this.settings.retryForMs;
    if (!givesUp) {
      await em.execute(
        SETTLE,
        [Status.PENDING, statusCode, error, backoffMs(this.settings, row.attempts), false, row.id, row.attempts],
        'run',
      );
      return;
    }
    await em.transactional(async (tx) => {
      await tx.execute(SETTLE, [Status.FAILED, statusCode, error, 0, false, row.id, row.attempts], 'run');
      const disabled = await tx.execute<{ id: number }[]>(
        'update webhook_endpoints set disabled_at = now() where id = ? and disabled_at is null returning id',
        [row.endpoint_id],
      );
      if (disabled.length)
        await emailPartnerMembers(tx, EmailKind.WEBHOOK_DISABLED, { id: row.lead_event_id, leadId: row.lead_id }, row.partner_id);
    });
  }
}

/** What to keep of a failed POST: a timeout, or the network error's code (ECONNREFUSED, …). */
function describe(error: unknown, timeoutMs: number): string {
  const { name, code, message, cause } = error as {
    name?: string;
    code?: string;
    message?: string;
    cause?: { code?: string; message?: string };
  };
  if (name === 'TimeoutError') return `No answer within ${timeoutMs / 1000} s`;
  return (cause?.code ?? code ?? cause?.message ?? message ?? String(error)).slice(0, 500);
}
