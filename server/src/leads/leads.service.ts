import type { EntityManager } from '@mikro-orm/postgresql';
import { LockMode, raw } from '@mikro-orm/core';
import {
  CompanySize, LeadAction, LeadSource, LeadStatus, ProductCategory, RejectReason, ServiceType, UserErrorCode,
  rejectLeadRules,
} from '@slp/shared';
import { DomainError, validate } from '../domain-error.js';
import { SqlConditions, type Sql } from '../db/sql.js';
import { isOperator, requirePartner, requireViewer, type Viewer } from '../auth/viewer.js';
import { idOfType } from '../graphql/node.js';
import { Inquiry } from '../inquiries/inquiry.entity.js';
import { SellerAuthorization } from '../authorizations/seller-authorization.entity.js';
import { Lead } from './lead.entity.js';
import { assertTransition, lockLead, transitionLead, type LeadChange } from './lead-state-machine.js';

export interface LeadFilterData {
  serviceType?: ServiceType | null; productCategory?: ProductCategory | null;
  companySize?: CompanySize | null; source?: LeadSource | null;
}

export type LeadCountsData = Record<'new' | 'following' | 'deal' | 'closed', number>;

const inquiryHas = (column: string) => `exists (select 1 from inquiries i where i.id = l.inquiry_id and i.${column} = ?)`;

const noSuchLead = () => DomainError.of(UserErrorCode.NOT_FOUND, 'No such lead', ['leadId']);

/** Prepares what a transition writes besides the move (e.g. the matched authorization). */
type Prepare = (em: EntityManager, lead: Lead) => Promise<((lead: Lead) => void) | undefined>;

/** The partner's side of a lead: its tabs, and the actions its members take on it. */
export class LeadsService {
  constructor(private readonly em: EntityManager) {}

  follow(viewer: Viewer | null, leadId: string): Promise<LeadChange> {
    return this.actAsPartner(viewer, leadId, LeadAction.FOLLOW_UP);
  }

  reject(viewer: Viewer | null, input: { leadId: string; reason: RejectReason; note?: string | null }): Promise<LeadChange> {
    const { note } = validate(rejectLeadRules, { note: input.note });
    return this.actAsPartner(viewer, input.leadId, LeadAction.REJECT, async () => (lead) => {
      lead.rejectReason = input.reason;
      lead.rejectNote = note;
    });
  }

  markNoAgreement(viewer: Viewer | null, input: { leadId: string; note?: string | null }): Promise<LeadChange> {
    // The same bounds as a rejection's note: both are the partner's own remark.
    const { note } = validate(rejectLeadRules, { note: input.note });
    return this.actAsPartner(viewer, input.leadId, LeadAction.MARK_NO_AGREEMENT, async () => (lead) => {
      lead.closeNote = note;
    });
  }

  /** The manual path to a deal: the partner enters the ID the seller gave it. */
  acceptCooperation(viewer: Viewer | null, input: { leadId: string; authorizationId: string }): Promise<LeadChange> {
    return this.actAsPartner(viewer, input.leadId, LeadAction.ACCEPT_COOPERATION, async (em, lead) => {
      const authorization = await liveAuthorizationFor(em, lead, input.authorizationId);
      return (changed) => { changed.authorization = authorization; };
    });
  }

  /**
   * Every member of the lead's partner may act on it. The row is locked first, so of two racing
   * actions the second sees the first's result and the state machine refuses it if it no longer fits.
   */
  private async actAsPartner(viewer: Viewer | null, leadGlobalId: string, action: LeadAction, prepare?: Prepare): Promise<LeadChange> {
    const member = requirePartner(viewer);
    const leadId = idOfType(leadGlobalId, 'Lead');
    return this.em.transactional(async (em) => {
      const lead = leadId == null ? null : await lockLead(em, leadId);
      // Another partner's lead reads as missing: its existence is not revealed.
      if (!lead || lead.partner.id !== member.partner.id) throw noSuchLead();
      assertTransition(lead, action);
      const apply = await prepare?.(em, lead);
      return transitionLead(em, lead, action, { actor: member.user, apply });
    });
  }

  /**
   * Which leads a tab lists, as a condition on `leads l`: a partner's members see their partner's,
   * operators every partner's. Plain SQL: building it through the query builder cost more CPU than
   * PostgreSQL spends running the page.
   */
  leadsWhere(viewer: Viewer | null, status: LeadStatus, filter: LeadFilterData = {}): Sql {
    const scope = this.scope(viewer);
    const where = new SqlConditions();
    if (scope.partner != null) where.add('l.partner_id = ?', scope.partner);
    where.add('l.status = ?', status);
    if (filter.source) where.add('l.source = ?', filter.source);
    if (filter.productCategory) where.add(inquiryHas('product_category'), filter.productCategory);
    if (filter.companySize) where.add(inquiryHas('company_size'), filter.companySize);
    if (filter.serviceType) {
      // A targeted lead has the partner's chosen service; an open one only the type the seller asked for.
      where.add(`(exists (select 1 from services s where s.id = l.service_id and s.service_type = ?)
        or (l.service_id is null and ${inquiryHas('service_type')}))`, filter.serviceType, filter.serviceType);
    }
    if (status === LeadStatus.REJECTED && !isOperator(viewer) && (filter.serviceType || filter.productCategory || filter.companySize)) {
      // Filtering would tell the partner what it may no longer read.
      throw DomainError.of(UserErrorCode.INVALID,
        "Rejected leads no longer show the seller's business profile, so they can only be filtered by source", ['filter']);
    }
    return where.all();
  }

  /** The badges of the four tabs (rejected leads have no tab). Refuses the viewer before it returns. */
  counts(viewer: Viewer | null): Promise<LeadCountsData> {
    return this.countByStatus(this.scope(viewer));
  }

  private async countByStatus(scope: { partner?: number }): Promise<LeadCountsData> {
    const rows: { status: LeadStatus; count: number }[] = await this.em.createQueryBuilder(Lead)
      .select(['status', raw('count(*)::int as count')])
      .where(scope)
      .groupBy('status')
      .execute('all', false);
    const of = (status: LeadStatus) => rows.find((row) => row.status === status)?.count ?? 0;
    return { new: of(LeadStatus.NEW), following: of(LeadStatus.FOLLOWING), deal: of(LeadStatus.DEAL), closed: of(LeadStatus.CLOSED) };
  }

  private scope(viewer: Viewer | null): { partner?: number } {
    if (isOperator(requireViewer(viewer))) return {};
    return { partner: requirePartner(viewer).partner.id };
  }
}

/**
 * The authorization behind a code: granted by this lead's seller to this lead's partner and not
 * revoked. It is share-locked so a racing revocation waits until the deal is written.
 */
async function liveAuthorizationFor(em: EntityManager, lead: Lead, code: string): Promise<SellerAuthorization> {
  const inquiry = await em.findOneOrFail(Inquiry, lead.inquiry.id);
  const authorization = await em.findOne(SellerAuthorization,
    { authorizationId: code.trim().toUpperCase(), seller: inquiry.seller.id, partner: lead.partner.id },
    { lockMode: LockMode.PESSIMISTIC_READ, refresh: true });
  if (!authorization) {
    throw DomainError.of(UserErrorCode.NOT_FOUND, 'This seller has not given your organisation this authorization ID', ['authorizationId']);
  }
  if (authorization.revokedAt) {
    throw DomainError.of(UserErrorCode.INVALID, 'The seller revoked this authorization', ['authorizationId']);
  }
  return authorization;
}
