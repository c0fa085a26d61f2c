import { Field, InputType, ObjectType } from 'type-graphql';
import { User } from './user.entity.js';
import { Partner } from '../partners/partner.entity.js';
import { UserError } from '../graphql/user-error.js';

@ObjectType('Viewer', { description: 'The logged-in user and, for a partner member, its organisation.' })
export class ViewerType {
  @Field(() => User) user!: User;
  @Field(() => Partner, { nullable: true }) partner!: Partner | null;
}

@ObjectType()
export class AuthPayload {
  @Field(() => ViewerType, { nullable: true }) viewer?: ViewerType | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@InputType()
export class SignUpSellerInput {
  @Field(() => String) email!: string;
  @Field(() => String) password!: string;
  @Field(() => String) name!: string;
}

@InputType()
export class SignUpPartnerInput extends SignUpSellerInput {
  @Field(() => String) organizationName!: string;
  @Field(() => String, { description: 'Public contact email shown on the partner page.' }) contactEmail!: string;
}

@InputType()
export class LogInInput {
  @Field(() => String) email!: string;
  @Field(() => String) password!: string;
}
