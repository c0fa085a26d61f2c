import { ContactAccess, Role } from '@slp/shared';
import { accessPolicy } from '../auth/access-policy.js';
import { contactAccessOf, inquiryFacts } from '../inquiries/inquiry-access.js';
import type { ApiToken } from '../api-tokens/api-token.entity.js';
import type { User } from '../auth/user.entity.js';
import type { SellerAuthorization } from '../authorizations/seller-authorization.entity.js';
import type { Inquiry } from '../inquiries/inquiry.entity.js';
import type { Lead } from '../leads/lead.entity.js';
import type { LeadEvent } from '../leads/lead-event.entity.js';
import type { MailboxMessage } from '../notifications/mailbox-message.entity.js';
import type { Partner } from '../partners/partner.entity.js';
import type { Service } from '../partners/service.entity.js';
import type { PartnerReview } from '../reviews/partner-review.entity.js';
import type { WebhookEndpoint } from '../webhooks/webhook.entity.js';
import type { Context } from '../request/context.js';
import type { Read } from '../db/lean-read.js';
import { andThen, type Maybe } from '../graphql/maybe.js';
import type { LeadRead } from '../leads/lead-reads.js';
import type { PartnerRead } from '../partners/partner-reads.js';

/**
 * The access policy as the schema applies it: for each restricted GraphQL type, the facts its rule
 * needs, read through the request's loaders (a plain value when a loader already holds them).
 * field-guards.ts attaches these to every field that can return such an object, and to the
 * restricted fields below; the verdicts themselves are auth/access-policy.ts's.
 */

/** Only a seller viewer can be a lead's seller, so only then is the inquiry read for it. */
function leadSellerId(ctx: Context, lead: LeadRead): Maybe<number | null> {
  if (ctx.viewer?.user.role !== Role.SELLER) return null;
  return andThen(ctx.loaders.inquiry.get(lead.inquiry.id), (inquiry) => inquiry?.seller.id ?? null);
}

/** A not-onboarded partner stays visible to a seller it has leads with: read only in that case. */
function worksForViewer(ctx: Context, partner: PartnerRead): Maybe<boolean> {
  if (ctx.viewer?.user.role !== Role.SELLER) return false;
  return andThen(ctx.loaders.sellerPartnerIds.get(ctx.viewer.user.id), (ids) => ids.includes(partner.id));
}

/** Rules receive rows as read paths and payloads hand them over: reads (a managed entity fits too). */
type ObjectRule<T> = (ctx: Context, value: Read<T>) => Maybe<boolean>;

/** Every restricted object type and its rule; an object that fails its rule resolves to null (lists drop it). */
export const objectRules = {
  Inquiry: ((ctx, inquiry) =>
    andThen(inquiryFacts(ctx, inquiry), (facts) => accessPolicy.inquiry(ctx.viewer, facts))) as ObjectRule<Inquiry>,
  Lead: ((ctx, lead) =>
    andThen(leadSellerId(ctx, lead), (sellerId) =>
      accessPolicy.lead(ctx.viewer, { partnerId: lead.partner.id, sellerId: sellerId ?? 0 }),
    )) as ObjectRule<Lead>,
  Service: ((ctx, service) =>
    andThen(
      ctx.loaders.partner.get(service.partner.id),
      (partner) =>
        !!partner && accessPolicy.service(ctx.viewer, { partnerId: partner.id, isPublic: service.public, partnerStatus: partner.status }),
    )) as ObjectRule<Service>,
  Partner: ((ctx, partner) =>
    andThen(worksForViewer(ctx, partner), (works) =>
      accessPolicy.partner(ctx.viewer, { partnerId: partner.id, status: partner.status, worksForViewer: works }),
    )) as ObjectRule<Partner>,
  SellerAuthorization: ((ctx, authorization) =>
    accessPolicy.authorization(ctx.viewer, {
      sellerId: authorization.seller.id,
      partnerId: authorization.partner.id,
    })) as ObjectRule<SellerAuthorization>,
  ApiToken: ((ctx, token) => accessPolicy.partnerSetting(ctx.viewer, { partnerId: token.partner.id })) as ObjectRule<ApiToken>,
  WebhookEndpoint: ((ctx, endpoint) =>
    accessPolicy.partnerSetting(ctx.viewer, { partnerId: endpoint.partner.id })) as ObjectRule<WebhookEndpoint>,
  MailboxMessage: ((ctx) => accessPolicy.mailbox(ctx.viewer)) as ObjectRule<MailboxMessage>,
  User: ((ctx, user) => accessPolicy.user(ctx.viewer, { userId: user.id })) as ObjectRule<User>,
  PartnerReview: ((ctx, review) =>
    accessPolicy.review(ctx.viewer, {
      authorId: review.author.id,
      partnerId: review.partner.id,
      hidden: review.hiddenAt != null,
    })) as ObjectRule<PartnerReview>,
};

export type RestrictedType = keyof typeof objectRules;

const partnerNotes: ObjectRule<Lead> = (ctx, lead) => accessPolicy.partnerNotes(ctx.viewer, { partnerId: lead.partner.id });
/** A history entry's note is its lead's partner's note: the lead is read only for a viewer the rule may let in. */
const eventNote: ObjectRule<LeadEvent> = (ctx, event) => {
  if (!ctx.viewer || ctx.viewer.user.role === Role.SELLER) return false;
  return andThen(
    ctx.loaders.lead.get(event.lead.id),
    (lead) => !!lead && accessPolicy.partnerNotes(ctx.viewer, { partnerId: lead.partner.id }),
  );
};
const partnerStanding: ObjectRule<Partner> = (ctx, partner) => accessPolicy.partnerStanding(ctx.viewer, { partnerId: partner.id });

/** Fields of a visible object that carry more than the object's own rule allows: null unless their rule passes. */
export const fieldRules: Record<string, ObjectRule<never>> = {
  'Inquiry.contact': ((ctx, inquiry) =>
    andThen(contactAccessOf(ctx, inquiry), (access) => access === ContactAccess.VISIBLE)) as ObjectRule<Inquiry>,
  'Lead.rejectReason': partnerNotes,
  'Lead.rejectNote': partnerNotes,
  'Lead.closeNote': partnerNotes,
  'LeadEvent.note': eventNote,
  'Partner.statusReason': partnerStanding,
  'Partner.statusChangedAt': partnerStanding,
};

export function isRestrictedType(name: string): name is RestrictedType {
  return Object.hasOwn(objectRules, name);
}

/** The rule for a value reached through a field of an interface type (Node): by its class, which is its GraphQL type. */
export function objectRuleFor(value: object): ObjectRule<object> | undefined {
  const name = value.constructor.name;
  return isRestrictedType(name) ? (objectRules[name] as ObjectRule<object>) : undefined;
}
