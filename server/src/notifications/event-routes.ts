import { InquiryUpdateType, LeadAlertType } from '@slp/shared';
import { EmailKind } from './outbox-email.entity.js';
import { WebhookEventType } from '../webhooks/webhook.entity.js';

/** Who hears about a lead event, and how (SPEC section 6). */
export interface EventRoute {
  /** The email it sends: to the lead's partner's members or to the inquiry's seller. */
  email?: { kind: EmailKind; to: 'partner' | 'seller' };
  /** The live alert the lead's partner gets. */
  leadAlert?: LeadAlertType;
  /** The live update the seller gets. */
  inquiryUpdate?: InquiryUpdateType;
  /** The webhook event the lead's partner's endpoints are sent. */
  webhook?: WebhookEventType;
}

const { LEAD_CREATED, LEAD_STATUS_CHANGED, LEAD_EXPIRING } = WebhookEventType;

/** Keyed by LeadEvent.type; events not listed (e.g. CONTACT_REVEALED) notify nobody. */
export const eventRoutes: Record<string, EventRoute> = {
  CREATED: { email: { kind: EmailKind.NEW_LEAD, to: 'partner' }, leadAlert: LeadAlertType.NEW_LEAD, webhook: LEAD_CREATED },
  SELLER_CLOSED: {
    email: { kind: EmailKind.SELLER_CLOSED, to: 'partner' },
    leadAlert: LeadAlertType.SELLER_CLOSED,
    webhook: LEAD_STATUS_CHANGED,
  },
  FOLLOWED_UP: {
    email: { kind: EmailKind.FOLLOWED_UP, to: 'seller' },
    inquiryUpdate: InquiryUpdateType.FOLLOWED,
    webhook: LEAD_STATUS_CHANGED,
  },
  REJECTED: { inquiryUpdate: InquiryUpdateType.REJECTED, webhook: LEAD_STATUS_CHANGED },
  COOPERATION_ACCEPTED: {
    email: { kind: EmailKind.DEAL, to: 'seller' },
    inquiryUpdate: InquiryUpdateType.DEAL,
    webhook: LEAD_STATUS_CHANGED,
  },
  // Changes someone else made to a lead the partner is working: its open screens must move it.
  AUTHORIZATION_MATCHED: {
    email: { kind: EmailKind.DEAL, to: 'seller' },
    inquiryUpdate: InquiryUpdateType.DEAL,
    leadAlert: LeadAlertType.LEAD_UPDATED,
    webhook: LEAD_STATUS_CHANGED,
  },
  // An operator took the lead back: it left the partner's tabs.
  UNASSIGNED: { leadAlert: LeadAlertType.LEAD_UPDATED, webhook: LEAD_STATUS_CHANGED },
  NO_AGREEMENT: {
    email: { kind: EmailKind.NO_AGREEMENT, to: 'seller' },
    inquiryUpdate: InquiryUpdateType.NO_AGREEMENT,
    webhook: LEAD_STATUS_CHANGED,
  },
  // The response deadlines (deadlines/deadlines.service.ts).
  EXPIRY_REMINDED: {
    email: { kind: EmailKind.LEAD_EXPIRING, to: 'partner' },
    leadAlert: LeadAlertType.LEAD_EXPIRING,
    webhook: LEAD_EXPIRING,
  },
  EXPIRED: { email: { kind: EmailKind.LEAD_PASSED_ON, to: 'seller' }, leadAlert: LeadAlertType.LEAD_UPDATED, webhook: LEAD_STATUS_CHANGED },
  ANSWER_OVERDUE: { email: { kind: EmailKind.LEAD_WAITING, to: 'seller' } },
};
