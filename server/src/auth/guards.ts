import { GraphQLError } from 'graphql';
import type { Role } from '@slp/shared';
import type { Context } from '../graphql/context.js';
import { DomainError } from '../domain-error.js';
import { requireRole, type Viewer } from './viewer.js';

/** For queries, where there is no payload: a role refusal becomes a GraphQL error with its code. */
export function requireRoleOrThrow(ctx: Context, role: Role): Viewer {
  try {
    return requireRole(ctx.viewer, role);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    throw new GraphQLError(error.message, { extensions: { code: error.problems[0].code } });
  }
}
