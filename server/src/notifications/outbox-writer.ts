import type { EventSubscriber, FlushEventArgs } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { User } from '../auth/user.entity.js';
import { pgArray } from '../db/pg-array.js';
import { LeadEvent } from '../leads/lead-event.entity.js';
import { eventRoutes, type EventRoute } from './event-routes.js';
import { EmailStatus, OutboxEmail, messageIdDomain } from './outbox-email.entity.js';

/**
 * Writes the outbox rows for every new lead event in the same flush, hence the same transaction,
 * as the change itself: a rolled-back change leaves no email behind. Whatever code moves a lead,
 * its LeadEvent row is what notifies.
 */
export class OutboxWriter implements EventSubscriber {
  async beforeFlush({ em, uow }: FlushEventArgs): Promise<void> {
    const events = [...uow.getPersistStack()]
      .filter((entity): entity is LeadEvent => entity instanceof LeadEvent && entity.id === undefined
        && !!eventRoutes[entity.type]?.email);
    if (!events.length) return;
    const recipients = await recipientsOf(em as EntityManager, events);
    for (const event of events) {
      const kind = eventRoutes[event.type].email!.kind;
      for (const recipient of recipients.get(event) ?? []) {
        em.create(OutboxEmail, { kind, event, lead: event.lead, recipient: em.getReference(User, recipient.id), recipientEmail: recipient.email });
      }
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
 * For lead events written natively, the outbox rows the flush hook above would write, as one
 * `insert … select` from the same routes and recipients. `events` (id, lead_id, type) and `leads`
 * name the new rows, e.g. CTEs of the writing statement; null when none of the types emails anyone.
 * Recipients come in id order, as from the hook.
 */
export function outboxInsertSql(events: string, leads: string, eventTypes: string[]): string | null {
  const routed = eventTypes.filter((type) => eventRoutes[type]?.email);
  if (!routed.length) return null;
  const recipients = routed.map((type) => {
    const { kind, to } = eventRoutes[type].email!;
    return `select e.id as event_id, e.lead_id, u.id as recipient_id, u.email, '${kind}' as kind
      from ${events} e join ${leads} l on l.id = e.lead_id ${addressees[to].join} where e.type = '${type}'`;
  }).join(' union all ');
  return `insert into outbox_emails (message_id, kind, event_id, lead_id, recipient_id, recipient_email, status, attempts, next_attempt_at, created_at)
    select '<' || gen_random_uuid() || '@${messageIdDomain}>', r.kind, r.event_id, r.lead_id, r.recipient_id, r.email,
      '${EmailStatus.PENDING}', 0, now(), now()
    from (${recipients}) r order by r.event_id, r.recipient_id`;
}
