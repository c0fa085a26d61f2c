import type { ApolloServerPlugin } from '@apollo/server';
import { sha256 } from '../auth/auth.service.js';
import type { Context } from '../graphql/context.js';
import type { ApiLimits } from './api-limits.js';
import { checkOperation } from './operation-limits.js';
import type { ClientKey, RateLimits, RateState } from './rate-limits.js';

/** The budgets a request is charged to: its token or its session, and always its address. */
export function clientKeys(ctx: Context): ClientKey[] {
  const keys: ClientKey[] = [{ kind: 'address', id: ctx.address }];
  if (ctx.viewer?.apiToken) keys.push({ kind: 'token', id: String(ctx.viewer.apiToken.id) });
  else if (ctx.viewer && ctx.session.token) keys.push({ kind: 'session', id: sha256(ctx.session.token).slice(0, 32) });
  return keys;
}

/**
 * Checks every operation against the depth, alias and cost limits, charges its cost to the
 * client's rate budgets, and reports both in the response's `extensions`.
 */
export function limitsPlugin(limits: ApiLimits, rateLimits: RateLimits): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      let cost: number | undefined;
      let rate: RateState | undefined;
      return {
        async didResolveOperation({ schema, document, operationName, request, contextValue }) {
          cost = checkOperation(schema, document, operationName, request.variables, limits);
          rate = await rateLimits.charge(clientKeys(contextValue), cost);
        },
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single' || cost === undefined) return;
          response.body.singleResult.extensions = {
            ...response.body.singleResult.extensions,
            cost: { requested: cost, maximum: limits.maxCost },
            ...(rate ? { rateLimit: { ...rate, window: limits.rateWindowSeconds } } : {}),
          };
        },
      };
    },
  };
}
