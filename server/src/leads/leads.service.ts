import type { EntityManager } from '@mikro-orm/postgresql';
import { LockMode } from '@mikro-orm/core';
import {
  CompanySize,
  LeadAction,
  LeadSource,
  LeadStatus,
  ProductCategory,
  RejectReason,
  ServiceType,
  UserErrorCode,
  rejectLeadRules,
} from '@slp/shared';
import { DomainError, validate } from '../domain-error.js';
import { SqlConditions, type Sql } from '../db/sql.js';
import { isOperator, requireOnboardedPartner, requirePartner, type Viewer } from '../auth/viewer.js';
import { listedLeadsSql, profileVisibleSql } from '../auth/access-policy.js';
import { Inquiry } from '../inquiries/inquiry.entity.js';
import { SellerAuthorization } from '../authorizations/seller-authorization.entity.js';
import { Lead } from './lead.entity.js';
import { assertTransition, lockLead, transitionLead, type LeadChange } from './lead-state-machine.js';
import type { ConnectionResult, TwoWayPageArgs } from '../graphql/connection.js';
import { leadPageOrder, leadSearchSql, type LeadOrderData } from './lead-order.js';
import { leadPage, type LeadRead } from './lead-reads.js';
import { writeLeadEvents } from './lead-writes.js';

export interface LeadFilterData {
  serviceType?: ServiceType | null;
  productCategory?: ProductCategory | null;
  companySize?: CompanySize | null;
  source?: LeadSource | null;
  budgetMin?: string | null;
  budgetMax?: string | null;
  updatedAfter?: Date | null;
}

export type LeadCountsData = Record<'new' | 'following' | 'deal' | 'closed', number>;

const inquiryHas = (column: string) => `exists (select 1 from inquiries i where i.id = l.inquiry_id and i.${column} = ?)`;

const noSuchLead = () => DomainError.of(UserErrorCode.NOT_FOUND, 'No such lead', ['leadId']);

/** The tab's conditions on the lead's business profile, as asked: its filters and its search. */
function profileFilters(filter: LeadFilterData, search: string | null | undefined): Sql[] {
  const conditions: Sql[] = [];
  const searched = leadSearchSql(search);
  if (searched) conditions.push(searched);
  if (filter.budgetMin != null) conditions.push({ sql: 'l.budget_amount >= ?', params: [filter.budgetMin] });
  if (filter.budgetMax != null) conditions.push({ sql: 'l.budget_amount <= ?', params: [filter.budgetMax] });
  if (filter.productCategory) conditions.push({ sql: inquiryHas('product_category'), params: [filter.productCategory] });
  if (filter.companySize) conditions.push({ sql: inquiryHas('company_size'), params: [filter.companySize] });
  if (filter.serviceType) {
    // A targeted lead has the partner's chosen service; an open one only the type the seller asked for.
    conditions.push({
      sql: `(exists (select 1 from services s where s.id = l.service_id and s.service_type = ?)
        or (l.service_id is null and ${inquiryHas('service_type')}))`,
      params: [filter.serviceType, filter.serviceType],
    });
  }
  return conditions;
}

/** A tab as asked for: its status, filters, search and order. */
export interface LeadTab {
  status: LeadStatus;
  filter?: LeadFilterData | null;
  search?: string | null;
  orderBy?: LeadOrderData | null;
}

/** Prepares what a transition writes besides the move (e.g. the matched authorization). */
type Prepare = (em: EntityManager, lead: Lead) => Promise<((lead: Lead) => void) | undefined>;

/** The partner's side of a lead: its tabs, and the actions its members take on it. */
export class LeadsService {
  constructor(private readonly em: EntityManager) {}

  follow(viewer: Viewer | null, leadId: number): Promise<LeadChange> {
    return this.actAsPartner(viewer, leadId, LeadAction.FOLLOW_UP);
  }

  reject(viewer: Viewer | null, input: { leadId: number; reason: RejectReason; note?: string | null }): Promise<LeadChange> {
    const { note } = validate(rejectLeadRules, { note: input.note });
    return this.actAsPartner(viewer, input.leadId, LeadAction.REJECT, async () => (lead) => {
      lead.rejectReason = input.reason;
      lead.rejectNote = note;
    });
  }

  markNoAgreement(viewer: Viewer | null, input: { leadId: number; note?: string | null }): Promise<LeadChange> {
    // The same bounds as a rejection's note: both are the partner's own remark.
    const { note } = validate(rejectLeadRules, { note: input.note });
    return this.actAsPartner(viewer, input.leadId, LeadAction.MARK_NO_AGREEMENT, async () => (lead) => {
      lead.closeNote = note;
    });
  }

  /** The manual path to a deal: the partner enters the ID the seller gave it. */
  acceptCooperation(viewer: Viewer | null, input: { leadId: number; authorizationId: string }): Promise<LeadChange> {
    return this.actAsPartner(viewer, input.leadId, LeadAction.ACCEPT_COOPERATION, async (em, lead) => {
      const authorization = await liveAuthorizationFor(em, lead, input.authorizationId);
      return (changed) => {
        changed.authorization = authorization;
      };
    });
  }

