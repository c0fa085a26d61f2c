import { GraphQLError, parse, validate, type ExecutionArgs, type GraphQLSchema } from 'graphql';
import { sha256 } from '../auth/digest.js';
import type { Viewer } from '../auth/viewer.js';
import type { ApiLimits } from './api-limits.js';
import { checkOperation } from './operation-limits.js';
import { limitError } from './limit-error.js';
import { refuseBadVariables } from './input-text.js';
import type { ClientKey, RateLimits, RateState } from './rate-limits.js';

/** Who is asking, as far as rate budgets go. */
export interface Client {
  address: string;
  viewer: Viewer | null;
  sessionToken: string | null;
}

/** The budgets a request is charged to: its token or its session, and always its address. */
export function clientKeys({ address, viewer, sessionToken }: Client): ClientKey[] {
  const keys: ClientKey[] = [{ kind: 'address', id: address }];
  if (viewer?.apiToken) keys.push({ kind: 'token', id: String(viewer.apiToken.id) });
  else if (viewer && sessionToken) keys.push({ kind: 'session', id: sha256(sessionToken).slice(0, 32) });
  return keys;
}

/** An operation as a WebSocket client sends it. */
export interface OperationPayload {
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

/**
 * The limits in one place for both transports: checks a valid operation's shape and cost and
 * charges the cost to the client's budgets (refusals are GraphQL errors with codes).
 */
export class OperationGate {
  constructor(
    readonly limits: ApiLimits,
    private readonly rateLimits: RateLimits,
  ) {}

  async admit(
    schema: GraphQLSchema,
    args: Pick<ExecutionArgs, 'document' | 'operationName' | 'variableValues'>,
    client: Client,
  ): Promise<{ cost: number; rate: RateState }> {
    refuseBadVariables(args.variableValues);
    const cost = checkOperation(schema, args.document, args.operationName, args.variableValues ?? undefined, this.limits);
    return { cost, rate: await this.rateLimits.charge(clientKeys(client), cost) };
  }

  /**
   * For graphql-ws's onSubscribe: parsed, validated and admitted arguments, or the errors to send
   * back, coded as over HTTP.
   */
  async executionArgs(schema: GraphQLSchema, payload: OperationPayload, client: Client): Promise<ExecutionArgs | readonly GraphQLError[]> {
    let document;
    try {
      document = parse(payload.query, { maxTokens: this.limits.maxTokens });
    } catch (error) {
      return [limitError('GRAPHQL_PARSE_FAILED', error instanceof Error ? error.message : 'Syntax error')];
    }
    const invalid = validate(schema, document);
    if (invalid.length) return invalid.map((error) => limitError('GRAPHQL_VALIDATION_FAILED', error.message));
    const args = { schema, document, operationName: payload.operationName, variableValues: payload.variables };
    try {
      await this.admit(schema, args, client);
    } catch (error) {
      if (error instanceof GraphQLError) return [error];
      throw error;
    }
    return args;
  }
}
