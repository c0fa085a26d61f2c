import { defaultFieldResolver, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import type { Context } from './context.js';
import { onlyVisibleObjects, returnsGuardedType } from '../auth/visibility.js';
import { withinTokenScope } from '../api-tokens/token-scope.js';

/**
 * The two rules that hold for every field of the schema, applied to the built schema once: the
 * access policy to every field that returns a protected object, the token scope (outermost, so a
 * refused mutation never runs) to every mutation. As type-graphql global middlewares they ran
 * around every field of every object as a chain of promises, most of a page's execution time.
 */
export function applyFieldGuards(schema: GraphQLSchema): GraphQLSchema {
  const mutation = schema.getMutationType();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const guarded = returnsGuardedType(field.type);
      // A field left without a resolver stays a plain property read, which graphql-jit compiles inline.
      if (!guarded && type !== mutation) continue;
      let resolve = (field.resolve ?? defaultFieldResolver) as GraphQLFieldResolver<unknown, Context>;
      if (guarded) resolve = onlyVisibleObjects(resolve);
      if (type === mutation) resolve = withinTokenScope(resolve);
      field.resolve = resolve as GraphQLFieldResolver<unknown, unknown>;
    }
  }
  return schema;
}
