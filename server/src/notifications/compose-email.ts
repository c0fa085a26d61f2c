import type { EntityManager } from '@mikro-orm/postgresql';
import { canSeeContact, canSeeInquiry } from '../auth/access-policy.js';
import { viewerOf } from '../auth/viewer.js';
import { contextForViewer } from '../graphql/context.js';
import { primeViewerLead } from '../graphql/loaders.js';
import { emailContent } from './email-templates.js';
import { renderEmail, type RenderedEmail } from './email-layout.js';
import { OutboxEmail } from './outbox-email.entity.js';

export type ComposedEmail = RenderedEmail & { outboxId: number; to: string; messageId: string };

/**
 * Renders outbox emails when they are sent, as each recipient would see the lead right now: the same
 * access policy as the API decides whether the inquiry and the seller's contact details appear.
 * So an email never shows what its recipient could not see in the app at that moment. One query
 * loads a whole batch; a row that no longer exists is left out.
 */
export async function composeEmails(em: EntityManager, outboxIds: number[]): Promise<ComposedEmail[]> {
  const rows = await em.find(OutboxEmail, { id: { $in: outboxIds } },
    { populate: ['recipient', 'recipient.partner', 'lead', 'lead.partner', 'lead.inquiry'], orderBy: { id: 'asc' } });
  return Promise.all(rows.map((row) => composeEmail(em, row)));
}

async function composeEmail(em: EntityManager, row: OutboxEmail): Promise<ComposedEmail> {
  const viewer = viewerOf(row.recipient);
  const ctx = contextForViewer(em, viewer);
  // A member's access to the inquiry is decided by its partner's lead, which is this email's lead.
  primeViewerLead(ctx.loaders, viewer, row.lead);
  const inquiry = row.lead.inquiry;
  const visible = await canSeeInquiry(ctx, inquiry);
  const contact = visible && await canSeeContact(ctx, inquiry) ? { name: inquiry.contactName, email: inquiry.contactEmail } : null;
  const content = emailContent(row.kind, {
    recipientName: row.recipient.name, partner: row.lead.partner, inquiry: visible ? inquiry : null, contact,
  });
  return { ...renderEmail(content), outboxId: row.id, to: row.recipientEmail, messageId: row.messageId };
}
