import { Field, InputType, ObjectType } from 'type-graphql';
import { limits } from '@slp/shared';
import { User } from './user.entity.js';
import { Partner } from '../partners/partner.entity.js';
import { UserError, UserErrorsField } from '../graphql/user-error.js';
import type { Read } from '../db/lean-read.js';

const EMAIL = 'The email to log in with.';

@ObjectType('Viewer', { description: 'The logged-in user and, for a partner member, its organisation.' })
export class ViewerType {
  @Field(() => User, { description: 'The logged-in user.' }) user!: Read<User>;
  @Field(() => Partner, { nullable: true, description: 'The partner organisation of a partner member; null for others.' })
  partner!: Read<Partner> | null;
}

@ObjectType({ description: 'The result of signing up or logging in.' })
export class AuthPayload {
  @Field(() => ViewerType, { nullable: true, description: 'Who is now logged in; null when refused.' }) viewer?: ViewerType | null;
  @UserErrorsField() userErrors!: UserError[];
}

@InputType({ description: 'A new seller account.' })
export class SignUpSellerInput {
  @Field(() => String, { description: EMAIL }) email!: string;
  @Field(() => String, { description: `The password, ${limits.passwordMin} to ${limits.passwordMax} characters.` }) password!: string;
  @Field(() => String, { description: "The person's name." }) name!: string;
}

@InputType({ description: 'A new partner organisation and its first member; it starts PENDING until an operator onboards it.' })
export class SignUpPartnerInput extends SignUpSellerInput {
  @Field(() => String, { description: "The partner organisation's public name." }) organizationName!: string;
  @Field(() => String, { description: 'Public contact email shown on the partner page.' }) contactEmail!: string;
}

@InputType({ description: 'Credentials to log in with.' })
export class LogInInput {
  @Field(() => String, { description: EMAIL }) email!: string;
  @Field(() => String, { description: "The account's password." }) password!: string;
}
