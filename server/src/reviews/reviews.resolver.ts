import { Args, Ctx, FieldResolver, Float, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../request/context.js';
import { PageArgs } from '../graphql/connection.js';
import { mutationPayload } from '../graphql/payload.js';
import { InputArg } from '../graphql/user-error.js';
import { Lead } from '../leads/lead.entity.js';
import { Partner } from '../partners/partner.entity.js';
import { PartnerReview } from './partner-review.entity.js';
import { partnerRecordOf } from './partner-record.js';
import { ReviewsService } from './reviews.service.js';
import { HideReviewInput, PartnerReviewConnection, PartnerReviewPayload, ReviewPartnerInput } from './reviews.types.js';
import { rowIdOf } from '../graphql/node.js';
import type { LeadRead } from '../leads/lead-reads.js';
import type { PartnerRead } from '../partners/partner-reads.js';

/** A partner's track record and reviews, shown on its public page (SPEC section 6a). */
@Resolver(() => Partner)
export class PartnerRecordResolver {
  @FieldResolver(() => Float, {
    nullable: true,
    description: 'Average rating of its visible reviews (1–5, two decimals); null without reviews.',
  })
  async rating(@Root() partner: PartnerRead, @Ctx() ctx: Context) {
    return (await partnerRecordOf(ctx, partner.id)).rating;
  }

  @FieldResolver(() => Int, { description: 'How many visible reviews it has.' })
  async reviewCount(@Root() partner: PartnerRead, @Ctx() ctx: Context) {
    return (await partnerRecordOf(ctx, partner.id)).reviewCount;
  }

  @FieldResolver(() => PartnerReviewConnection, {
    description: 'Its reviews, newest first: the visible ones (operators and authors also see hidden ones).',
  })
  reviews(@Root() partner: PartnerRead, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context) {
    return new ReviewsService(ctx.em).reviewsOf(ctx.viewer, partner.id, page);
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description: 'Median hours from receiving a lead to following it up; null before its first follow-up.',
  })
  async medianHoursToFollowUp(@Root() partner: PartnerRead, @Ctx() ctx: Context) {
    return (await partnerRecordOf(ctx, partner.id)).medianHoursToFollowUp;
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description: 'Share (0–1) of its platform-assigned leads, once past NEW, that expired unanswered; null before any.',
  })
  async expiredLeadShare(@Root() partner: PartnerRead, @Ctx() ctx: Context) {
    return (await partnerRecordOf(ctx, partner.id)).expiredShare;
  }
}

@Resolver(() => PartnerReview)
export class ReviewResolver {
  @Mutation(() => PartnerReviewPayload, {
    description:
      "Seller: reviews the partner of its lead that reached a deal, once per lead; the same lead again edits the seller's review.",
  })
  reviewPartner(@InputArg(() => ReviewPartnerInput) input: ReviewPartnerInput, @Ctx() ctx: Context) {
    return mutationPayload(
      () => new ReviewsService(ctx.em).review(ctx.viewer, { ...input, leadId: rowIdOf(input.leadId, 'Lead') }),
      (review) => ({ review }),
    );
  }

  @Mutation(() => PartnerReviewPayload, {
    description: 'Operator: hides an abusive review with a reason; it no longer shows or counts toward the rating.',
  })
  hideReview(@InputArg(() => HideReviewInput) input: HideReviewInput, @Ctx() ctx: Context) {
    return mutationPayload(
      () => new ReviewsService(ctx.em).hide(ctx.viewer, { ...input, reviewId: rowIdOf(input.reviewId, 'PartnerReview') }),
      (review) => ({ review }),
    );
  }
}

@Resolver(() => Lead)
export class LeadReviewResolver {
  @FieldResolver(() => PartnerReview, { nullable: true, description: "The seller's review of the partner on this lead, once written." })
  review(@Root() lead: LeadRead, @Ctx() ctx: Context) {
    return new ReviewsService(ctx.em).ofLead(lead);
  }
}
