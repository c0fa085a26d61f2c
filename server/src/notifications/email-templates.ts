import { companySizeLabels, formatMoney, type CompanySize, type ProductCategory } from '@slp/shared';
import { EmailKind } from './outbox-email.entity.js';
import type { EmailContent } from './email-layout.js';
import type { InquiryRead } from '../inquiries/inquiry-reads.js';

/** The business profile an email may show: never the seller's contact details (SPEC section 4). */
export interface InquiryProfile {
  productCategory: ProductCategory;
  companySize: CompanySize;
  location: string | null;
  currency: string;
  shopGmv: string;
  otherChannelsGmv: string | null;
  budget: string;
  hotSaleProduct: string | null;
  otherDetails: string | null;
}

/** What a template is given: plain data that the access policy let through for this recipient. */
export interface EmailFacts {
  recipientName: string;
  partner: { name: string; contactEmail: string };
  /** Null when the recipient may not see the inquiry (e.g. the lead was rejected before the email went out). */
  profile: InquiryProfile | null;
  /** The lead (for a partner) or the request (for a seller) in the app. */
  link: string;
  /** The lead's response deadline, for the emails about it. */
  respondBy: Date | null;
}

export function profileOf(inquiry: InquiryRead): InquiryProfile {
  return {
    productCategory: inquiry.productCategory,
    companySize: inquiry.companySize,
    location: inquiry.location ?? null,
    currency: inquiry.currency,
    shopGmv: inquiry.shopGmvAmount,
    otherChannelsGmv: inquiry.otherChannelsGmvAmount ?? null,
    budget: inquiry.budgetAmount,
    hotSaleProduct: inquiry.hotSaleProduct ?? null,
    otherDetails: inquiry.otherDetails ?? null,
  };
}

const words = (value: string) => value.charAt(0) + value.slice(1).toLowerCase().replace(/_/g, ' ');
// The same reading of money as the SPA's (Intl), e.g. "$42,000.50".
const money = (amount: string | null, currency: string) => (amount == null ? null : formatMoney({ amount, currency }));

function profileFacts(profile: InquiryProfile | null): EmailContent['facts'] {
  if (!profile) return [];
  return [
    ['Product category', words(profile.productCategory)],
    ['Company size', companySizeLabels[profile.companySize]],
    ['Location', profile.location],
    ['TikTok Shop monthly GMV', money(profile.shopGmv, profile.currency)],
    ['Other channels monthly GMV', money(profile.otherChannelsGmv, profile.currency)],
    ['Monthly budget', money(profile.budget, profile.currency)],
    ['Hot-sale product', profile.hotSaleProduct],
    ['Other details', profile.otherDetails],
  ];
}

const hello = (facts: EmailFacts) => `Hello ${facts.recipientName},`;
const when = (at: Date | null) => (at ? `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC` : 'its deadline');
const openLead = (facts: EmailFacts) => ({ label: 'Open the lead', url: facts.link });
const openRequest = (facts: EmailFacts) => ({ label: 'Open your request', url: facts.link });

const templates: Record<EmailKind, (facts: EmailFacts) => EmailContent> = {
  [EmailKind.NEW_LEAD]: (facts) => ({
    subject: `New lead for ${facts.partner.name}`,
    greeting: hello(facts),
    paragraphs: [
      facts.profile
        ? 'A seller sent your organisation a new inquiry. It is waiting under New Opportunities.'
        : 'A seller sent your organisation an inquiry that is no longer open to you.',
    ],
    facts: profileFacts(facts.profile),
    closing: facts.profile ? "Follow up on the lead in the app to see the seller's contact details." : undefined,
    action: openLead(facts),
  }),
  [EmailKind.SELLER_CLOSED]: (facts) => ({
    subject: `A seller closed a lead for ${facts.partner.name}`,
    greeting: hello(facts),
    paragraphs: [
      "The seller closed this inquiry for your organisation. The lead has moved to Closed and the seller's contact details are no longer available.",
    ],
    facts: profileFacts(facts.profile),
    action: openLead(facts),
  }),
  [EmailKind.FOLLOWED_UP]: (facts) => ({
    subject: `${facts.partner.name} is following up on your inquiry`,
    greeting: hello(facts),
    paragraphs: [
      `${facts.partner.name} is following up on your inquiry and can now see your contact details. You can also write to them at ${facts.partner.contactEmail}.`,
    ],
    facts: profileFacts(facts.profile),
    action: openRequest(facts),
  }),
  [EmailKind.DEAL]: (facts) => ({
    subject: `You reached a deal with ${facts.partner.name}`,
    greeting: hello(facts),
    paragraphs: [`You and ${facts.partner.name} reached a deal on your inquiry. You can reach them at ${facts.partner.contactEmail}.`],
    facts: profileFacts(facts.profile),
    action: openRequest(facts),
  }),
  [EmailKind.NO_AGREEMENT]: (facts) => ({
    subject: `${facts.partner.name} could not reach an agreement with you`,
    greeting: hello(facts),
    paragraphs: [`${facts.partner.name} marked your inquiry as closed without an agreement. Your inquiry stays open for other partners.`],
    facts: profileFacts(facts.profile),
    action: openRequest(facts),
  }),
  [EmailKind.LEAD_EXPIRING]: (facts) => ({
    subject: `A lead for ${facts.partner.name} expires soon`,
    greeting: hello(facts),
    paragraphs: [
      facts.profile
        ? `Nobody at ${facts.partner.name} has followed up this lead yet. Follow up before ${when(facts.respondBy)}, or the platform passes it on to another partner.`
        : 'A lead the platform gave your organisation is no longer open to you.',
    ],
    facts: profileFacts(facts.profile),
    action: openLead(facts),
  }),
  [EmailKind.LEAD_PASSED_ON]: (facts) => ({
    subject: 'Your request was passed on to another partner',
    greeting: hello(facts),
    paragraphs: [
      `${facts.partner.name} did not answer your request in time, so the platform passed it on to the next fitting partner. You will hear from us when a partner follows it up.`,
    ],
    facts: profileFacts(facts.profile),
    action: openRequest(facts),
  }),
  [EmailKind.LEAD_WAITING]: (facts) => ({
    subject: `${facts.partner.name} has not answered your request yet`,
    greeting: hello(facts),
    paragraphs: [
      `${facts.partner.name} has not followed up your request yet. You can keep waiting, write to them at ${facts.partner.contactEmail}, or close this partner's lead and send a request to another partner.`,
    ],
    facts: profileFacts(facts.profile),
    action: openRequest(facts),
  }),
  [EmailKind.WEBHOOK_DISABLED]: (facts) => ({
    subject: `A webhook endpoint of ${facts.partner.name} was disabled`,
    greeting: hello(facts),
    paragraphs: [
      'One of your webhook endpoints failed to accept events for a day, so it was disabled and receives no more events. Check it answers 2xx within 5 seconds, then redeliver a failed event from its delivery log to enable it again.',
    ],
    facts: [],
    action: openLead(facts),
  }),
};

export function emailContent(kind: EmailKind, facts: EmailFacts): EmailContent {
  return templates[kind](facts);
}
