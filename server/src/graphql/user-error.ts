import { Field, ObjectType } from 'type-graphql';
import { UserErrorCode } from '@slp/shared';

@ObjectType({ description: 'An expected failure of a mutation, tied to the input field it concerns.' })
export class UserError {
  @Field(() => [String], { nullable: true, description: 'Path to the input field, e.g. ["budget"].' })
  field?: string[] | null;

  @Field(() => String)
  message!: string;

  @Field(() => UserErrorCode)
  code!: UserErrorCode;
}
