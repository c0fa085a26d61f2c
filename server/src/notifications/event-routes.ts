import { InquiryUpdateType, LeadAlertType } from '@slp/shared';
import { EmailKind } from './outbox-email.entity.js';

/** Who hears about a lead event, and how (SPEC section 6). */
export interface EventRoute {
  /** The email it sends: to the lead's partner's members or to the inquiry's seller. */
  email?: { kind: EmailKind; to: 'partner' | 'seller' };
  /** The live alert the lead's partner gets. */
  leadAlert?: LeadAlertType;
  /** The live update the seller gets. */
  inquiryUpdate?: InquiryUpdateType;
}

/** Keyed by LeadEvent.type; events not listed (e.g. CONTACT_REVEALED) notify nobody. */
export const eventRoutes: Record<string, EventRoute> = {
  CREATED: { email: { kind: EmailKind.NEW_LEAD, to: 'partner' }, leadAlert: LeadAlertType.NEW_LEAD },
  SELLER_CLOSED: { email: { kind: EmailKind.SELLER_CLOSED, to: 'partner' }, leadAlert: LeadAlertType.SELLER_CLOSED },
  FOLLOWED_UP: { email: { kind: EmailKind.FOLLOWED_UP, to: 'seller' }, inquiryUpdate: InquiryUpdateType.FOLLOWED },
  REJECTED: { inquiryUpdate: InquiryUpdateType.REJECTED },
  COOPERATION_ACCEPTED: { email: { kind: EmailKind.DEAL, to: 'seller' }, inquiryUpdate: InquiryUpdateType.DEAL },
  // Changes someone else made to a lead the partner is working: its open screens must move it.
  AUTHORIZATION_MATCHED: { email: { kind: EmailKind.DEAL, to: 'seller' }, inquiryUpdate: InquiryUpdateType.DEAL, leadAlert: LeadAlertType.LEAD_UPDATED },
  UNASSIGNED: { leadAlert: LeadAlertType.LEAD_UPDATED },
  NO_AGREEMENT: { email: { kind: EmailKind.NO_AGREEMENT, to: 'seller' }, inquiryUpdate: InquiryUpdateType.NO_AGREEMENT },
  // The response deadlines (deadlines/deadlines.service.ts).
  EXPIRY_REMINDED: { email: { kind: EmailKind.LEAD_EXPIRING, to: 'partner' }, leadAlert: LeadAlertType.LEAD_EXPIRING },
  EXPIRED: { email: { kind: EmailKind.LEAD_PASSED_ON, to: 'seller' }, leadAlert: LeadAlertType.LEAD_UPDATED },
  ANSWER_OVERDUE: { email: { kind: EmailKind.LEAD_WAITING, to: 'seller' } },
};
