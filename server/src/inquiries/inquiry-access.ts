import type { ContactAccess } from '@slp/shared';
import { accessPolicy, type InquiryFacts } from '../auth/access-policy.js';
import type { Context } from '../request/context.js';
import { andThen, type Maybe } from '../graphql/maybe.js';
import type { InquiryRead } from './inquiry-reads.js';

/** An inquiry's facts for this viewer: a partner's access turns on its own lead on the inquiry. */
export function inquiryFacts(ctx: Context, inquiry: InquiryRead): Maybe<InquiryFacts> {
  const sellerId = inquiry.seller.id;
  if (!ctx.viewer?.partner) return { sellerId, viewerLead: null };
  return andThen(ctx.loaders.viewerLeadOnInquiry.get(inquiry.id), (lead) => ({
    sellerId,
    viewerLead: lead && { partnerId: lead.partner.id, status: lead.status, closeReason: lead.closeReason ?? null },
  }));
}

export function contactAccessOf(ctx: Context, inquiry: InquiryRead): Maybe<ContactAccess> {
  return andThen(inquiryFacts(ctx, inquiry), (facts) => accessPolicy.contact(ctx.viewer, facts));
}
