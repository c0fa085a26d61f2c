import { Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { InputArg } from '../graphql/user-error.js';
import type { Context } from '../request/context.js';
import { mutationPayload } from '../graphql/payload.js';
import { refusalAsGraphQLError } from '../auth/guards.js';
import { Partner } from '../partners/partner.entity.js';
import { SellerAuthorization } from './seller-authorization.entity.js';
import { AuthorizationsService } from './authorizations.service.js';
import { AuthorizationPayload, GrantAuthorizationInput, RevokeAuthorizationInput } from './authorizations.types.js';
import { rowIdOf } from '../graphql/node.js';
import type { Read } from '../db/lean-read.js';

@Resolver(() => SellerAuthorization)
export class AuthorizationResolver {
  @Query(() => [SellerAuthorization], { description: "Seller: the viewer's authorizations, newest first, revoked ones included." })
  myAuthorizations(@Ctx() ctx: Context) {
    return refusalAsGraphQLError(() => new AuthorizationsService(ctx.em).mine(ctx.viewer));
  }

  @FieldResolver(() => Partner, { description: 'The partner given access.' })
  partner(@Root() authorization: Read<SellerAuthorization>, @Ctx() ctx: Context) {
    return ctx.loaders.partner.get(authorization.partner.id);
  }

  @Mutation(() => AuthorizationPayload, {
    description: "Seller: gives an onboarded partner shop access; the partner's FOLLOWING leads of this seller reach a deal.",
  })
  grantAuthorization(@InputArg(() => GrantAuthorizationInput) input: GrantAuthorizationInput, @Ctx() ctx: Context) {
    return mutationPayload(
      () => new AuthorizationsService(ctx.em).grant(ctx.viewer, rowIdOf(input.partnerId, 'Partner')),
      ({ authorization }) => ({ authorization }),
    );
  }

  @Mutation(() => AuthorizationPayload, { description: 'Seller: withdraws a grant; deals already reached stay.' })
  revokeAuthorization(@InputArg(() => RevokeAuthorizationInput) input: RevokeAuthorizationInput, @Ctx() ctx: Context) {
    return mutationPayload(
      () => new AuthorizationsService(ctx.em).revoke(ctx.viewer, rowIdOf(input.authorizationId, 'SellerAuthorization')),
      (authorization) => ({ authorization }),
    );
  }
}
