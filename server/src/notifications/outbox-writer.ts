import type { EventSubscriber, FlushEventArgs } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { User } from '../auth/user.entity.js';
import { pgArray } from '../db/pg-array.js';
import { LeadEvent } from '../leads/lead-event.entity.js';
import { eventRoutes, type EventRoute } from './event-routes.js';
import { EmailStatus, OutboxEmail, messageIdDomain, type EmailKind } from './outbox-email.entity.js';
import { WebhookDelivery, WebhookDeliveryStatus, WebhookEndpoint } from '../webhooks/webhook.entity.js';

/**
 * Writes the outbox rows for every new lead event in the same flush, hence the same transaction,
 * as the change itself: a rolled-back change leaves no email behind. Whatever code moves a lead,
 * its LeadEvent row is what notifies.
 */
export class OutboxWriter implements EventSubscriber {
  async beforeFlush({ em, uow }: FlushEventArgs): Promise<void> {
    const events = [...uow.getPersistStack()]
      .filter((entity): entity is LeadEvent => entity instanceof LeadEvent && entity.id === undefined && !!eventRoutes[entity.type]);
    if (!events.length) return;
    await writeEmails(em as EntityManager, events.filter((event) => eventRoutes[event.type].email));
    await writeWebhookDeliveries(em as EntityManager, events.filter((event) => eventRoutes[event.type].webhook));
  }
}

async function writeEmails(em: EntityManager, events: LeadEvent[]): Promise<void> {
  if (!events.length) return;
  const recipients = await recipientsOf(em, events);
  for (const event of events) {
    const kind = eventRoutes[event.type].email!.kind;
    for (const recipient of recipients.get(event) ?? []) {
      em.create(OutboxEmail, { kind, event, lead: event.lead, recipient: em.getReference(User, recipient.id), recipientEmail: recipient.email });
    }
  }
}

/** One delivery per event and active endpoint of the lead's partner that takes the event's type. */
async function writeWebhookDeliveries(em: EntityManager, events: LeadEvent[]): Promise<void> {
  if (!events.length) return;
  const endpoints = await em.execute<{ id: number; partner_id: number; events: string[] }[]>(
    'select id, partner_id, events from webhook_endpoints where partner_id = any(?::int[]) and disabled_at is null order by id',
    [pgArray([...new Set(events.map((event) => event.lead.partner.id))])]);
  for (const event of events) {
    const type = eventRoutes[event.type].webhook!;
    for (const endpoint of endpoints.filter((row) => row.partner_id === event.lead.partner.id && row.events.includes(type))) {
      em.create(WebhookDelivery, { endpoint: em.getReference(WebhookEndpoint, endpoint.id), type, leadEvent: event, lead: event.lead, leadStatus: event.lead.status });
    }
  }
}

type Addressee = NonNullable<EventRoute['email']>['to'];

/**
 * Who an email to each addressee goes to, the one place of that rule: the lead's partner's members,
 * or its inquiry's seller. `join` leads from a lead row `l` (which needs only `column`) to users `u`.
 */
const addressees: Record<Addressee, { column: string; keyOf: (lead: LeadEvent['lead']) => number; join: string }> = {
  partner: { column: 'partner_id', keyOf: (lead) => lead.partner.id, join: 'join users u on u.partner_id = l.partner_id' },
  seller: {
    column: 'inquiry_id', keyOf: (lead) => lead.inquiry.id,
    join: 'join inquiries i on i.id = l.inquiry_id join users u on u.id = i.seller_id',
  },
};

interface Recipient { id: number; email: string }

/**
 * Each event's recipients, one plain statement per addressee whatever the number of events: an email
 * needs only each recipient's id and address, so no user is loaded as an entity. In id order.
 */
async function recipientsOf(em: EntityManager, events: LeadEvent[]): Promise<Map<LeadEvent, Recipient[]>> {
  const recipients = new Map(events.map((event) => [event, [] as Recipient[]]));
  for (const [to, { column, keyOf, join }] of Object.entries(addressees)) {
    const addressed = events.filter((event) => eventRoutes[event.type].email!.to === to);
    if (!addressed.length) continue;
    const rows = await em.execute<(Recipient & { place: number })[]>(`select l.place::int as place, u.id, u.email
      from unnest(?::int[]) with ordinality as l(${column}, place) ${join} order by u.id`,
    [pgArray(addressed.map((event) => keyOf(event.lead)))]);
    for (const { place, id, email } of rows) recipients.get(addressed[place - 1])!.push({ id, email });
  }
  return recipients;
}

/**
 * For lead events written natively, the outbox rows the flush hook above would write (emails and
 * webhook deliveries), as data-modifying CTEs named `email` and `webhook` to append to a `with`
 * list (with a leading comma; empty when the types notify nobody). `events` (id, lead_id, type) and
 * `leads` (id, partner_id, status) name the new rows, e.g. earlier CTEs of the writing statement.
 * Recipients and endpoints come in id order, as from the hook.
 */
export function outboxCtes(events: string, leads: string, eventTypes: string[]): string {
  const emails = outboxInsertSql(events, leads, eventTypes);
  const webhooks = webhookInsertSql(events, leads, eventTypes);
  return `${emails ? `, email as (${emails})` : ''}${webhooks ? `, webhook as (${webhooks})` : ''}`;
}

function outboxInsertSql(events: string, leads: string, eventTypes: string[]): string | null {
  const routed = eventTypes.filter((type) => eventRoutes[type]?.email);
  if (!routed.length) return null;
  const recipients = routed.map((type) => {
    const { kind, to } = eventRoutes[type].email!;
    return `select e.id as event_id, e.lead_id, u.id as recipient_id, u.email, '${kind}' as kind
      from ${events} e join ${leads} l on l.id = e.lead_id ${addressees[to].join} where e.type = '${type}'`;
  }).join(' union all ');
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
export async function emailPartnerMembers(em: EntityManager, kind: EmailKind, event: { id: number; leadId: number }, partnerId: number): Promise<void> {
  await em.execute(`${insertEmailsSql(`select ?::text as kind, ?::int as event_id, ?::int as lead_id, u.id as recipient_id, u.email
    from users u where u.partner_id = ?`, 'order by r.recipient_id')} on conflict do nothing`, [kind, event.id, event.leadId, partnerId], 'run');
}

function webhookInsertSql(events: string, leads: string, eventTypes: string[]): string | null {
  const routed = eventTypes.filter((type) => eventRoutes[type]?.webhook);
  if (!routed.length) return null;
  const deliveries = routed.map((type) => `select w.id as endpoint_id, e.id as event_id, e.lead_id, l.status, '${eventRoutes[type].webhook}' as type
      from ${events} e join ${leads} l on l.id = e.lead_id
      join webhook_endpoints w on w.partner_id = l.partner_id and w.disabled_at is null and w.events @> '["${eventRoutes[type].webhook}"]'
      where e.type = '${type}'`).join(' union all ');
  return `insert into webhook_deliveries (endpoint_id, event_id, type, lead_event_id, lead_id, lead_status, status, attempts, next_attempt_at, created_at)
    select r.endpoint_id, gen_random_uuid(), r.type, r.event_id, r.lead_id, r.status, '${WebhookDeliveryStatus.PENDING}', 0, now(), now()
    from (${deliveries}) r order by r.event_id, r.endpoint_id`;
}
