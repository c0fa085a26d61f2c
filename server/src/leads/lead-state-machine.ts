import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { LeadAction, type LeadSource, LeadStatus, Role, UserErrorCode, canApply, leadTransitions, refusalOf } from '@slp/shared';
import { DomainError } from '../domain-error.js';
import { Lead } from './lead.entity.js';
import { responseDueAt } from '../deadlines/response-window.js';

/** Who caused a change, as its history records it: the user (by reference) and the role it acted in. */
export interface Actor {
  id: number;
  role: Role;
}

/** What a transition may carry besides the move itself. */
export interface TransitionDetails {
  actor?: Actor | null;
  /** The actor's reason, kept on the history entry (an operator's for unassigning). */
  note?: string | null;
  apply?: (lead: Lead) => void;
}

/**
 * A history entry a change produced, not written yet: the service that made the change hands it to
 * writeLeadEvents (lead-writes.ts) inside its transaction, which stores it with the emails and webhook
 * deliveries it sends.
 */
export interface NewLeadEvent {
  leadId: number;
  type: string;
  actorRole: Role | null;
  actorId: number | null;
  at: Date;
  note: string | null;
}

/** What a transition did, with the history entries it produced (for writeLeadEvents). */
export interface LeadChange {
  lead: Lead;
  action: LeadAction;
  from: LeadStatus;
  to: LeadStatus;
  events: NewLeadEvent[];
}

const stampOf: Partial<Record<LeadStatus, 'followedAt' | 'dealAt' | 'closedAt' | 'rejectedAt'>> = {
  [LeadStatus.FOLLOWING]: 'followedAt',
  [LeadStatus.DEAL]: 'dealAt',
  [LeadStatus.CLOSED]: 'closedAt',
  [LeadStatus.REJECTED]: 'rejectedAt',
};

/**
 * Locks a lead row for the rest of the transaction, so two racing actions on one lead run one
 * after the other and the second sees the first's result.
 */
export async function lockLead(em: EntityManager, leadId: number): Promise<Lead | null> {
  return em.findOne(Lead, leadId, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
}

/** Refuses an action the lifecycle table does not allow from the lead's current status. */
export function assertTransition(lead: Lead, action: LeadAction): void {
  if (canApply(action, lead.status)) return;
  throw DomainError.of(UserErrorCode.INVALID_TRANSITION, refusalOf(action, lead.status, lead.closeReason ?? null));
}

/**
 * The only way a lead changes status: checks the move against the lifecycle table in shared/,
 * stamps the time, and returns the history entries the move makes. Call it on a locked lead inside a
 * transaction, then write the change's events with writeLeadEvents in that same transaction.
 */
export function transitionLead(lead: Lead, action: LeadAction, details: TransitionDetails = {}): LeadChange {
  assertTransition(lead, action);
  const rule = leadTransitions[action];
  const from = lead.status;
  const now = new Date();
  lead.status = rule.to;
  const stamp = stampOf[rule.to];
  if (stamp) lead[stamp] = now;
  if (rule.closeReason) lead.closeReason = rule.closeReason;
  details.apply?.(lead);
  const actorRole = details.actor?.role ?? (action === LeadAction.AUTHORIZATION_MATCHED ? Role.SELLER : null);
  const events = [newLeadEvent(lead, rule.event, actorRole, details.actor ?? null, now, details.note ?? null)];
  // Following up is the moment the partner first sees the seller's contact details.
  if (rule.to === LeadStatus.FOLLOWING) events.push(newLeadEvent(lead, 'CONTACT_REVEALED', null, null, now));
  return { lead, action, from, to: rule.to, events };
}

/** How every lead starts: NEW, with a CREATED history entry (the partner's notification starts from it). */
const birth = { status: LeadStatus.NEW, event: 'CREATED' } as const;

/** A new lead by ids: whose, through which service, how it came (its inquiry is the writer's). */
export interface NewLeadRef {
  partnerId: number;
  serviceId: number;
  source: LeadSource;
}

/** The columns of new leads and of the history entry each gets: what newLeadRows returns. */
export interface NewLeadRows {
  leads: { partner_id: number; service_id: number; source: LeadSource; status: LeadStatus; created_at: Date; response_due_at: Date }[];
  event: { type: string; actor_role: Role | null; actor_id: number | null; at: Date };
}

/**
 * Every lead is born by these rows (written by insertLeads or a submit's statement, lead-writes.ts).
 * The actor is who caused it: the seller, an operator, or null for the platform. Its response deadline
 * is set here; a trigger schedules its jobs (deadlines/).
 */
export function newLeadRows(leads: NewLeadRef[], actor: Actor | null, at = new Date()): NewLeadRows {
  return {
    leads: leads.map((lead) => ({
      partner_id: lead.partnerId,
      service_id: lead.serviceId,
      source: lead.source,
      status: birth.status,
      created_at: at,
      response_due_at: responseDueAt(at),
    })),
    event: { type: birth.event, actor_role: actor?.role ?? null, actor_id: actor?.id ?? null, at },
  };
}

/** A history entry on `lead` (a transition's, or one a deadline or revocation records), for writeLeadEvents. */
export function newLeadEvent(
  lead: Pick<Lead, 'id'>,
  type: string,
  actorRole: Role | null,
  actor: Pick<Actor, 'id'> | null,
  at = new Date(),
  note: string | null = null,
): NewLeadEvent {
  return { leadId: lead.id, type, actorRole, actorId: actor?.id ?? null, at, note };
}
