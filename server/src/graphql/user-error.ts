import { Arg, Field, ObjectType, type ClassType } from 'type-graphql';
import { UserErrorCode } from '@slp/shared';

@ObjectType({ description: 'An expected failure of a mutation, tied to the input field it concerns.' })
export class UserError {
  @Field(() => [String], { nullable: true, description: 'Path to the input field, e.g. ["budget"].' })
  field?: string[] | null;

  @Field(() => String, { description: 'What went wrong, in words a person can read.' })
  message!: string;

  @Field(() => UserErrorCode, { description: 'What went wrong, for programs to act on.' })
  code!: UserErrorCode;
}

/** Every payload's `userErrors` field, documented once. */
export const UserErrorsField = () => Field(() => [UserError], { description: 'Why the mutation was refused; empty when it succeeded.' });

/** Every mutation's single `input` argument, documented once. */
export const InputArg = <T extends object>(type: () => ClassType<T>) =>
  Arg('input', type, { description: "The mutation's fields; see the input type." });
