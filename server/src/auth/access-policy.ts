import { ContactAccess, LeadCloseReason, LeadStatus, Role } from '@slp/shared';
import type { Context } from '../graphql/context.js';
import { andThen, type Maybe } from '../graphql/maybe.js';
import type { Inquiry } from '../inquiries/inquiry.entity.js';
import type { Lead } from '../leads/lead.entity.js';
import type { SellerAuthorization } from '../authorizations/seller-authorization.entity.js';
import type { User } from './user.entity.js';
import { isMemberOf, isOperator } from './viewer.js';

/**
 * Who may see what (SPEC section 4), in one place. The schema applies these rules to every field
 * and every object on every path (queries, node(id:), nested fields, subscription payloads).
 */

const profileVisibleTo: readonly LeadStatus[] = [LeadStatus.NEW, LeadStatus.FOLLOWING, LeadStatus.DEAL, LeadStatus.CLOSED];
const contactVisibleTo: readonly LeadStatus[] = [LeadStatus.FOLLOWING, LeadStatus.DEAL];

function isOwner(ctx: Context, inquiry: Inquiry): boolean {
  return ctx.viewer?.user.role === Role.SELLER && inquiry.seller.id === ctx.viewer.user.id;
}

function partnerLead(ctx: Context, inquiry: Inquiry): Maybe<Lead | null> {
  if (!ctx.viewer?.partner) return null;
  return ctx.loaders.viewerLeadOnInquiry.get(inquiry.id);
}

export function canSeeInquiry(ctx: Context, inquiry: Inquiry): Maybe<boolean> {
  if (isOwner(ctx, inquiry) || isOperator(ctx.viewer)) return true;
  // A lead an operator took back leaves the partner nothing of the inquiry.
  return andThen(partnerLead(ctx, inquiry), (lead) =>
    !!lead && profileVisibleTo.includes(lead.status) && lead.closeReason !== LeadCloseReason.UNASSIGNED);
}

/** Why the seller's contact details are or are not there for this viewer. */
export function contactAccess(ctx: Context, inquiry: Inquiry): Maybe<ContactAccess> {
  if (isOwner(ctx, inquiry) || isOperator(ctx.viewer)) return ContactAccess.VISIBLE;
  return andThen(partnerLead(ctx, inquiry), (lead) => {
    if (!lead || lead.status === LeadStatus.NEW) return ContactAccess.LOCKED;
    return contactVisibleTo.includes(lead.status) ? ContactAccess.VISIBLE : ContactAccess.REVOKED;
  });
}

export function canSeeContact(ctx: Context, inquiry: Inquiry): Maybe<boolean> {
  return andThen(contactAccess(ctx, inquiry), (access) => access === ContactAccess.VISIBLE);
}

export function canSeeLead(ctx: Context, lead: Lead): Maybe<boolean> {
  if (isOperator(ctx.viewer) || isMemberOf(ctx.viewer, lead.partner.id)) return true;
  if (ctx.viewer?.user.role !== Role.SELLER) return false;
  return andThen(ctx.loaders.inquiry.get(lead.inquiry.id), (inquiry) => !!inquiry && isOwner(ctx, inquiry));
}

/** A rejection's reason and note belong to the partner and the platform, never the seller. */
export function canSeeRejectDetails(ctx: Context, lead: Lead): boolean {
  return isOperator(ctx.viewer) || isMemberOf(ctx.viewer, lead.partner.id);
}

export function canSeeAuthorization(ctx: Context, authorization: SellerAuthorization): boolean {
  return isOperator(ctx.viewer) || isMemberOf(ctx.viewer, authorization.partner.id)
    || ctx.viewer?.user.id === authorization.seller.id;
}

/** The leads on an inquiry a viewer may list: all for its owner and operators, a partner's own for a partner. */
export function leadsVisibleOnInquiry(ctx: Context, leads: Lead[]): Lead[] {
  const partnerId = ctx.viewer?.partner?.id;
  return partnerId ? leads.filter((lead) => lead.partner.id === partnerId) : leads;
}

/** Accounts are private: a user sees itself; operators see everyone. */
export function canSeeUser(ctx: Context, user: User): boolean {
  return isOperator(ctx.viewer) || ctx.viewer?.user.id === user.id;
}
