import { GraphQLError } from 'graphql';
import { Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import { Role } from '@slp/shared';
import type { Credentials } from '../auth/credentials.js';
import type { Viewer } from '../auth/viewer.js';
import { contextForViewer, type Context } from '../graphql/context.js';
import { Lead } from '../leads/lead.entity.js';
import type { LiveEvent, LiveEventHub } from './live-events.js';
import { InquiryUpdate, LeadAlert } from './notifications.types.js';
import { authenticate } from './connection-auth.js';

/** A WebSocket operation's context: its credentials are checked again before every event. */
export interface SubscriptionContext extends Context { live: { hub: LiveEventHub; credentials: Credentials } }

function refused(message: string, code: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code } });
}

/**
 * Streams what `select` makes of each event for this subscriber. Events addressed to someone else
 * (judged on who connected) are skipped before any query: every subscriber of the process sees every
 * event. Before each payload the context gets a fresh EntityManager and loaders, and the viewer is
 * looked up again: the payload's fields are then resolved, with the same visibility rules as any
 * query, from the data as it is now.
 */
function streamFor<T>(data: SubscribeResolverData<unknown, object, SubscriptionContext>, role: Role,
  addressed: (viewer: Viewer, event: LiveEvent) => boolean,
  select: (ctx: SubscriptionContext, event: LiveEvent) => Promise<T | null>) {
  const ctx = data.context;
  const subscriber = ctx.viewer;
  if (subscriber?.user.role !== role) throw refused(`Only a ${role.toLowerCase()} can subscribe to this`, 'FORBIDDEN');
  return ctx.live.hub.stream(async (event) => {
    if (!addressed(subscriber, event)) return null;
    const em = ctx.em.fork({ clear: true });
    const viewer = await authenticate(em, ctx.live.credentials);
    if (!viewer) throw refused('The session has ended', 'UNAUTHENTICATED');
    Object.assign(ctx, contextForViewer(em, viewer));
    return select(ctx, event);
  });
}

async function reload(ctx: Context, leadId: number): Promise<Lead | null> {
  return ctx.em.findOne(Lead, leadId, { populate: ['inquiry'] });
}

@Resolver()
export class SubscriptionResolver {
  @Subscription(() => LeadAlert, {
    description: "A partner's members: new leads, leads a seller closed, and edits to inquiries the partner works.",
    subscribe: (data) => streamFor(data as SubscribeResolverData<unknown, object, SubscriptionContext>, Role.PARTNER,
      (viewer, event) => event.leadAlert?.partnerId === viewer.partner?.id,
      async (ctx, event) => {
        if (!event.leadAlert || event.leadAlert.partnerId !== ctx.viewer?.partner?.id) return null;
        const lead = await reload(ctx, event.leadId);
        return lead && { type: event.leadAlert.type, lead };
      }),
  })
  leadAlerts(@Root() alert: LeadAlert): LeadAlert {
    return alert;
  }

  @Subscription(() => InquiryUpdate, {
    description: 'A seller: partners following up, rejecting, reaching a deal or closing without agreement.',
    subscribe: (data) => streamFor(data as SubscribeResolverData<unknown, object, SubscriptionContext>, Role.SELLER,
      (viewer, event) => event.inquiryUpdate?.sellerId === viewer.user.id,
      async (ctx, event) => {
        if (!event.inquiryUpdate || event.inquiryUpdate.sellerId !== ctx.viewer?.user.id) return null;
        const lead = await reload(ctx, event.leadId);
        return lead && { type: event.inquiryUpdate.type, inquiry: lead.inquiry, lead };
      }),
  })
  inquiryUpdates(@Root() update: InquiryUpdate): InquiryUpdate {
    return update;
  }
}
