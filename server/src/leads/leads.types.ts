import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { UserError } from '../graphql/user-error.js';
import { connectionOf } from '../graphql/connection.js';
import { Lead } from './lead.entity.js';

export const LeadConnection = connectionOf('Lead', Lead);

@ObjectType()
export class LeadPayload {
  @Field(() => Lead, { nullable: true }) lead?: Lead | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@InputType()
export class CloseLeadInput {
  @Field(() => ID) leadId!: string;
}
