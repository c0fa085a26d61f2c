import { getNamedType, type GraphQLFieldResolver, type GraphQLOutputType } from 'graphql';
import { createMethodMiddlewareDecorator } from 'type-graphql';
import type { Context } from '../graphql/context.js';
import { andThen, isPromise, type Maybe } from '../graphql/maybe.js';
import { Inquiry } from '../inquiries/inquiry.entity.js';
import { Lead } from '../leads/lead.entity.js';
import { SellerAuthorization } from '../authorizations/seller-authorization.entity.js';
import { User } from './user.entity.js';
import { canSeeAuthorization, canSeeInquiry, canSeeLead, canSeeUser } from './access-policy.js';

/** Object-level rule per protected type: an object the viewer may not see resolves to null. */
function visible(ctx: Context, value: unknown): Maybe<boolean> {
  if (value instanceof Inquiry) return canSeeInquiry(ctx, value);
  if (value instanceof Lead) return canSeeLead(ctx, value);
  if (value instanceof SellerAuthorization) return canSeeAuthorization(ctx, value);
  if (value instanceof User) return canSeeUser(ctx, value);
  return true;
}

function onlyVisible(ctx: Context, result: unknown): unknown {
  if (result == null) return result;
  if (!Array.isArray(result)) return andThen(visible(ctx, result), (ok) => (ok ? result : null));
  const checks = result.map((item) => visible(ctx, item));
  const keep = (verdicts: boolean[]) => result.filter((_, index) => verdicts[index]);
  return checks.some(isPromise) ? Promise.all(checks).then(keep) : keep(checks as boolean[]);
}

const guardedTypes = new Set(['Inquiry', 'Lead', 'SellerAuthorization', 'User', 'Node']);

export function returnsGuardedType(type: GraphQLOutputType): boolean {
  return guardedTypes.has(getNamedType(type).name);
}

/**
 * Wraps a field that returns inquiries, leads, authorizations or users (graphql/field-guards.ts
 * applies it to every such field of the schema): whatever path leads to one, the object passes the
 * access policy or becomes null (lists drop it). A check that needs no query answers synchronously.
 */
export function onlyVisibleObjects(resolve: GraphQLFieldResolver<unknown, Context>): GraphQLFieldResolver<unknown, Context> {
  return (root, args, ctx, info) => andThen(resolve(root, args, ctx, info), (result) => onlyVisible(ctx, result));
}

/** Field-level rule: the field resolves to null unless the rule allows this viewer. */
export function VisibleWhen<T>(rule: (ctx: Context, root: T) => boolean | Promise<boolean>): MethodDecorator {
  return createMethodMiddlewareDecorator<Context>(async ({ context, root }, next) =>
    (await rule(context, root as T)) ? next() : null);
}
