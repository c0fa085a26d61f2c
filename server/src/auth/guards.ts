import { GraphQLError } from 'graphql';
import type { Role } from '@slp/shared';
import type { Context } from '../graphql/context.js';
import type { Partner } from '../partners/partner.entity.js';
import { DomainError } from '../domain-error.js';
import { requirePartner, requireRole, type Viewer } from './viewer.js';

/** For queries, where there is no payload: a domain refusal becomes a GraphQL error with its code. */
export function refusalAsGraphQLError<T>(check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    throw new GraphQLError(error.message, { extensions: { code: error.problems[0].code } });
  }
}

export function requireRoleOrThrow(ctx: Context, role: Role): Viewer {
  return refusalAsGraphQLError(() => requireRole(ctx.viewer, role));
}

export function requirePartnerOrThrow(ctx: Context): Viewer & { partner: Partner } {
  return refusalAsGraphQLError(() => requirePartner(ctx.viewer));
}
