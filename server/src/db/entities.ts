import { User } from '../auth/user.entity.js';
import { Session } from '../auth/session.entity.js';
import { Partner } from '../partners/partner.entity.js';
import { Service } from '../partners/service.entity.js';
import { Inquiry } from '../inquiries/inquiry.entity.js';
import { Lead } from '../leads/lead.entity.js';
import { LeadEvent } from '../leads/lead-event.entity.js';
import { SellerAuthorization } from '../authorizations/seller-authorization.entity.js';
import { ApiToken } from '../api-tokens/api-token.entity.js';
import { OutboxEmail } from '../notifications/outbox-email.entity.js';
import { MailboxMessage } from '../notifications/mailbox-message.entity.js';
import { PartnerReview } from '../reviews/partner-review.entity.js';
import { WebhookDelivery, WebhookEndpoint } from '../webhooks/webhook.entity.js';

export const entities = [
  User,
  Session,
  Partner,
  Service,
  Inquiry,
  Lead,
  LeadEvent,
  SellerAuthorization,
  ApiToken,
  OutboxEmail,
  MailboxMessage,
  PartnerReview,
  WebhookEndpoint,
  WebhookDelivery,
];
