import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  InquiryStatus,
  LeadAction,
  LeadSource,
  RequestType,
  Role,
  UserErrorCode,
  type ServiceType,
  operatorReasonRules,
} from '@slp/shared';
import { partnerMayAct } from '../auth/access-policy.js';
import { DomainError, validate, type Problem } from '../domain-error.js';
import { requireRole, type Viewer } from '../auth/viewer.js';
import { Inquiry } from '../inquiries/inquiry.entity.js';
import { pageSize } from '../db/keyset-pages.js';
import { shortOfPartnersPage, type InquiryRead } from '../inquiries/inquiry-reads.js';
import type { ConnectionResult, TwoWayPageArgs } from '../graphql/connection.js';
import { Lead } from '../leads/lead.entity.js';
import { lockLead, newLeadRows, transitionLead, type Actor, type LeadChange, type NewLeadRef } from '../leads/lead-state-machine.js';
import { insertLeads, writeLeadEvents } from '../leads/lead-writes.js';
import { Partner } from '../partners/partner.entity.js';
import { gatherCandidates, type CandidateQuery } from './candidate-features.js';
import { matchingConfig, type MatchingConfig } from './matching.config.js';
import { pickForAssignment, rankCandidates, type Recommendation } from './scoring.js';
import type { LeadRead } from '../leads/lead-reads.js';

/** Row ids, decoded at the GraphQL edge: 0 names no row and is refused as missing, at its place in the list. */
export interface AssignPartnersData {
  inquiryId: number;
  partnerIds: number[];
}

const noSuchInquiry = () => DomainError.of(UserErrorCode.NOT_FOUND, 'No such inquiry', ['inquiryId']);

/** An OPEN inquiry, with the service type matching needs. */
type OpenInquiry = Inquiry & { serviceType: ServiceType };

/** What ranking reads of an OPEN inquiry; no id for one not stored yet. */
type RankedInquiry = Pick<Inquiry, 'productCategory' | 'budgetAmount' | 'currency' | 'location' | 'language'> & {
  id?: number;
  serviceType: ServiceType;
};

/** The platform's side of OPEN inquiries: ranking partners, assigning them, and the operator's console. */
export class MatchingService {
  constructor(
    private readonly em: EntityManager,
    private readonly config: MatchingConfig = matchingConfig,
  ) {}

  /** Eligible partners for an inquiry, best first (optionally only some, see CandidateQuery). */
  async rank(
    em: EntityManager,
    inquiry: RankedInquiry,
    only: Pick<CandidateQuery, 'partnerIds' | 'assignableFor'> = {},
  ): Promise<Recommendation[]> {
    const candidates = await gatherCandidates(em, { serviceType: inquiry.serviceType, inquiryId: inquiry.id, ...only }, this.config);
    return rankCandidates(
      {
        productCategory: inquiry.productCategory,
        budgetAmount: inquiry.budgetAmount,
        currency: inquiry.currency,
        location: inquiry.location ?? null,
        language: inquiry.language ?? null,
      },
      candidates,
      this.config,
    );
  }

  /**
   * The best fitting partners for a new OPEN inquiry, each to get a NEW lead when it is stored. Read
   * before the transaction that stores it: nobody holds an inquiry not stored yet. With nobody fitting,
   * none is picked and the inquiry waits in the operator's queue.
   */
  async bestPartnersFor(inquiry: RankedInquiry): Promise<NewLeadRef[]> {
    const assignable = await this.rank(this.em, inquiry, { assignableFor: inquiry.productCategory });
    return pickForAssignment(assignable, this.config.partnersPerInquiry).map((choice) => ({
      partnerId: choice.partnerId,
      serviceId: choice.serviceId,
      source: LeadSource.PLATFORM_ASSIGNED,
    }));
  }

  /** Operator: the best `first` of the ranked list, with every score part. */
  async recommend(viewer: Viewer | null, inquiryId: number, first: number | null): Promise<Recommendation[]> {
    const limit = pageSize(first);
    requireRole(viewer, Role.OPERATOR);
    const inquiry = await this.openInquiry(this.em, inquiryId);
    return (await this.rank(this.em, inquiry)).slice(0, limit);
  }

  /** Operator: a page of ACTIVE OPEN inquiries still short of partners, oldest first. */
  async queue(viewer: Viewer | null, page: TwoWayPageArgs): Promise<ConnectionResult<InquiryRead>> {
    requireRole(viewer, Role.OPERATOR);
    return shortOfPartnersPage(this.em, this.config.partnersPerInquiry, page);
  }

