import type { EntityManager } from '@mikro-orm/postgresql';
import { eventRoutes, type EventRoute } from './event-routes.js';
import { EmailStatus, messageIdDomain, type EmailKind } from './outbox-email.entity.js';
import { WebhookDeliveryStatus } from '../webhooks/webhook.entity.js';

type Addressee = NonNullable<EventRoute['email']>['to'];

/**
 * Who an email to each addressee goes to, the one place of that rule: the lead's partner's members,
 * or its inquiry's seller. Each joins a lead row `l` to users `u`.
 */
const addressees: Record<Addressee, string> = {
  partner: 'join users u on u.partner_id = l.partner_id',
  seller: 'join inquiries i on i.id = l.inquiry_id join users u on u.id = i.seller_id',
};

/**
 * The outbox rows new lead events send (emails and webhook deliveries, by the routes in
 * event-routes.ts): the one implementation of that rule, used by every write of lead history
 * (leads/lead-writes.ts), so they are stored in the statement, hence the transaction, that stores the
 * events. Data-modifying CTEs named `email` and `webhook` to append to a `with` list (with a leading
 * comma; empty when the types notify nobody). `events` (id, lead_id, type) names the new events, an
 * earlier CTE; `leads` (id, partner_id, inquiry_id, status) their leads. Each event's emails come in
 * recipient id order and its deliveries in endpoint id order, events in id order.
 */
export function outboxCtes(events: string, leads: string, eventTypes: string[]): string {
  const emails = outboxInsertSql(events, leads, eventTypes);
  const webhooks = webhookInsertSql(events, leads, eventTypes);
  return `${emails ? `, email as (${emails})` : ''}${webhooks ? `, webhook as (${webhooks})` : ''}`;
}

function outboxInsertSql(events: string, leads: string, eventTypes: string[]): string | null {
  const routed = eventTypes.filter((type) => eventRoutes[type]?.email);
  if (!routed.length) return null;
  const recipients = routed
    .map((type) => {
      const { kind, to } = eventRoutes[type].email!;
      return `select e.id as event_id, e.lead_id, u.id as recipient_id, u.email, '${kind}' as kind
      from ${events} e join ${leads} l on l.id = e.lead_id ${addressees[to]} where e.type = '${type}'`;
    })
    .join(' union all ');
  return insertEmailsSql(recipients, 'order by r.event_id, r.recipient_id');
}

/** Outbox emails from `rows` (kind, event_id, lead_id, recipient_id, email), in `order`. */
function insertEmailsSql(rows: string, order = ''): string {
  return `insert into outbox_emails (message_id, kind, event_id, lead_id, recipient_id, recipient_email, status, attempts, next_attempt_at, created_at)
    select '<' || gen_random_uuid() || '@${messageIdDomain}>', r.kind, r.event_id, r.lead_id, r.recipient_id, r.email,
      '${EmailStatus.PENDING}', 0, now(), now()
    from (${rows}) r ${order}`;
}

/**
 * An email of `kind` about a lead event to every member of a partner, e.g. that one of its webhook
 * endpoints was disabled while delivering that event; a member already sent it is skipped.
 */
export async function emailPartnerMembers(
  em: EntityManager,
  kind: EmailKind,
  event: { id: number; leadId: number },
  partnerId: number,
): Promise<void> {
  await em.execute(
    `${insertEmailsSql(
      `select ?::text as kind, ?::int as event_id, ?::int as lead_id, u.id as recipient_id, u.email
    from users u where u.partner_id = ?`,
      'order by r.recipient_id',
    )} on conflict do nothing`,
    [kind, event.id, event.leadId, partnerId],
    'run',
  );
}

function webhookInsertSql(events: string, leads: string, eventTypes: string[]): string | null {
  const routed = eventTypes.filter((type) => eventRoutes[type]?.webhook);
  if (!routed.length) return null;
  const deliveries = routed
    .map(
      (type) => `select w.id as endpoint_id, e.id as event_id, e.lead_id, l.status, '${eventRoutes[type].webhook}' as type
      from ${events} e join ${leads} l on l.id = e.lead_id
      join webhook_endpoints w on w.partner_id = l.partner_id and w.disabled_at is null and w.events @> '["${eventRoutes[type].webhook}"]'
      where e.type = '${type}'`,
    )
    .join(' union all ');
  return `insert into webhook_deliveries (endpoint_id, event_id, type, lead_event_id, lead_id, lead_status, status, attempts, next_attempt_at, created_at)
    select r.endpoint_id, gen_random_uuid(), r.type, r.event_id, r.lead_id, r.status, '${WebhookDeliveryStatus.PENDING}', 0, now(), now()
    from (${deliveries}) r order by r.event_id, r.endpoint_id`;
}
