import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { CompanySize, LeadOrderField, LeadSource, OrderDirection, ProductCategory, RejectReason, ServiceType } from '@slp/shared';
import { DecimalScalar } from '../graphql/scalars.js';
import { UserError, UserErrorsField } from '../graphql/user-error.js';
import { connectionOf } from '../graphql/connection.js';
import { Lead } from './lead.entity.js';

export const LeadConnection = connectionOf('Lead', Lead);

@ObjectType({ description: 'The result of an action on a lead.' })
export class LeadPayload {
  @Field(() => Lead, { nullable: true, description: 'The lead after the change; null when refused.' }) lead?: Lead | null;
  @UserErrorsField() userErrors!: UserError[];
}

@InputType({ description: 'Narrows a tab of leads; every given filter must match.' })
export class LeadFilter {
  @Field(() => ServiceType, { nullable: true, description: "The lead's service type (an open request's chosen type)." })
  serviceType?: ServiceType | null;

  @Field(() => ProductCategory, { nullable: true, description: "The seller's product category." })
  productCategory?: ProductCategory | null;

  @Field(() => CompanySize, { nullable: true, description: "The seller's company size." })
  companySize?: CompanySize | null;

  @Field(() => LeadSource, { nullable: true, description: 'Whether the seller chose the partner or the platform assigned it.' })
  source?: LeadSource | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: "Only leads whose monthly budget is at least this (in the inquiry's currency).",
  })
  budgetMin?: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: "Only leads whose monthly budget is at most this (in the inquiry's currency).",
  })
  budgetMax?: string | null;

  @Field(() => Date, {
    nullable: true,
    description: 'Only leads changed after this time (`Lead.updatedAt`): what changed since the last sync.',
  })
  updatedAfter?: Date | null;
}

@InputType({ description: 'The order of a tab of leads; the default is RECEIVED, DESC (newest first).' })
export class LeadOrder {
  @Field(() => LeadOrderField, { description: 'What to order by.' }) field!: LeadOrderField;
  @Field(() => OrderDirection, { description: 'Which way.' }) direction!: OrderDirection;
}

@ObjectType({ description: "How many leads are in each of the partner's tabs." })
export class LeadCounts {
  @Field(() => Int, { description: 'New Opportunities.' }) new!: number;
  @Field(() => Int, { description: 'Following.' }) following!: number;
  @Field(() => Int, { description: 'Reach a Deal.' }) deal!: number;
  @Field(() => Int, { description: 'Closed.' }) closed!: number;
}

@InputType({ description: "Seller: closes one partner's lead." })
export class CloseLeadInput {
  @Field(() => ID, { description: 'Global ID of the lead.' }) leadId!: string;
}

@InputType({ description: 'Partner: follows up a NEW lead.' })
export class FollowLeadInput {
  @Field(() => ID, { description: 'Global ID of the lead.' }) leadId!: string;
}

@InputType({ description: 'Partner: turns down a NEW lead.' })
export class RejectLeadInput {
  @Field(() => ID, { description: 'Global ID of the lead.' }) leadId!: string;
  @Field(() => RejectReason, { description: 'Why; never shown to the seller.' }) reason!: RejectReason;
  @Field(() => String, { nullable: true, description: 'A remark for the partner and the platform; never shown to the seller.' })
  note?: string | null;
}

@InputType({ description: 'Partner: reaches a deal on a FOLLOWING lead with the authorization ID the seller gave.' })
export class AcceptCooperationInput {
  @Field(() => ID, { description: 'Global ID of the lead.' }) leadId!: string;
  @Field(() => String, { description: 'The code the seller read out, e.g. "AUTH-7K2Q-9XWM".' }) authorizationId!: string;
}

@InputType({ description: 'Partner: closes a FOLLOWING lead because no agreement was reached.' })
export class MarkNoAgreementInput {
  @Field(() => ID, { description: 'Global ID of the lead.' }) leadId!: string;
  @Field(() => String, { nullable: true, description: 'A remark for the partner and the platform; never shown to the seller.' })
  note?: string | null;
}
