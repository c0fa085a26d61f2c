import { LeadCloseReason, LeadStatus, Role } from './enums.js';

/**
 * The lead state machine (SPEC section 3) as data: every lead change in the product is one of these
 * actions, and nothing else may move a lead. The SPA reads it to offer only allowed actions.
 */
export enum LeadAction {
  FOLLOW_UP = 'FOLLOW_UP',
  REJECT = 'REJECT',
  ACCEPT_COOPERATION = 'ACCEPT_COOPERATION',
  AUTHORIZATION_MATCHED = 'AUTHORIZATION_MATCHED',
  MARK_NO_AGREEMENT = 'MARK_NO_AGREEMENT',
  SELLER_CLOSE = 'SELLER_CLOSE',
  UNASSIGN = 'UNASSIGN',
  EXPIRE = 'EXPIRE',
}

export interface LeadTransition {
  from: readonly LeadStatus[];
  to: LeadStatus;
  /**
   * Who performs it: the partner's members, the seller (directly or by granting an authorization), an
   * operator, or the platform on its own (a response deadline).
   */
  by: Role | 'PLATFORM';
  closeReason?: LeadCloseReason;
  /** The history entry the change writes. */
  event: string;
}

export const leadTransitions: Record<LeadAction, LeadTransition> = {
  [LeadAction.FOLLOW_UP]: { from: [LeadStatus.NEW], to: LeadStatus.FOLLOWING, by: Role.PARTNER, event: 'FOLLOWED_UP' },
  [LeadAction.REJECT]: { from: [LeadStatus.NEW], to: LeadStatus.REJECTED, by: Role.PARTNER, event: 'REJECTED' },
  [LeadAction.ACCEPT_COOPERATION]: {
    from: [LeadStatus.FOLLOWING],
    to: LeadStatus.DEAL,
    by: Role.PARTNER,
    event: 'COOPERATION_ACCEPTED',
  },
  [LeadAction.AUTHORIZATION_MATCHED]: {
    from: [LeadStatus.FOLLOWING],
    to: LeadStatus.DEAL,
    by: Role.SELLER,
    event: 'AUTHORIZATION_MATCHED',
  },
  [LeadAction.MARK_NO_AGREEMENT]: {
    from: [LeadStatus.FOLLOWING],
    to: LeadStatus.CLOSED,
    by: Role.PARTNER,
    closeReason: LeadCloseReason.NO_AGREEMENT,
    event: 'NO_AGREEMENT',
  },
  [LeadAction.SELLER_CLOSE]: {
    from: [LeadStatus.NEW, LeadStatus.FOLLOWING],
    to: LeadStatus.CLOSED,
    by: Role.SELLER,
    closeReason: LeadCloseReason.SELLER_CLOSED,
    event: 'SELLER_CLOSED',
  },
  // An operator takes back a platform assignment the partner has not acted on; the lead stays as history.
  [LeadAction.UNASSIGN]: {
    from: [LeadStatus.NEW],
    to: LeadStatus.CLOSED,
    by: Role.OPERATOR,
    closeReason: LeadCloseReason.UNASSIGNED,
    event: 'UNASSIGNED',
  },
  // Nobody followed up a platform assignment before its respondBy; the inquiry moves on to the next partner.
  [LeadAction.EXPIRE]: {
    from: [LeadStatus.NEW],
    to: LeadStatus.CLOSED,
    by: 'PLATFORM',
    closeReason: LeadCloseReason.EXPIRED,
    event: 'EXPIRED',
  },
};

export function canApply(action: LeadAction, status: LeadStatus): boolean {
  return leadTransitions[action].from.includes(status);
}

/** The actions a partner's member can take on a lead in this status (for the SPA's buttons). */
export function partnerActions(status: LeadStatus): LeadAction[] {
  return (Object.keys(leadTransitions) as LeadAction[]).filter(
    (action) => leadTransitions[action].by === Role.PARTNER && canApply(action, status),
  );
}

/** Statuses that still count against a partner's capacity and that a seller may close. */
export const activeLeadStatuses: readonly LeadStatus[] = [LeadStatus.NEW, LeadStatus.FOLLOWING];

const leadIsAlready: Record<LeadStatus, string> = {
  [LeadStatus.NEW]: 'This lead has not been followed up yet',
  [LeadStatus.FOLLOWING]: 'This lead is already being followed up',
  [LeadStatus.DEAL]: 'This lead has already reached a deal',
  [LeadStatus.REJECTED]: 'This lead has already been turned down',
  [LeadStatus.CLOSED]: 'This lead is already closed',
};

const closedBecause: Partial<Record<LeadCloseReason, string>> = {
  [LeadCloseReason.SELLER_CLOSED]: 'The seller has already closed this lead',
  [LeadCloseReason.NO_AGREEMENT]: 'This lead was already closed without an agreement',
  [LeadCloseReason.UNASSIGNED]: 'The platform has already taken this lead back',
  [LeadCloseReason.EXPIRED]: 'This lead expired unanswered and went to another partner',
};

/**
 * Why an action does not fit the lead as it is now, in the words of the people using it: the lead
 * usually changed since the screen was drawn (someone else acted on it).
 */
export function refusalOf(action: LeadAction, status: LeadStatus, closeReason: LeadCloseReason | null = null): string {
  if (status === LeadStatus.NEW && leadTransitions[action].from.includes(LeadStatus.FOLLOWING)) return 'Follow up on this lead first';
  if (status === LeadStatus.CLOSED && closeReason) return closedBecause[closeReason] ?? leadIsAlready[status];
  return leadIsAlready[status];
}
