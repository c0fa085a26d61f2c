import { FlushMode, type EventSubscriber, type FlushEventArgs } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { User } from '../auth/user.entity.js';
import { Inquiry } from '../inquiries/inquiry.entity.js';
import { LeadEvent } from '../leads/lead-event.entity.js';
import { eventRoutes } from './event-routes.js';
import { OutboxEmail } from './outbox-email.entity.js';

/** Reads during a flush must not trigger another flush. */
const duringFlush = { flushMode: FlushMode.COMMIT } as const;

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
        em.create(OutboxEmail, { kind, event, lead: event.lead, recipient, recipientEmail: recipient.email });
      }
    }
  }
}

/** The partner's members or the seller, per event, in two queries whatever the number of events. */
async function recipientsOf(em: EntityManager, events: LeadEvent[]): Promise<Map<LeadEvent, User[]>> {
  const toPartner = events.filter((event) => eventRoutes[event.type].email!.to === 'partner');
  const toSeller = events.filter((event) => eventRoutes[event.type].email!.to === 'seller');
  const members = toPartner.length
    ? await em.find(User, { partner: { $in: toPartner.map((event) => event.lead.partner.id) } }, { ...duringFlush, orderBy: { id: 'asc' } })
    : [];
  const inquiries = toSeller.length
    ? await em.find(Inquiry, { id: { $in: toSeller.map((event) => event.lead.inquiry.id) } }, { ...duringFlush, populate: ['seller'] })
    : [];
  const sellerOf = new Map(inquiries.map((inquiry) => [inquiry.id, inquiry.seller]));
  return new Map<LeadEvent, User[]>([
    ...toPartner.map((event): [LeadEvent, User[]] => [event, members.filter((user) => user.partner?.id === event.lead.partner.id)]),
    ...toSeller.map((event): [LeadEvent, User[]] => [event, [sellerOf.get(event.lead.inquiry.id)!]]),
  ]);
}
