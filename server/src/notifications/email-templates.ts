import { companySizeLabels, formatAmount } from '@slp/shared';
import type { Inquiry } from '../inquiries/inquiry.entity.js';
import { EmailKind } from './outbox-email.entity.js';
import type { EmailContent } from './email-layout.js';

/** What a template may use: only what the access policy let through for this recipient. */
export interface EmailFacts {
  recipientName: string;
  partner: { name: string; contactEmail: string };
  /** Null when the recipient may no longer see the inquiry (e.g. the lead was rejected meanwhile). */
  inquiry: Inquiry | null;
  /** Null unless the recipient may see the seller's contact details right now. */
  contact: { name: string; email: string } | null;
}

const words = (value: string) => value.charAt(0) + value.slice(1).toLowerCase().replace(/_/g, ' ');
const money = (amount: string | null | undefined, currency: string) =>
  amount == null ? null : `${formatAmount(amount, currency)} ${currency}`;

function profileFacts(inquiry: Inquiry | null): EmailContent['facts'] {
  if (!inquiry) return [];
  return [
    ['Product category', words(inquiry.productCategory)],
    ['Company size', companySizeLabels[inquiry.companySize]],
    ['Location', inquiry.location],
    ['TikTok Shop monthly GMV', money(inquiry.shopGmvAmount, inquiry.currency)],
    ['Other channels monthly GMV', money(inquiry.otherChannelsGmvAmount, inquiry.currency)],
    ['Monthly budget', money(inquiry.budgetAmount, inquiry.currency)],
    ['Hot-sale product', inquiry.hotSaleProduct],
    ['Other details', inquiry.otherDetails],
  ];
}

function contactFacts(facts: EmailFacts): EmailContent['facts'] {
  return facts.contact ? [['Contact name', facts.contact.name], ['Contact email', facts.contact.email]] : [];
}

const hello = (facts: EmailFacts) => `Hello ${facts.recipientName},`;

const templates: Record<EmailKind, (facts: EmailFacts) => EmailContent> = {
  [EmailKind.NEW_LEAD]: (facts) => ({
    subject: `New lead for ${facts.partner.name}`,
    greeting: hello(facts),
    paragraphs: [facts.inquiry
      ? 'A seller sent your organisation a new inquiry. It is waiting under New Opportunities.'
      : 'A seller sent your organisation an inquiry that is no longer open to you.'],
    facts: [...profileFacts(facts.inquiry), ...contactFacts(facts)],
    closing: facts.inquiry && !facts.contact ? "Follow up on the lead to see the seller's contact details." : undefined,
  }),
  [EmailKind.SELLER_CLOSED]: (facts) => ({
    subject: `A seller closed a lead for ${facts.partner.name}`,
    greeting: hello(facts),
    paragraphs: ["The seller closed this inquiry for your organisation. The lead has moved to Closed and the seller's contact details are no longer available."],
    facts: profileFacts(facts.inquiry),
  }),
  [EmailKind.FOLLOWED_UP]: (facts) => ({
    subject: `${facts.partner.name} is following up on your inquiry`,
    greeting: hello(facts),
    paragraphs: [`${facts.partner.name} is following up on your inquiry and can now see your contact details. You can also write to them at ${facts.partner.contactEmail}.`],
    facts: profileFacts(facts.inquiry),
  }),
  [EmailKind.DEAL]: (facts) => ({
    subject: `You reached a deal with ${facts.partner.name}`,
    greeting: hello(facts),
    paragraphs: [`You and ${facts.partner.name} reached a deal on your inquiry. You can reach them at ${facts.partner.contactEmail}.`],
    facts: profileFacts(facts.inquiry),
  }),
  [EmailKind.NO_AGREEMENT]: (facts) => ({
    subject: `${facts.partner.name} could not reach an agreement with you`,
    greeting: hello(facts),
    paragraphs: [`${facts.partner.name} marked your inquiry as closed without an agreement. Your inquiry stays open for other partners.`],
    facts: profileFacts(facts.inquiry),
  }),
};

export function emailContent(kind: EmailKind, facts: EmailFacts): EmailContent {
  return templates[kind](facts);
}
