import { Field, ObjectType } from 'type-graphql';
import { InquiryUpdateType, LeadAlertType } from '@slp/shared';
import { Inquiry } from '../inquiries/inquiry.entity.js';
import { Lead } from '../leads/lead.entity.js';

@ObjectType({ description: "A live alert to a partner's members about one of its leads." })
export class LeadAlert {
  @Field(() => LeadAlertType, { description: 'What happened to the lead.' })
  type!: LeadAlertType;

  @Field(() => Lead, { description: 'The lead as this subscriber may see it now.' })
  lead!: Lead;
}

@ObjectType({ description: 'A live update to a seller about a partner working one of its inquiries.' })
export class InquiryUpdate {
  @Field(() => InquiryUpdateType, { description: 'What the partner did.' })
  type!: InquiryUpdateType;

  @Field(() => Inquiry, { description: "The seller's inquiry." })
  inquiry!: Inquiry;

  @Field(() => Lead, { description: "The partner's lead on it." })
  lead!: Lead;
}
