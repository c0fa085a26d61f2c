import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { InputArg } from '../graphql/user-error.js';
import type { Context } from '../request/context.js';
import { TwoWayPageArgs } from '../graphql/connection.js';
import { rowIdOf } from '../graphql/node.js';
import { mutationPayload } from '../graphql/payload.js';
import { queryOrThrow } from '../auth/guards.js';
import { InquiryConnection } from '../inquiries/inquiries.types.js';
import { LeadPayload } from '../leads/leads.types.js';
import { Partner } from '../partners/partner.entity.js';
import { Service } from '../partners/service.entity.js';
import { MatchingService, type AssignPartnersData } from './matching.service.js';
import { AssignPartnersInput, AssignPartnersPayload, PartnerRecommendation, UnassignLeadInput } from './matching.types.js';

@Resolver(() => PartnerRecommendation)
export class MatchingResolver {
  @Query(() => InquiryConnection, {
    description: 'Operator: ACTIVE OPEN inquiries with fewer active (NEW or FOLLOWING) leads than the platform assigns, oldest first.',
  })
  openInquiryQueue(@Args(() => TwoWayPageArgs) page: TwoWayPageArgs, @Ctx() ctx: Context) {
    return queryOrThrow(() => new MatchingService(ctx.em).queue(ctx.viewer, page));
  }

  @Query(() => [PartnerRecommendation], {
    description: 'Operator: eligible partners for an OPEN inquiry, best first, with every part of the score.',
  })
  async recommendedPartners(
    @Arg('inquiryId', () => ID, { description: 'Global ID of an OPEN inquiry.' }) inquiryId: string,
    @Arg('first', () => Int, { nullable: true, description: 'How many, 0 to 100 (default 20).' }) first: number | null,
    @Ctx() ctx: Context,
  ): Promise<PartnerRecommendation[]> {
    const ranked = await queryOrThrow(() => new MatchingService(ctx.em).recommend(ctx.viewer, rowIdOf(inquiryId, 'Inquiry'), first));
    return ranked.map(({ partnerId, serviceId, score, parts }) => ({ partnerId, serviceId, score, reasons: parts }));
  }

  @FieldResolver(() => Partner, { description: 'The recommended partner.' })
  partner(@Root() recommendation: PartnerRecommendation, @Ctx() ctx: Context) {
    return ctx.loaders.partner.get(recommendation.partnerId);
  }

  @FieldResolver(() => Service, { nullable: true, description: "The partner's service of the wanted type that fits best." })
  service(@Root() recommendation: PartnerRecommendation, @Ctx() ctx: Context) {
    return ctx.loaders.service.get(recommendation.serviceId);
  }

  @Mutation(() => AssignPartnersPayload, { description: 'Operator: gives an ACTIVE OPEN inquiry to the chosen partners (all or none).' })
  async assignPartners(@InputArg(() => AssignPartnersInput) input: AssignPartnersInput, @Ctx() ctx: Context) {
    const payload = await mutationPayload(
      () => new MatchingService(ctx.em).assign(ctx.viewer, assignment(input)),
      (leads) => ({ leads }),
    );
    // A refusal creates no lead: the list is empty, never null.
    return { ...payload, leads: payload.leads ?? [] };
  }

  @Mutation(() => LeadPayload, {
    description:
      'Operator: takes back a platform-assigned lead that is still NEW. It closes as UNASSIGNED and the partner loses access to the inquiry.',
  })
  unassignLead(@InputArg(() => UnassignLeadInput) input: UnassignLeadInput, @Ctx() ctx: Context) {
    return mutationPayload(
      () => new MatchingService(ctx.em).unassign(ctx.viewer, rowIdOf(input.leadId, 'Lead'), input.reason),
      ({ lead }) => ({ lead }),
    );
  }
}

/** The operator's choice as row ids (0 for an ID naming no row, which the service refuses at its place). */
function assignment(input: AssignPartnersInput): AssignPartnersData {
  return { inquiryId: rowIdOf(input.inquiryId, 'Inquiry'), partnerIds: input.partnerIds.map((id) => rowIdOf(id, 'Partner')) };
}
