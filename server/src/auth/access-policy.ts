import { ContactAccess, LeadCloseReason, LeadStatus, PartnerStatus, Role } from '@slp/shared';
import type { Sql } from '../db/sql.js';

/** Who asks, as far as the rules care: structural, so the policy depends on no entity or request type. */
export interface PolicyViewer {
  user: { id: number; role: Role };
  partner: { id: number; status: PartnerStatus } | null;
}

/**
 * Who may see what (SPEC section 4), in one place: each restricted kind of data has one rule from
 * the viewer and plain facts to a verdict. Nothing here knows GraphQL, HTTP or the ORM, so the
 * schema (schema/field-guards.ts), list queries, emails and live alerts all ask the same rules.
 * Where a list is filtered in SQL, the predicate sits beside the rule it mirrors, written from the
 * same tables of statuses, and access-policy.test.ts checks that both agree on every case.
 */

/** A lead as its rules need it. */
export interface LeadFacts {
  partnerId: number;
  status: LeadStatus;
  closeReason: LeadCloseReason | null;
}

/** An inquiry as its rules need it: its seller, and the viewer's partner's lead on it (if any). */
export interface InquiryFacts {
  sellerId: number;
  viewerLead: LeadFacts | null;
}

export interface ServiceFacts {
  partnerId: number;
  isPublic: boolean;
  partnerStatus: PartnerStatus;
}
export interface PartnerFacts {
  partnerId: number;
  status: PartnerStatus;
}
/** Something that belongs to one partner (an API token, a webhook endpoint). */
export interface PartnerOwnedFacts {
  partnerId: number;
}
export interface AuthorizationFacts {
  sellerId: number;
  partnerId: number;
}
export interface ReviewFacts {
  authorId: number;
  partnerId: number;
  hidden: boolean;
}

const PROFILE_STATUSES: readonly LeadStatus[] = [LeadStatus.NEW, LeadStatus.FOLLOWING, LeadStatus.DEAL, LeadStatus.CLOSED];
const CONTACT_STATUSES: readonly LeadStatus[] = [LeadStatus.FOLLOWING, LeadStatus.DEAL];
/** A lead an operator took back leaves the partner nothing of the inquiry. */
const PROFILE_HIDDEN_CLOSE_REASONS: readonly LeadCloseReason[] = [LeadCloseReason.UNASSIGNED];

const isOperator = (viewer: PolicyViewer | null) => viewer?.user.role === Role.OPERATOR;
const isSeller = (viewer: PolicyViewer | null, sellerId: number) => viewer?.user.role === Role.SELLER && viewer.user.id === sellerId;
const isMember = (viewer: PolicyViewer | null, partnerId: number) => viewer?.partner?.id === partnerId;

/** Lead actions, public services and API tokens need an onboarded partner; reading does not. */
export function partnerMayAct(status: PartnerStatus): boolean {
  return status === PartnerStatus.ONBOARDED;
}

function leadShowsProfile(lead: LeadFacts): boolean {
  return PROFILE_STATUSES.includes(lead.status) && !(lead.closeReason && PROFILE_HIDDEN_CLOSE_REASONS.includes(lead.closeReason));
}

/** The viewer's partner's own lead, when the viewer is one of its members. */
function ownLead(viewer: PolicyViewer | null, facts: InquiryFacts): LeadFacts | null {
  return facts.viewerLead && isMember(viewer, facts.viewerLead.partnerId) ? facts.viewerLead : null;
}

