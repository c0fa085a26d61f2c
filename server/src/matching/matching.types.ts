import { Field, Float, ID, InputType, ObjectType } from 'type-graphql';
import { UserError, UserErrorsField } from '../graphql/user-error.js';
import { Lead } from '../leads/lead.entity.js';

@ObjectType({ description: 'One named, weighted part of a recommendation score, with the reason in words.' })
export class ScorePart {
  @Field(() => String, {
    description: 'What is scored: productCategory, budget, region, language, capacity, trackRecord or fairSpreading.',
  })
  factor!: string;

  @Field(() => Float, { description: "The part's weight; the weights of all parts add up to 1." })
  weight!: number;

  @Field(() => Float, { description: 'How well the partner does on this part, from 0 to 1.' })
  value!: number;

  @Field(() => String, { description: 'Why the value is what it is, for a person to read.' })
  explanation!: string;
}

@ObjectType({ description: 'A partner ranked for an OPEN inquiry: its best-fitting service, its score and every part of it.' })
export class PartnerRecommendation {
  partnerId!: number;
  serviceId!: number;

  @Field(() => Float, { description: 'The sum of weight × value over the parts, from 0 to 1; higher ranks first.' })
  score!: number;

  @Field(() => [ScorePart], { description: 'Every part of the score.' })
  reasons!: ScorePart[];
}

@InputType({ description: 'Partners an operator gives an OPEN inquiry to.' })
export class AssignPartnersInput {
  @Field(() => ID, { description: 'Global ID of an ACTIVE OPEN inquiry.' }) inquiryId!: string;
  @Field(() => [ID], { description: 'Global IDs of onboarded partners offering the service type, not yet on the inquiry.' })
  partnerIds!: string[];
}

@ObjectType({ description: 'The leads created by assignPartners: all of them, or none with the reasons.' })
export class AssignPartnersPayload {
  @Field(() => [Lead], { description: 'One new NEW lead per partner, in the order given.' }) leads!: Lead[];
  @UserErrorsField() userErrors!: UserError[];
}

@InputType({ description: 'A platform-assigned lead an operator takes back.' })
export class UnassignLeadInput {
  @Field(() => ID, { description: 'Global ID of a NEW, platform-assigned lead.' }) leadId!: string;
  @Field(() => String, {
    nullable: true,
    description:
      "Why, in up to 500 characters of plain text: kept on the lead's UNASSIGNED history entry, which its partner reads. Optional; the app asks for it.",
  })
  reason?: string | null;
}
