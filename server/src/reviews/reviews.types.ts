import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { connectionOf } from '../graphql/connection.js';
import { UserError } from '../graphql/user-error.js';
import { PartnerReview } from './partner-review.entity.js';

export const PartnerReviewConnection = connectionOf('PartnerReview', PartnerReview);

@InputType({ description: 'A rating, and optionally a comment, for the partner of a lead that reached a deal.' })
export class ReviewPartnerInput {
  @Field(() => ID, { description: "The seller's lead with the partner, in DEAL; the same lead again edits the review." })
  leadId!: string;

  @Field(() => Int, { description: 'From 1 (poor) to 5 (excellent).' })
  rating!: number;

  @Field(() => String, { nullable: true, description: 'Plain text, at most 2,000 characters.' })
  comment?: string | null;
}

@InputType({ description: 'Hides an abusive review.' })
export class HideReviewInput {
  @Field(() => ID, { description: 'The review to hide.' })
  reviewId!: string;

  @Field(() => String, { description: 'Why, at most 500 characters; its author sees it.' })
  reason!: string;
}

@ObjectType({ description: 'The review written, edited or hidden, or why not.' })
export class PartnerReviewPayload {
  @Field(() => PartnerReview, { nullable: true, description: 'The review; null when refused.' })
  review?: PartnerReview | null;

  @Field(() => [UserError], { description: 'Why it was refused; empty on success.' })
  userErrors!: UserError[];
}
