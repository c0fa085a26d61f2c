import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../graphql/context.js';
import { Partner } from '../partners/partner.entity.js';
import { SellerAuthorization } from './seller-authorization.entity.js';

@Resolver(() => SellerAuthorization)
export class AuthorizationResolver {
  @FieldResolver(() => Partner)
  partner(@Root() authorization: SellerAuthorization, @Ctx() ctx: Context) {
    return ctx.loaders.partner.load(authorization.partner.id);
  }
}