  /** Operator: gives the inquiry to the chosen partners, all or none. */
  async assign(viewer: Viewer | null, input: AssignPartnersData): Promise<LeadRead[]> {
    const operator = requireRole(viewer, Role.OPERATOR).user;
    const ids = input.partnerIds;
    checkPartnerList(ids);
    return this.em.transactional(async (em) => {
      const inquiry = await this.openInquiry(em, input.inquiryId, true);
      if (inquiry.status === InquiryStatus.CLOSED) {
        throw DomainError.of(UserErrorCode.NOT_EDITABLE, 'A closed inquiry takes no new partners', ['inquiryId']);
      }
      const known = ids.filter(namesRow);
      const eligible = new Map((await this.rank(em, inquiry, { partnerIds: known })).map((choice) => [choice.partnerId, choice]));
      const problems = await this.refusals(em, inquiry, ids, eligible);
      if (problems.length) throw new DomainError(problems);
      return this.newLeads(
        em,
        inquiry,
        known.map((id) => eligible.get(id)!),
        operator,
      );
    });
  }

  /** Operator: takes back a platform assignment the partner has not acted on (see docs/matching.md). */
  async unassign(viewer: Viewer | null, leadId: number, givenReason?: string | null): Promise<LeadChange> {
    const operator = requireRole(viewer, Role.OPERATOR).user;
    const { reason } = validate(operatorReasonRules, { reason: givenReason });
    return this.em.transactional(async (em) => {
      const lead = await lockLead(em, leadId);
      if (!lead) throw DomainError.of(UserErrorCode.NOT_FOUND, 'No such lead', ['leadId']);
      if (lead.source !== LeadSource.PLATFORM_ASSIGNED) {
        throw DomainError.of(UserErrorCode.INVALID, 'The seller chose this partner; only leads the platform assigned can be taken back', [
          'leadId',
        ]);
      }
      const change = transitionLead(lead, LeadAction.UNASSIGN, { actor: operator, note: reason });
      await writeLeadEvents(em, change.events);
      return change;
    });
  }

  /** Platform-assigned NEW leads for the chosen partners and services, in that order, in the caller's transaction. */
  async newLeads(em: EntityManager, inquiry: Inquiry, choices: Recommendation[], actor: Actor | null): Promise<LeadRead[]> {
    // The statement bypasses the unit of work: what the transaction changed so far goes first.
    await em.flush();
    return insertLeads(
      em,
      inquiry.id,
      newLeadRows(
        choices.map((choice) => ({
          partnerId: choice.partnerId,
          serviceId: choice.serviceId,
          source: LeadSource.PLATFORM_ASSIGNED,
        })),
        actor,
      ),
    );
  }

  private async openInquiry(em: EntityManager, id: number, lock = false): Promise<OpenInquiry> {
    const inquiry = await em.findOne(Inquiry, id, lock ? { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true } : {});
    if (!inquiry) throw noSuchInquiry();
    if (inquiry.requestType !== RequestType.OPEN || !inquiry.serviceType) {
      throw DomainError.of(UserErrorCode.INVALID, 'Only OPEN inquiries are matched by the platform', ['inquiryId']);
    }
    return inquiry as OpenInquiry;
  }

  /** Why each chosen partner that is not eligible cannot take the inquiry, naming its place in the list. */
  private async refusals(
    em: EntityManager,
    inquiry: OpenInquiry,
    ids: number[],
    eligible: Map<number, Recommendation>,
  ): Promise<Problem[]> {
    const missing = ids.filter((id) => namesRow(id) && !eligible.has(id));
    if (!missing.length && ids.every(namesRow)) return [];
    const partners = new Map((await em.find(Partner, { id: { $in: missing } })).map((p) => [p.id, p]));
    const holding = new Set((await em.find(Lead, { inquiry, partner: { $in: missing } })).map((lead) => lead.partner.id));
    return ids.flatMap((id, index): Problem[] => {
      if (eligible.has(id)) return [];
      const field = ['partnerIds', String(index)];
      const partner = partners.get(id);
      if (!partner) return [{ code: UserErrorCode.NOT_FOUND, field, message: 'No such partner' }];
      if (holding.has(partner.id))
        return [
          {
            code: UserErrorCode.CONFLICT,
            field,
            message: 'This partner has had this inquiry already, and a partner never gets the same inquiry twice',
          },
        ];
      if (!partnerMayAct(partner.status)) {
        return [{ code: UserErrorCode.INVALID, field, message: `Only onboarded partners receive leads; this one is ${partner.status}` }];
      }
      return [{ code: UserErrorCode.INVALID, field, message: `This partner offers no ${inquiry.serviceType} service` }];
    });
  }
}

/** 0 is what the edge makes of an ID naming no partner: refused as missing, never as chosen twice. */
const namesRow = (id: number) => id !== 0;

function checkPartnerList(ids: number[]): void {
  if (!ids.length) throw DomainError.of(UserErrorCode.INVALID, 'Choose at least one partner', ['partnerIds']);
  const known = ids.filter(namesRow);
  if (new Set(known).size !== known.length) {
    throw DomainError.of(UserErrorCode.INVALID, 'Each partner can be chosen once', ['partnerIds']);
  }
}
