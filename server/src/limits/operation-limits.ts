import { GraphQLError, validate, visit, type DocumentNode, type GraphQLSchema, type ValidationContext } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../graphql/connection.js';
import type { ApiLimits } from './api-limits.js';
import { nulInLiterals } from './input-text.js';
import { limitError } from './limit-error.js';

/**
 * A connection's selection runs once per item of the requested page. A page over the maximum is
 * costed at the maximum: the connection itself refuses it with BAD_USER_INPUT.
 */
const connectionEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  if (!field.args.some((arg) => arg.name === 'first')) return undefined;
  const first = typeof args.first === 'number' && args.first >= 0 ? Math.min(args.first, MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
  return 1 + childComplexity * first;
};

/** Counting coerces the variables first: their errors are the caller's input errors. */
function countingError(error: unknown): GraphQLError {
  const message = error instanceof Error ? error.message : 'Query is too complex';
  // Too many nodes to even count (e.g. a fragment bomb) is the same refusal as too costly.
  return /maximum allowed number of nodes/.test(message) ? limitError('QUERY_TOO_COMPLEX', message) : limitError('BAD_USER_INPUT', message);
}

const estimators = [fieldExtensionsEstimator(), connectionEstimator, simpleEstimator({ defaultComplexity: 1 })];

/** Mutations that hash or verify a password (argon2, by design slow): aliasing them would multiply guesses and CPU. */
const PASSWORD_FIELDS = new Set(['logIn', 'signUpSeller', 'signUpPartner']);

function passwordFieldRefusal(document: DocumentNode): GraphQLError | null {
  let count = 0;
  visit(document, {
    Field(node) {
      if (PASSWORD_FIELDS.has(node.name.value)) count += 1;
    },
  });
  return count > 1
    ? limitError('BAD_REQUEST', 'A request may log in or sign up once: send one logIn, signUpSeller or signUpPartner per request')
    : null;
}

/** Runs graphql-armor's rule and turns its rejection into our error code (Apollo would relabel a validation error). */
function shapeRefusal(schema: GraphQLSchema, document: DocumentNode, limits: ApiLimits): GraphQLError | null {
  const refusals: GraphQLError[] = [];
  const onReject = (code: string) => [
    (_context: ValidationContext | null, error: GraphQLError) => {
      refusals.push(limitError(code, error.message.replace(/^Syntax Error: /, '')));
    },
  ];
  validate(schema, document, [
    maxDepthRule({ n: limits.maxDepth, propagateOnRejection: false, onReject: onReject('QUERY_TOO_DEEP') }),
    maxAliasesRule({ n: limits.maxAliases, propagateOnRejection: false, onReject: onReject('TOO_MANY_ALIASES') }),
  ]);
  return refusals[0] ?? passwordFieldRefusal(document) ?? nulInLiterals(document);
}

/**
 * Apollo hands every request with the same text the same parsed document, so a document's shape is
 * checked once, and its cost once per set of variables (a page's cost depends on `first`): walking
 * a large document on every request was ~7% of a page's CPU.
 */
interface Checked {
  shape: GraphQLError | null;
  costs: Map<string, number>;
}
const checkedDocuments = new WeakMap<DocumentNode, Map<ApiLimits, Checked>>();
const COSTS_PER_DOCUMENT = 100;

function checkedFor(schema: GraphQLSchema, document: DocumentNode, limits: ApiLimits): Checked {
  const byLimits = checkedDocuments.get(document) ?? new Map<ApiLimits, Checked>();
  checkedDocuments.set(document, byLimits);
  let checked = byLimits.get(limits);
  if (!checked) byLimits.set(limits, (checked = { shape: shapeRefusal(schema, document, limits), costs: new Map() }));
  return checked;
}

function costOf(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | undefined,
  costs: Map<string, number>,
): number {
  const key = `${operationName ?? ''}:${JSON.stringify(variables ?? {})}`;
  const known = costs.get(key);
  if (known !== undefined) return known;
  let cost: number;
  try {
    cost = getComplexity({ schema, query: document, operationName: operationName ?? undefined, variables, estimators });
  } catch (error) {
    throw countingError(error);
  }
  if (costs.size >= COSTS_PER_DOCUMENT) costs.delete(costs.keys().next().value!);
  costs.set(key, cost);
  return cost;
}

/**
 * Checks a valid operation against the depth, alias and cost limits and returns its cost. Shared by
 * the HTTP endpoint and the WebSocket server, so both transports hold the same line.
 */
export function checkOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | undefined,
  limits: ApiLimits,
): number {
  const checked = checkedFor(schema, document, limits);
  if (checked.shape) throw checked.shape;
  const cost = costOf(schema, document, operationName, variables, checked.costs);
  if (cost > limits.maxCost) {
    throw limitError('QUERY_TOO_COMPLEX', `Query cost ${cost} is over the limit of ${limits.maxCost}`);
  }
  return cost;
}