export const accessPolicy = {
  /** The inquiry's business profile (everything but the contact). */
  inquiry(viewer: PolicyViewer | null, facts: InquiryFacts): boolean {
    if (isSeller(viewer, facts.sellerId) || isOperator(viewer)) return true;
    const lead = ownLead(viewer, facts);
    return !!lead && leadShowsProfile(lead);
  },

  /** Whether the seller's contact name and email are there for this viewer, and why not. */
  contact(viewer: PolicyViewer | null, facts: InquiryFacts): ContactAccess {
    if (isSeller(viewer, facts.sellerId) || isOperator(viewer)) return ContactAccess.VISIBLE;
    const lead = ownLead(viewer, facts);
    if (!lead || lead.status === LeadStatus.NEW) return ContactAccess.LOCKED;
    if (!CONTACT_STATUSES.includes(lead.status)) return ContactAccess.REVOKED;
    return partnerMayAct(viewer!.partner!.status) ? ContactAccess.VISIBLE : ContactAccess.PARTNER_NOT_ONBOARDED;
  },

  /**
   * A tab's CSV export (exports/): a partner's members, of their own partner's leads. Operators read
   * every partner's leads over the API, but a bulk download of every seller's details is not theirs.
   */
  leadExport(viewer: PolicyViewer | null): boolean {
    return viewer?.user.role === Role.PARTNER && !!viewer.partner;
  },

  /** A lead: its partner's members, the inquiry's seller, operators. */
  lead(viewer: PolicyViewer | null, facts: { partnerId: number; sellerId: number }): boolean {
    return isOperator(viewer) || isMember(viewer, facts.partnerId) || isSeller(viewer, facts.sellerId);
  },

  /** A rejection's reason and note, and the partner's remark on no agreement: never the seller's. */
  partnerNotes(viewer: PolicyViewer | null, facts: PartnerOwnedFacts): boolean {
    return isOperator(viewer) || isMember(viewer, facts.partnerId);
  },

  /** Why and when an operator set a partner's status (a suspension's reason): its members and operators. */
  partnerStanding(viewer: PolicyViewer | null, facts: PartnerOwnedFacts): boolean {
    return isOperator(viewer) || isMember(viewer, facts.partnerId);
  },

  /** The directory's rule, on every path: public services of onboarded partners, or insiders. */
  service(viewer: PolicyViewer | null, facts: ServiceFacts): boolean {
    const listed = facts.isPublic === DIRECTORY_RULE.isPublic && facts.partnerStatus === DIRECTORY_RULE.partnerStatus;
    return listed || isOperator(viewer) || isMember(viewer, facts.partnerId);
  },

  /**
   * Onboarded partners are public. One that is not is seen by its members and operators, and by a
   * seller it has a lead with (`worksForViewer`): the seller's own requests keep naming the partner.
   */
  partner(viewer: PolicyViewer | null, facts: PartnerFacts & { worksForViewer: boolean }): boolean {
    return facts.status === PartnerStatus.ONBOARDED || isOperator(viewer) || isMember(viewer, facts.partnerId) || facts.worksForViewer;
  },

  authorization(viewer: PolicyViewer | null, facts: AuthorizationFacts): boolean {
    return isOperator(viewer) || isMember(viewer, facts.partnerId) || isSeller(viewer, facts.sellerId);
  },

  /** API tokens and webhook endpoints: their partner's members, and operators. */
  partnerSetting(viewer: PolicyViewer | null, facts: PartnerOwnedFacts): boolean {
    return isOperator(viewer) || isMember(viewer, facts.partnerId);
  },

  /** The local mailbox holds every recipient's email: operators (and developers logged in as one) only. */
  mailbox(viewer: PolicyViewer | null): boolean {
    return isOperator(viewer);
  },

  /** Accounts are private: a user sees itself; operators see everyone. */
  user(viewer: PolicyViewer | null, facts: { userId: number }): boolean {
    return isOperator(viewer) || viewer?.user.id === facts.userId;
  },

  /** A hidden review is seen only by its author and operators. */
  review(viewer: PolicyViewer | null, facts: ReviewFacts): boolean {
    return !facts.hidden || isOperator(viewer) || viewer?.user.id === facts.authorId;
  },
};

// ---- The same rules as SQL predicates, for lists, filters, search, ordering and counts. ----

const sqlList = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');

/**
 * Which rows of `leads l` the viewer may list, or null when it may list none: a partner's members
 * their partner's leads, operators every lead. (A seller reads leads through its inquiries.)
 */
export function listedLeadsSql(viewer: PolicyViewer | null): Sql | null {
  if (isOperator(viewer)) return { sql: 'true', params: [] };
  if (viewer?.user.role === Role.PARTNER && viewer.partner) return { sql: 'l.partner_id = ?', params: [viewer.partner.id] };
  return null;
}

/**
 * Rows of `leads l` whose inquiry's business profile the viewer may see (`accessPolicy.inquiry` for
 * the lead's own partner): a condition on the profile (a filter, a search, an order) is only ever
 * applied together with this one, so a hidden inquiry never changes what a list returns.
 */
export function profileVisibleSql(viewer: PolicyViewer | null): Sql {
  if (isOperator(viewer)) return { sql: 'true', params: [] };
  return {
    sql: `(l.status in (${sqlList(PROFILE_STATUSES)}) and (l.close_reason is null or l.close_reason not in (${sqlList(PROFILE_HIDDEN_CLOSE_REASONS)})))`,
    params: [],
  };
}

/** Rows of reviews `l` the viewer may see (`accessPolicy.review`): visible ones, its own, or all for operators. */
export function reviewsVisibleSql(viewer: PolicyViewer | null): Sql {
  if (isOperator(viewer)) return { sql: 'true', params: [] };
  if (viewer) return { sql: '(l.hidden_at is null or l.author_id = ?)', params: [viewer.user.id] };
  return { sql: 'l.hidden_at is null', params: [] };
}

/** What the directory lists, and what anyone may see of a service: `accessPolicy.service` for outsiders. */
export const DIRECTORY_RULE = { isPublic: true, partnerStatus: PartnerStatus.ONBOARDED } as const;

/** Services of one partner the viewer may see: all of them for insiders, the directory's for others. */
export function partnerServicesVisibleTo(viewer: PolicyViewer | null, partnerId: number): 'all' | 'directory' {
  return isOperator(viewer) || isMember(viewer, partnerId) ? 'all' : 'directory';
}
