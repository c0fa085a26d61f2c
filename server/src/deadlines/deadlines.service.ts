import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { InquiryStatus, LeadAction, LeadSource, LeadStatus, Role, type ServiceType } from '@slp/shared';
import { requireRole, type Viewer } from '../auth/viewer.js';
import { pageSize } from '../db/keyset-pages.js';
import { Inquiry } from '../inquiries/inquiry.entity.js';
import { Lead } from '../leads/lead.entity.js';
import { LeadEvent } from '../leads/lead-event.entity.js';
import { lockLead, newLeadEvent, transitionLead } from '../leads/lead-state-machine.js';
import { writeLeadEvents } from '../leads/lead-writes.js';
import { MatchingService } from '../matching/matching.service.js';
import { pickForAssignment } from '../matching/scoring.js';
import type { LeadRead } from '../leads/lead-reads.js';

/** History entries the deadline jobs write; their routes (notifications/event-routes.ts) send the emails and alerts. */
export const deadlineEvents = {
  /** The partner is warned that a platform-assigned lead expires soon. */
  reminded: 'EXPIRY_REMINDED',
  /** The seller is told that a partner it chose has not answered in the response window. */
  waiting: 'ANSWER_OVERDUE',
} as const;

/** What an expiry did: the lead that expired and the one the inquiry moved on to (null when nobody fits). */
export interface Expiry {
  expired: Lead;
  next: LeadRead | null;
}

/**
 * The response deadlines of SPEC section 3, one job each (deadline-jobs.ts runs them). Every job
 * locks its lead and checks it still stands where the job expects, so a job that runs twice, late,
 * or after the partner acted does nothing the second time: each lead expires and moves on once.
 */
export class DeadlinesService {
  constructor(private readonly em: EntityManager) {}

  /**
   * A platform-assigned lead nobody followed up by its deadline closes as EXPIRED, and the inquiry
   * goes to the next best partner that never had it, in one transaction. The inquiry is locked
   * before the lead, as closing an inquiry does, so a seller's close and an operator's assignment wait.
   */
  async expire(leadId: number, now = new Date()): Promise<Expiry | null> {
    return this.em.transactional(async (em) => {
      const found = await em.findOne(Lead, leadId);
      if (!found) return null;
      const inquiry = await em.findOneOrFail(Inquiry, found.inquiry.id, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      const lead = (await lockLead(em, leadId))!;
      if (!isOpenAssignment(lead) || !lead.responseDueAt || lead.responseDueAt > now) return null;
      await writeLeadEvents(em, transitionLead(lead, LeadAction.EXPIRE).events);
      const next =
        inquiry.status === InquiryStatus.ACTIVE && inquiry.serviceType
          ? await this.passOn(em, inquiry as Inquiry & { serviceType: ServiceType })
          : null;
      return { expired: lead, next };
    });
  }

  /** Operator: NEW platform-assigned leads whose deadline falls within the next hours (24 unless given), soonest first. */
  async expiring(viewer: Viewer | null, withinHours: number | null, first: number | null): Promise<Lead[]> {
    requireRole(viewer, Role.OPERATOR);
    const until = new Date(Date.now() + (withinHours ?? 24) * 3_600_000);
    return this.em.find(
      Lead,
      { status: LeadStatus.NEW, source: LeadSource.PLATFORM_ASSIGNED, responseDueAt: { $lte: until } },
      { orderBy: { responseDueAt: 'asc', id: 'asc' }, limit: pageSize(first) },
    );
  }

  /** The partner's reminder, once, while the lead is still open and before its deadline. */
  async remind(leadId: number, now = new Date()): Promise<boolean> {
    return this.once(leadId, deadlineEvents.reminded, (lead) => isOpenAssignment(lead) && !!lead.responseDueAt && lead.responseDueAt > now);
  }

  /** The seller's note that a partner it chose has not answered a lead in the response window. */
  async tellSellerLeadWaits(leadId: number): Promise<boolean> {
    return this.once(
      leadId,
      deadlineEvents.waiting,
      (lead) => lead.source === LeadSource.SELLER_TARGETED && lead.status === LeadStatus.NEW,
    );
  }

  /** The best assignable partner without a lead on the inquiry gets one, as on submit. */
  private async passOn(em: EntityManager, inquiry: Inquiry & { serviceType: ServiceType }): Promise<LeadRead | null> {
    const matching = new MatchingService(em);
    const [choice] = pickForAssignment(await matching.rank(em, inquiry, { assignableFor: inquiry.productCategory }), 1);
    return choice ? (await matching.newLeads(em, inquiry, [choice], null))[0] : null;
  }

  /** Writes the history entry `type` on a locked lead that passes `due`, unless it already has one. */
  private async once(leadId: number, type: string, due: (lead: Lead) => boolean): Promise<boolean> {
    return this.em.transactional(async (em) => {
      const lead = await lockLead(em, leadId);
      if (!lead || !due(lead) || (await em.count(LeadEvent, { lead, type }))) return false;
      await writeLeadEvents(em, [newLeadEvent(lead, type, null, null)]);
      return true;
    });
  }
}

function isOpenAssignment(lead: Lead): boolean {
  return lead.source === LeadSource.PLATFORM_ASSIGNED && lead.status === LeadStatus.NEW;
}
