import { getNamedType, type GraphQLOutputType } from 'graphql';
import { createMethodMiddlewareDecorator, type MiddlewareFn } from 'type-graphql';
import type { Context } from '../graphql/context.js';
import { Inquiry } from '../inquiries/inquiry.entity.js';
import { Lead } from '../leads/lead.entity.js';
import { SellerAuthorization } from '../authorizations/seller-authorization.entity.js';
import { User } from './user.entity.js';
import { canSeeAuthorization, canSeeInquiry, canSeeLead, canSeeUser } from './access-policy.js';

/** Object-level rule per protected type: an object the viewer may not see resolves to null. */
async function visible(ctx: Context, value: unknown): Promise<boolean> {
  if (value instanceof Inquiry) return canSeeInquiry(ctx, value);
  if (value instanceof Lead) return canSeeLead(ctx, value);
  if (value instanceof SellerAuthorization) return canSeeAuthorization(ctx, value);
  if (value instanceof User) return canSeeUser(ctx, value);
  return true;
}

const guardedTypes = new Set(['Inquiry', 'Lead', 'SellerAuthorization', 'User', 'Node']);

export function returnsGuardedType(type: GraphQLOutputType): boolean {
  return guardedTypes.has(getNamedType(type).name);
}

/**
 * Applied to every field of the schema: whatever path leads to an inquiry, a lead or an
 * authorization, the object passes the access policy or becomes null (lists drop it).
 */
export const objectVisibility: MiddlewareFn<Context> = async ({ context, info }, next) => {
  const result = await next();
  if (result == null || !returnsGuardedType(info.returnType)) return result;
  if (Array.isArray(result)) {
    const keep = await Promise.all(result.map((item) => visible(context, item)));
    return result.filter((_, index) => keep[index]);
  }
  return (await visible(context, result)) ? result : null;
};

/** Field-level rule: the field resolves to null unless the rule allows this viewer. */
export function VisibleWhen<T>(rule: (ctx: Context, root: T) => boolean | Promise<boolean>): MethodDecorator {
  return createMethodMiddlewareDecorator<Context>(async ({ context, root }, next) =>
    (await rule(context, root as T)) ? next() : null);
}
