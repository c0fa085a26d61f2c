import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { UserError, UserErrorsField } from '../graphql/user-error.js';
import { SellerAuthorization } from './seller-authorization.entity.js';

@ObjectType({ description: 'The result of granting or revoking an authorization.' })
export class AuthorizationPayload {
  @Field(() => SellerAuthorization, { nullable: true, description: 'The authorization after the change; null when refused.' })
  authorization?: SellerAuthorization | null;

  @UserErrorsField() userErrors!: UserError[];
}

@InputType({ description: 'Seller: gives a partner access to the shop.' })
export class GrantAuthorizationInput {
  @Field(() => ID, { description: 'Global ID of an onboarded partner.' }) partnerId!: string;
}

@InputType({ description: 'Seller: withdraws a grant.' })
export class RevokeAuthorizationInput {
  @Field(() => ID, { description: 'Global ID of the authorization (not its code).' }) authorizationId!: string;
}
