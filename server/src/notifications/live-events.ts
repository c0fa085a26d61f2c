import { InquiryUpdateType, LeadAlertType } from '@slp/shared';
import { eventRoutes } from './event-routes.js';

/**
 * What PostgreSQL NOTIFY carries on the events channel, written by database triggers: ids, and who
 * may hear of the change (looked up in the writing transaction), so no process queries to route it.
 */
export type ChangeNotice =
  | { kind: 'lead'; type: string; leadId: number; eventId: number; partnerId: number; sellerId: number }
  | { kind: 'inquiry'; type: 'INQUIRY_UPDATED'; inquiryId: number; leads: { leadId: number; partnerId: number }[] };

/** One change, and who may hear of it: a partner's members or one seller. */
export interface LiveEvent {
  leadId: number;
  leadAlert?: { type: LeadAlertType; partnerId: number };
  inquiryUpdate?: { type: InquiryUpdateType; sellerId: number };
}

/** The subscribers an event is for: the members of one partner, or one seller. */
export type Audience = { partnerId: number } | { sellerId: number };

/** Turns a notice into live events, without a query: the notice names its audience. */
export function liveEventsOf(notice: ChangeNotice): LiveEvent[] {
  if (notice.kind === 'inquiry') {
    return notice.leads.map(({ leadId, partnerId }) => ({ leadId, leadAlert: { type: LeadAlertType.INQUIRY_UPDATED, partnerId } }));
  }
  const route = eventRoutes[notice.type];
  if (!route?.leadAlert && !route?.inquiryUpdate) return [];
  return [
    {
      leadId: notice.leadId,
      leadAlert: route.leadAlert && { type: route.leadAlert, partnerId: notice.partnerId },
      inquiryUpdate: route.inquiryUpdate && { type: route.inquiryUpdate, sellerId: notice.sellerId },
    },
  ];
}

const keyOf = (audience: Audience) => ('partnerId' in audience ? `partner:${audience.partnerId}` : `seller:${audience.sellerId}`);

function audiencesOf(event: LiveEvent): Audience[] {
  return [
    ...(event.leadAlert ? [{ partnerId: event.leadAlert.partnerId }] : []),
    ...(event.inquiryUpdate ? [{ sellerId: event.inquiryUpdate.sellerId }] : []),
  ];
}

type Listener = (event: LiveEvent) => void;

/**
 * This process's subscribers to live events, indexed by audience: an event reaches only the
 * subscriptions of the partner or seller it concerns, however many others the process holds.
 */
export class LiveEventHub {
  private readonly listeners = new Map<string, Set<Listener>>();

  publish(event: LiveEvent): void {
    for (const audience of audiencesOf(event)) {
      for (const listener of this.listeners.get(keyOf(audience)) ?? []) listener(event);
    }
  }

  /**
   * An async iterator of what `select` makes of each event for `audience` (null skips it), for one
   * subscription; events are selected one at a time, in the order they were published.
   * `return()` unsubscribes at once, even while waiting for the next event.
   */
  stream<T>(audience: Audience, select: (event: LiveEvent) => Promise<T | null>): AsyncIterableIterator<T> {
    const queue: LiveEvent[] = [];
    let wake: (() => void) | null = null;
    let done = false;
    const listener: Listener = (event) => {
      queue.push(event);
      wake?.();
    };
    const unsubscribe = this.listen(keyOf(audience), listener);
    const finish = async (): Promise<IteratorResult<T>> => {
      done = true;
      unsubscribe();
      wake?.();
      return { value: undefined, done: true };
    };
    const next = async (): Promise<IteratorResult<T>> => {
      while (!done) {
        const event = queue.shift();
        if (!event) {
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
          wake = null;
          continue;
        }
        const value = await select(event);
        if (value != null) return { value, done: false };
      }
      return { value: undefined, done: true };
    };
    return {
      next,
      return: finish,
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }

  /** How many subscriptions of this process wait for the audience's events. */
  listenerCount(audience: Audience): number {
    return this.listeners.get(keyOf(audience))?.size ?? 0;
  }

  private listen(key: string, listener: Listener): () => void {
    const listeners = this.listeners.get(key) ?? new Set<Listener>();
    this.listeners.set(key, listeners.add(listener));
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && this.listeners.get(key) === listeners) this.listeners.delete(key);
    };
  }
}

/**
 * type-graphql requires a PubSub once a schema has subscriptions, but ours stream from the app's
 * LiveEventHub through their own `subscribe` functions; topic-based subscriptions are refused.
 */
export const noTopicsPubSub = {
  publish(): never {
    throw new Error('Publish to the LiveEventHub instead');
  },
  subscribe(): never {
    throw new Error('Subscriptions stream from the LiveEventHub; topics are not used');
  },
};
