import type { EntityManager } from '@mikro-orm/postgresql';
import { InquiryUpdateType, LeadAlertType, LeadStatus } from '@slp/shared';
import { Lead } from '../leads/lead.entity.js';
import { eventRoutes } from './event-routes.js';

/** What PostgreSQL NOTIFY carries on the events channel: ids only, written by database triggers. */
export type ChangeNotice =
  | { kind: 'lead'; type: string; leadId: number; eventId: number }
  | { kind: 'inquiry'; type: 'INQUIRY_UPDATED'; inquiryId: number };

/** One change, and who in this process may hear of it: a partner's members or one seller. */
export interface LiveEvent {
  leadId: number;
  leadAlert?: { type: LeadAlertType; partnerId: number };
  inquiryUpdate?: { type: InquiryUpdateType; sellerId: number };
}

/** Partners still working a lead hear of the seller's edits. */
const hearsInquiryEdits = [LeadStatus.NEW, LeadStatus.FOLLOWING, LeadStatus.DEAL];

/** Turns a notice into live events with one query, however many subscribers this process has. */
export async function liveEventsOf(em: EntityManager, notice: ChangeNotice): Promise<LiveEvent[]> {
  if (notice.kind === 'inquiry') {
    const leads = await em.find(Lead, { inquiry: notice.inquiryId, status: { $in: hearsInquiryEdits } });
    return leads.map((lead) => ({ leadId: lead.id, leadAlert: { type: LeadAlertType.INQUIRY_UPDATED, partnerId: lead.partner.id } }));
  }
  const route = eventRoutes[notice.type];
  if (!route?.leadAlert && !route?.inquiryUpdate) return [];
  const lead = await em.findOne(Lead, notice.leadId, { populate: ['inquiry'] });
  if (!lead) return [];
  return [{
    leadId: lead.id,
    leadAlert: route.leadAlert && { type: route.leadAlert, partnerId: lead.partner.id },
    inquiryUpdate: route.inquiryUpdate && { type: route.inquiryUpdate, sellerId: lead.inquiry.seller.id },
  }];
}

type Listener = (event: LiveEvent) => void;

/** This process's subscribers to live events. */
export class LiveEventHub {
  private readonly listeners = new Set<Listener>();

  hasSubscribers(): boolean {
    return this.listeners.size > 0;
  }

  publish(event: LiveEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  /**
   * An async iterator of what `select` makes of each event (null skips it), for one subscription.
   * `return()` unsubscribes at once, even while waiting for the next event.
   */
  stream<T>(select: (event: LiveEvent) => Promise<T | null>): AsyncIterableIterator<T> {
    const queue: LiveEvent[] = [];
    let wake: (() => void) | null = null;
    let done = false;
    const listener: Listener = (event) => { queue.push(event); wake?.(); };
    this.listeners.add(listener);
    const finish = async (): Promise<IteratorResult<T>> => {
      done = true;
      this.listeners.delete(listener);
      wake?.();
      return { value: undefined, done: true };
    };
    const next = async (): Promise<IteratorResult<T>> => {
      while (!done) {
        const event = queue.shift();
        if (!event) {
          await new Promise<void>((resolve) => { wake = resolve; });
          wake = null;
          continue;
        }
        const value = await select(event);
        if (value != null) return { value, done: false };
      }
      return { value: undefined, done: true };
    };
    return { next, return: finish, [Symbol.asyncIterator]() { return this; } };
  }
}

/**
 * type-graphql requires a PubSub once a schema has subscriptions, but ours stream from the app's
 * LiveEventHub through their own `subscribe` functions; topic-based subscriptions are refused.
 */
export const noTopicsPubSub = {
  publish(): never { throw new Error('Publish to the LiveEventHub instead'); },
  subscribe(): never { throw new Error('Subscriptions stream from the LiveEventHub; topics are not used'); },
};
