import type { EntityManager } from '@mikro-orm/postgresql';
import { canSeeContact, canSeeInquiry } from '../auth/access-policy.js';
import { viewerOf } from '../auth/viewer.js';
import { contextForViewer } from '../graphql/context.js';
import { emailContent } from './email-templates.js';
import { renderEmail, type RenderedEmail } from './email-layout.js';
import { OutboxEmail } from './outbox-email.entity.js';

/**
 * Renders an outbox email when it is sent, as its recipient would see the lead right now: the same
 * access policy as the API decides whether the inquiry and the seller's contact details appear.
 * So an email never shows what its recipient could not see in the app at that moment.
 */
export async function composeEmail(em: EntityManager, outboxId: number): Promise<RenderedEmail & { to: string; messageId: string }> {
  const row = await em.findOneOrFail(OutboxEmail, outboxId,
    { populate: ['recipient', 'recipient.partner', 'lead', 'lead.partner', 'lead.inquiry'] });
  const ctx = contextForViewer(em, viewerOf(row.recipient));
  const inquiry = row.lead.inquiry;
  const visible = await canSeeInquiry(ctx, inquiry);
  const contact = visible && await canSeeContact(ctx, inquiry) ? { name: inquiry.contactName, email: inquiry.contactEmail } : null;
  const content = emailContent(row.kind, {
    recipientName: row.recipient.name, partner: row.lead.partner, inquiry: visible ? inquiry : null, contact,
  });
  return { ...renderEmail(content), to: row.recipientEmail, messageId: row.messageId };
}
