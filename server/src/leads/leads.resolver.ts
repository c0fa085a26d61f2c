import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { RejectReason } from '@slp/shared';
import type { Context } from '../graphql/context.js';
import { mutationPayload } from '../graphql/payload.js';
import { canSeeRejectDetails } from '../auth/access-policy.js';
import { VisibleWhen } from '../auth/visibility.js';
import { Inquiry } from '../inquiries/inquiry.entity.js';
import { InquiriesService } from '../inquiries/inquiries.service.js';
import { Partner } from '../partners/partner.entity.js';
import { Service } from '../partners/service.entity.js';
import { SellerAuthorization } from '../authorizations/seller-authorization.entity.js';
import { Lead } from './lead.entity.js';
import { LeadEvent } from './lead-event.entity.js';
import { CloseLeadInput, LeadPayload } from './leads.types.js';

@Resolver(() => Lead)
export class LeadResolver {
  @FieldResolver(() => Inquiry, { nullable: true, description: 'Null for a partner whose lead is REJECTED.' })
  inquiry(@Root() lead: Lead, @Ctx() ctx: Context) {
    return ctx.loaders.inquiry.load(lead.inquiry.id);
  }

  @FieldResolver(() => Partner)
  partner(@Root() lead: Lead, @Ctx() ctx: Context) {
    return ctx.loaders.partner.load(lead.partner.id);
  }

  @FieldResolver(() => Service, { nullable: true })
  service(@Root() lead: Lead, @Ctx() ctx: Context) {
    return lead.service ? ctx.loaders.service.load(lead.service.id) : null;
  }

  @FieldResolver(() => RejectReason, { nullable: true, description: 'Never visible to the seller.' })
  @VisibleWhen(canSeeRejectDetails)
  rejectReason(@Root() lead: Lead) {
    return lead.rejectReason ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Never visible to the seller.' })
  @VisibleWhen(canSeeRejectDetails)
  rejectNote(@Root() lead: Lead) {
    return lead.rejectNote ?? null;
  }

  @FieldResolver(() => SellerAuthorization, { nullable: true, description: 'The authorization matched when the deal was reached.' })
  authorization(@Root() lead: Lead, @Ctx() ctx: Context) {
    return lead.authorization ? ctx.loaders.authorization.load(lead.authorization.id) : null;
  }

  @FieldResolver(() => [LeadEvent], { description: 'Who did what, when, oldest first.' })
  history(@Root() lead: Lead, @Ctx() ctx: Context) {
    return ctx.loaders.leadEvents.load(lead.id);
  }

  @Mutation(() => LeadPayload, { description: "Seller: closes one partner's lead on the seller's inquiry." })
  closeLead(@Arg('input', () => CloseLeadInput) input: CloseLeadInput, @Ctx() ctx: Context) {
    return mutationPayload(() => new InquiriesService(ctx.em).closeLead(ctx.viewer, input.leadId), ({ lead }) => ({ lead }));
  }
}
