import type { EntityManager } from '@mikro-orm/postgresql';
import { canSeeContact, canSeeInquiry } from '../auth/access-policy.js';
import { User } from '../auth/user.entity.js';
import { viewerOf } from '../auth/viewer.js';
import { findLeanByIds, findLeanWhereIn } from '../db/batched-reads.js';
import { contextForViewer } from '../graphql/context.js';
import { primeViewerLead } from '../graphql/loaders.js';
import { Inquiry } from '../inquiries/inquiry.entity.js';
import { Lead } from '../leads/lead.entity.js';
import { Partner } from '../partners/partner.entity.js';
import { emailContent } from './email-templates.js';
import { renderEmail, type RenderedEmail } from './email-layout.js';
import { OutboxEmail } from './outbox-email.entity.js';

export type ComposedEmail = RenderedEmail & { outboxId: number; to: string; messageId: string };

/**
 * Renders outbox emails when they are sent, as each recipient would see the lead right now: the same
 * access policy as the API decides whether the inquiry and the seller's contact details appear.
 * So an email never shows what its recipient could not see in the app at that moment. A batch is
 * read with one statement per table, as read-only rows; a row that no longer exists is left out.
 */
export async function composeEmails(em: EntityManager, outboxIds: number[]): Promise<ComposedEmail[]> {
  const rows = await findLeanWhereIn(em, OutboxEmail, 'id', outboxIds);
  const [recipients, leads] = await Promise.all([
    findLeanByIds(em, User, rows.map((row) => row.recipient.id)), findLeanByIds(em, Lead, rows.map((row) => row.lead.id)),
  ]);
  const [partners, inquiries] = await Promise.all([
    findLeanByIds(em, Partner, [...leads.values()].map((lead) => lead.partner.id)),
    findLeanByIds(em, Inquiry, [...leads.values()].map((lead) => lead.inquiry.id)),
  ]);
  return Promise.all(rows.map((row) => {
    const lead = leads.get(row.lead.id)!;
    return composeEmail(em, row, recipients.get(row.recipient.id)!, lead, partners.get(lead.partner.id)!, inquiries.get(lead.inquiry.id)!);
  }));
}

async function composeEmail(
  em: EntityManager, row: OutboxEmail, recipient: User, lead: Lead, partner: Partner, inquiry: Inquiry,
): Promise<ComposedEmail> {
  const viewer = viewerOf(recipient);
  const ctx = contextForViewer(em, viewer);
  // A member's access to the inquiry is decided by its partner's lead, which is this email's lead.
  primeViewerLead(ctx.loaders, viewer, lead);
  const visible = await canSeeInquiry(ctx, inquiry);
  const contact = visible && await canSeeContact(ctx, inquiry) ? { name: inquiry.contactName, email: inquiry.contactEmail } : null;
  const content = emailContent(row.kind, { recipientName: recipient.name, partner, inquiry: visible ? inquiry : null, contact });
  return { ...renderEmail(content), outboxId: row.id, to: row.recipientEmail, messageId: row.messageId };
}
