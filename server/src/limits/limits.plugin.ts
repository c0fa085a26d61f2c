import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../request/context.js';
import type { OperationGate } from './operation-gate.js';
import type { RateState } from './rate-limits.js';
import { limitError } from './limit-error.js';

function unresolvedOperation(name: string | undefined) {
  return limitError(
    'OPERATION_RESOLUTION_FAILURE',
    name ? `Unknown operation named "${name}".` : 'Must provide operation name if query contains multiple operations.',
  );
}

/**
 * Admits every HTTP operation through the gate (depth, aliases, cost, rate budgets) and reports its
 * cost and the remaining budget in the response's `extensions`.
 */
export function limitsPlugin(gate: OperationGate): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      let admitted: { cost: number; rate: RateState } | undefined;
      return {
        async didResolveOperation({ schema, document, operation, operationName, request, contextValue: ctx }) {
          // Apollo leaves an unknown operationName to the gateway executor, which would run the only operation.
          if (!operation) throw unresolvedOperation(request.operationName);
          admitted = await gate.admit(
            schema,
            { document, operationName, variableValues: request.variables },
            { address: ctx.address, viewer: ctx.viewer, sessionToken: ctx.session.token },
          );
        },
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single' || !admitted) return;
          response.body.singleResult.extensions = {
            ...response.body.singleResult.extensions,
            cost: { requested: admitted.cost, maximum: gate.limits.maxCost },
            rateLimit: { ...admitted.rate, window: gate.limits.rateWindowSeconds },
          };
        },
      };
    },
  };
}
