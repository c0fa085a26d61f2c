import type { EntityManager } from '@mikro-orm/postgresql';
import { Role } from '@slp/shared';
import { accessPolicy } from '../auth/access-policy.js';
import { User } from '../auth/user.entity.js';
import { findLeanByIds, findLeanWhereIn } from '../db/batched-reads.js';
import { Inquiry } from '../inquiries/inquiry.entity.js';
import { Lead } from '../leads/lead.entity.js';
import { Partner } from '../partners/partner.entity.js';
import { emailContent, profileOf } from './email-templates.js';
import { renderEmail, type RenderedEmail } from './email-layout.js';
import { OutboxEmail } from './outbox-email.entity.js';
import type { Read } from '../db/lean-read.js';
import type { LeadRead } from '../leads/lead-reads.js';
import type { InquiryRead } from '../inquiries/inquiry-reads.js';
import type { PartnerRead } from '../partners/partner-reads.js';

export type ComposedEmail = RenderedEmail & { outboxId: number; to: string; messageId: string };

/**
 * Renders outbox emails when they are sent. An email outlives every later change of the lead, so
 * it never carries the seller's contact details; the business profile appears only if the access
 * policy lets the recipient see it at that moment, and a link leads to the lead in the app, where
 * the policy decides again. A batch is read with one statement per table, as read-only rows.
 */
export async function composeEmails(em: EntityManager, outboxIds: number[], appUrl: string): Promise<ComposedEmail[]> {
  const rows = await findLeanWhereIn(em, OutboxEmail, 'id', outboxIds);
  const [recipients, leads] = await Promise.all([
    findLeanByIds(
      em,
      User,
      rows.map((row) => row.recipient.id),
    ),
    findLeanByIds(
      em,
      Lead,
      rows.map((row) => row.lead.id),
    ),
  ]);
  const [partners, inquiries] = await Promise.all([
    findLeanByIds(
      em,
      Partner,
      [...leads.values()].map((lead) => lead.partner.id),
    ),
    findLeanByIds(
      em,
      Inquiry,
      [...leads.values()].map((lead) => lead.inquiry.id),
    ),
  ]);
  return rows.map((row) => {
    const lead = leads.get(row.lead.id)!;
    const email = {
      row,
      recipient: recipients.get(row.recipient.id)!,
      lead,
      partner: partners.get(lead.partner.id)!,
      inquiry: inquiries.get(lead.inquiry.id)!,
    };
    return composeEmail(email, appUrl);
  });
}

interface EmailParts {
  row: Read<OutboxEmail>;
  recipient: Read<User>;
  lead: LeadRead;
  partner: PartnerRead;
  inquiry: InquiryRead;
}

/** A partner's member is sent to the lead, a seller to its request. */
function linkFor({ recipient, lead, inquiry }: EmailParts, appUrl: string): string {
  return recipient.role === Role.SELLER ? `${appUrl}/requests/${inquiry.nodeId}` : `${appUrl}/leads/${lead.nodeId}`;
}

function composeEmail(parts: EmailParts, appUrl: string): ComposedEmail {
  const { row, recipient, lead, partner, inquiry } = parts;
  // A member's access to the inquiry is decided by its partner's lead, which is this email's lead.
  const viewerLead = { partnerId: lead.partner.id, status: lead.status, closeReason: lead.closeReason ?? null };
  // The recipient as the policy sees it: a member's partner is this email's lead's partner.
  const viewer = { user: recipient, partner: recipient.partner?.id === partner.id ? partner : null };
  const visible = accessPolicy.inquiry(viewer, { sellerId: inquiry.seller.id, viewerLead });
  const content = emailContent(row.kind, {
    recipientName: recipient.name,
    partner: { name: partner.name, contactEmail: partner.contactEmail },
    profile: visible ? profileOf(inquiry) : null,
    link: linkFor(parts, appUrl),
    respondBy: lead.responseDueAt ?? null,
  });
  return { ...renderEmail(content), outboxId: row.id, to: row.recipientEmail, messageId: row.messageId };
}
