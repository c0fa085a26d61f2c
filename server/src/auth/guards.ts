import { GraphQLError } from 'graphql';
import type { Role } from '@slp/shared';
import type { Context } from '../request/context.js';
import type { Partner } from '../partners/partner.entity.js';
import { DomainError } from '../domain-error.js';
import { requirePartner, requireRole, type Viewer } from './viewer.js';

/** Queries have no payload: a domain refusal becomes a GraphQL error carrying its code. */
function asGraphQLError(error: unknown): unknown {
  if (!(error instanceof DomainError)) return error;
  return new GraphQLError(error.message, { extensions: { code: error.problems[0].code } });
}

/** For queries, where there is no payload: a domain refusal becomes a GraphQL error with its code. */
export function refusalAsGraphQLError<T>(check: () => T): T {
  try {
    return check();
  } catch (error) {
    throw asGraphQLError(error);
  }
}

/** The same for a query's asynchronous service call (not found, forbidden…). */
export async function queryOrThrow<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw asGraphQLError(error);
  }
}

export function requireRoleOrThrow(ctx: Context, role: Role): Viewer {
  return refusalAsGraphQLError(() => requireRole(ctx.viewer, role));
}

export function requirePartnerOrThrow(ctx: Context): Viewer & { partner: Partner } {
  return refusalAsGraphQLError(() => requirePartner(ctx.viewer));
}