  /**
   * Every member of the lead's partner may act on it. The row is locked first, so of two racing
   * actions the second sees the first's result and the state machine refuses it if it no longer fits.
   */
  private async actAsPartner(viewer: Viewer | null, leadId: number, action: LeadAction, prepare?: Prepare): Promise<LeadChange> {
    const member = requireOnboardedPartner(viewer);
    return this.em.transactional(async (em) => {
      const lead = await lockLead(em, leadId);
      // Another partner's lead reads as missing: its existence is not revealed.
      if (!lead || lead.partner.id !== member.partner.id) throw noSuchLead();
      assertTransition(lead, action);
      const apply = await prepare?.(em, lead);
      const change = transitionLead(lead, action, { actor: member.user, apply });
      await writeLeadEvents(em, change.events);
      return change;
    });
  }

  /** One page of a tab, in the order asked for (newest first by default), with its total. */
  tab(viewer: Viewer | null, tab: LeadTab, page: TwoWayPageArgs): Promise<ConnectionResult<LeadRead>> {
    const where = this.leadsWhere(viewer, tab.status, tab.filter ?? {}, tab.search);
    return leadPage(this.em, where, page, leadPageOrder(viewer, tab.orderBy ?? undefined));
  }

  /**
   * Which leads a tab lists, as a condition on `leads l`: the rows the access policy lets the viewer
   * list, and of those, for a filter on the business profile, only rows whose profile it may see, so
   * a hidden inquiry never decides what comes back. Plain SQL: building it through the query builder
   * cost more CPU than PostgreSQL spends running the page.
   */
  leadsWhere(viewer: Viewer | null, status: LeadStatus, filter: LeadFilterData = {}, search?: string | null): Sql {
    const listed = this.listed(viewer);
    const where = new SqlConditions().add(listed.sql, ...listed.params).add('l.status = ?', status);
    if (filter.source) where.add('l.source = ?', filter.source);
    if (filter.updatedAfter) where.add('l.updated_at > ?', filter.updatedAfter);
    const profile = profileFilters(filter, search);
    if (!profile.length) return where.all();
    if (status === LeadStatus.REJECTED && !isOperator(viewer)) {
      // Filtering would tell the partner what it may no longer read.
      throw DomainError.of(
        UserErrorCode.INVALID,
        "Rejected leads no longer show the seller's business profile, so they can only be filtered by source",
        [search ? 'search' : 'filter'],
      );
    }
    const visible = profileVisibleSql(viewer);
    where.add(visible.sql, ...visible.params);
    for (const condition of profile) where.add(condition.sql, ...condition.params);
    return where.all();
  }

  /** The badges of the four tabs (rejected leads have no tab), over the leads the viewer may list. */
  counts(viewer: Viewer | null): Promise<LeadCountsData> {
    return this.countListed(this.listed(viewer));
  }

  private async countListed(listed: Sql): Promise<LeadCountsData> {
    const rows = await this.em
      .getConnection()
      .execute<{ status: LeadStatus; count: number }[]>(
        `select l.status, count(*)::int as count from leads l where ${listed.sql} group by l.status`,
        listed.params,
      );
    const of = (status: LeadStatus) => rows.find((row) => row.status === status)?.count ?? 0;
    return { new: of(LeadStatus.NEW), following: of(LeadStatus.FOLLOWING), deal: of(LeadStatus.DEAL), closed: of(LeadStatus.CLOSED) };
  }

  /** The access policy's rows; a viewer that may list none is told why (not logged in, not a partner). */
  private listed(viewer: Viewer | null): Sql {
    const listed = listedLeadsSql(viewer);
    if (listed) return listed;
    requirePartner(viewer);
    throw DomainError.of(UserErrorCode.FORBIDDEN, 'Only partners and operators have leads');
  }
}

/**
 * The authorization behind a code: granted by this lead's seller to this lead's partner and not
 * revoked. It is share-locked so a racing revocation waits until the deal is written.
 */
async function liveAuthorizationFor(em: EntityManager, lead: Lead, code: string): Promise<SellerAuthorization> {
  const inquiry = await em.findOneOrFail(Inquiry, lead.inquiry.id);
  const authorization = await em.findOne(
    SellerAuthorization,
    { authorizationId: code.trim().toUpperCase(), seller: inquiry.seller.id, partner: lead.partner.id },
    { lockMode: LockMode.PESSIMISTIC_READ, refresh: true },
  );
  if (!authorization) {
    throw DomainError.of(UserErrorCode.NOT_FOUND, 'This seller has not given your organisation this authorization ID', ['authorizationId']);
  }
  if (authorization.revokedAt) {
    throw DomainError.of(UserErrorCode.INVALID, 'The seller revoked this authorization', ['authorizationId']);
  }
  return authorization;
}
