import type { EventSubscriber, FlushEventArgs } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { User } from '../auth/user.entity.js';
import { pgIntArray } from '../db/pg-array.js';
import { LeadEvent } from '../leads/lead-event.entity.js';
import { eventRoutes } from './event-routes.js';
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

interface Recipient { id: number; email: string }

/**
 * The partner's members or the seller, per event, in two plain statements whatever the number of
 * events: an email needs only each recipient's id and address, so no user is loaded as an entity.
 */
async function recipientsOf(em: EntityManager, events: LeadEvent[]): Promise<Map<LeadEvent, Recipient[]>> {
  const toPartner = events.filter((event) => eventRoutes[event.type].email!.to === 'partner');
  const toSeller = events.filter((event) => eventRoutes[event.type].email!.to === 'seller');
  const members = toPartner.length
    ? await em.execute<(Recipient & { partner_id: number })[]>(MEMBERS, [pgIntArray(toPartner.map((event) => event.lead.partner.id))])
    : [];
  const sellers = toSeller.length
    ? await em.execute<(Recipient & { inquiry_id: number })[]>(SELLERS, [pgIntArray(toSeller.map((event) => event.lead.inquiry.id))])
    : [];
  const sellerOf = new Map(sellers.map((seller) => [seller.inquiry_id, seller]));
  return new Map<LeadEvent, Recipient[]>([
    ...toPartner.map((event): [LeadEvent, Recipient[]] => [event, members.filter((user) => user.partner_id === event.lead.partner.id)]),
    ...toSeller.map((event): [LeadEvent, Recipient[]] => [event, [sellerOf.get(event.lead.inquiry.id)!]]),
  ]);
}

const MEMBERS = 'select id, email, partner_id from users where partner_id = any(?::int[]) order by id';
const SELLERS = 'select u.id, u.email, i.id as inquiry_id from inquiries i join users u on u.id = i.seller_id where i.id = any(?::int[])';

/** The same recipients joined to a lead row `l`, for outbox rows written with plain SQL (below). */
const recipientJoin: Record<'partner' | 'seller', string> = {
  partner: 'join users u on u.partner_id = l.partner_id',
  seller: 'join inquiries i on i.id = l.inquiry_id join users u on u.id = i.seller_id',
};

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
      from ${events} e join ${leads} l on l.id = e.lead_id ${recipientJoin[to]} where e.type = '${type}'`;
  }).join(' union all ');
  return `insert into outbox_emails (message_id, kind, event_id, lead_id, recipient_id, recipient_email, status, attempts, next_attempt_at, created_at)
    select '<' || gen_random_uuid() || '@${messageIdDomain}>', r.kind, r.event_id, r.lead_id, r.recipient_id, r.email,
      '${EmailStatus.PENDING}', 0, now(), now()
    from (${recipients}) r order by r.event_id, r.recipient_id`;
}
