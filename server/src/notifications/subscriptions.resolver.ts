import { GraphQLError } from 'graphql';
import { Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import { Role } from '@slp/shared';
import type { Credentials } from '../auth/credentials.js';
import type { Viewer } from '../auth/viewer.js';
import { contextForViewer, type Context } from '../request/context.js';
import { primeViewerLead } from '../request/loaders.js';
import type { Audience, LiveEvent, LiveEventHub } from './live-events.js';
import type { LeadOnInquiry, LiveReads } from './live-reads.js';
import { InquiryUpdate, LeadAlert } from './notifications.types.js';

/** A WebSocket operation's context: its credentials are checked again before every event. */
export interface SubscriptionContext extends Context {
  live: { hub: LiveEventHub; reads: LiveReads; credentials: Credentials };
}

function refused(message: string, code: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code } });
}

/**
 * Streams what `select` makes of each event for this subscriber's audience (judged on who connected):
 * the hub hands it only the events of its partner or seller. Before each payload the viewer is looked
 * up again (a revoked token or ended session stops the stream) and the lead and its inquiry are
 * read again, in a batch with every other delivery this process starts at the same moment
 * (LiveReads); with this viewer's own loaders, the payload's fields are then resolved, with the same
 * visibility rules as any query, from the data as it is now.
 */
function streamFor<T>(
  data: SubscribeResolverData<unknown, object, SubscriptionContext>,
  role: Role,
  audienceOf: (viewer: Viewer) => Audience | null,
  select: (ctx: SubscriptionContext, event: LiveEvent, found: LeadOnInquiry) => T | null,
) {
  const ctx = data.context;
  const subscriber = ctx.viewer;
  if (subscriber?.user.role !== role) throw refused(`Only a ${role.toLowerCase()} can subscribe to this`, 'FORBIDDEN');
  const audience = audienceOf(subscriber);
  if (!audience) throw refused('This account belongs to no partner', 'FORBIDDEN');
  return ctx.live.hub.stream(audience, async (event) => {
    const { em, viewer, found } = await ctx.live.reads.forEvent(ctx.live.credentials, event.leadId);
    if (!viewer) throw refused('The session has ended', 'UNAUTHENTICATED');
    Object.assign(ctx, contextForViewer(em, viewer));
    if (!found) return null;
    // The lead and its inquiry answer the payload's fields and access checks without another query.
    ctx.loaders.inquiry.prime(found.inquiry.id, found.inquiry);
    primeViewerLead(ctx.loaders, viewer, found.lead);
    return select(ctx, event, found);
  });
}

@Resolver()
export class SubscriptionResolver {
  @Subscription(() => LeadAlert, {
    description: "A partner's members: new leads, leads a seller closed, and edits to inquiries the partner works.",
    subscribe: (data) =>
      streamFor(
        data as SubscribeResolverData<unknown, object, SubscriptionContext>,
        Role.PARTNER,
        (viewer) => viewer.partner && { partnerId: viewer.partner.id },
        (ctx, event, { lead }) =>
          event.leadAlert && event.leadAlert.partnerId === ctx.viewer?.partner?.id ? { type: event.leadAlert.type, lead } : null,
      ),
  })
  leadAlerts(@Root() alert: LeadAlert): LeadAlert {
    return alert;
  }

  @Subscription(() => InquiryUpdate, {
    description: 'A seller: partners following up, rejecting, reaching a deal or closing without agreement.',
    subscribe: (data) =>
      streamFor(
        data as SubscribeResolverData<unknown, object, SubscriptionContext>,
        Role.SELLER,
        (viewer) => ({ sellerId: viewer.user.id }),
        (ctx, event, { lead, inquiry }) =>
          event.inquiryUpdate && event.inquiryUpdate.sellerId === ctx.viewer?.user.id
            ? { type: event.inquiryUpdate.type, inquiry, lead }
            : null,
      ),
  })
  inquiryUpdates(@Root() update: InquiryUpdate): InquiryUpdate {
    return update;
  }
}
