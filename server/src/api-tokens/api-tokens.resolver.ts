import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { InputArg } from '../graphql/user-error.js';
import type { Context } from '../request/context.js';
import { mutationPayload } from '../graphql/payload.js';
import { requirePartnerOrThrow } from '../auth/guards.js';
import { ApiToken } from './api-token.entity.js';
import { ApiTokensService } from './api-tokens.service.js';
import { ApiTokenPayload, CreateApiTokenInput, CreateApiTokenPayload, RevokeApiTokenInput } from './api-tokens.types.js';
import { rowIdOf } from '../graphql/node.js';

@Resolver(() => ApiToken)
export class ApiTokenResolver {
  @Query(() => [ApiToken], { description: "Partner: the partner's API tokens, newest first." })
  apiTokens(
    @Arg('includeRevoked', () => Boolean, { defaultValue: false, description: 'Also list revoked tokens.' }) includeRevoked: boolean,
    @Ctx() ctx: Context,
  ) {
    requirePartnerOrThrow(ctx);
    return new ApiTokensService(ctx.em).list(ctx.viewer, includeRevoked);
  }

  @Mutation(() => CreateApiTokenPayload, { description: 'Partner: creates an API token; its secret is in this response only.' })
  createApiToken(@InputArg(() => CreateApiTokenInput) input: CreateApiTokenInput, @Ctx() ctx: Context) {
    return mutationPayload(
      () => new ApiTokensService(ctx.em).create(ctx.viewer, input),
      (created) => created,
    );
  }

  @Mutation(() => ApiTokenPayload, { description: 'Partner: revokes an API token; requests with it are refused from now on.' })
  revokeApiToken(@InputArg(() => RevokeApiTokenInput) input: RevokeApiTokenInput, @Ctx() ctx: Context) {
    return mutationPayload(
      () => new ApiTokensService(ctx.em).revoke(ctx.viewer, rowIdOf(input.apiTokenId, 'ApiToken')),
      (apiToken) => ({ apiToken }),
    );
  }
}
