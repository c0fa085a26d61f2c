import {
  defaultFieldResolver,
  getNamedType,
  isAbstractType,
  isObjectType,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import type { Context } from '../request/context.js';
import { andThen, isPromise, type Maybe } from '../graphql/maybe.js';
import { fieldRules, isRestrictedType, objectRuleFor, objectRules } from './access-guards.js';
import { withinTokenScope } from '../api-tokens/token-scope.js';

type Resolver = GraphQLFieldResolver<unknown, Context>;
type Rule = (ctx: Context, value: object) => Maybe<boolean>;

/** Marks a resolver that enforces a rule: other transforms (plain-fields.ts) leave it in place. */
const GUARDED = Symbol('guarded by the access policy');

export function isGuarded(resolve: unknown): boolean {
  return typeof resolve === 'function' && GUARDED in resolve;
}

function marked(resolve: Resolver): Resolver {
  return Object.assign(resolve, { [GUARDED]: true });
}

/** Whether a field can return a restricted object: directly, in a list, or as one of an interface's types. */
export function returnsRestrictedType(schema: GraphQLSchema, field: GraphQLField<unknown, unknown>): boolean {
  const type = getNamedType(field.type);
  if (isAbstractType(type)) return schema.getPossibleTypes(type).some((possible) => isRestrictedType(possible.name));
  return isRestrictedType(type.name);
}

function keepVisible(ctx: Context, value: unknown, ruleOf: (value: object) => Rule | undefined): unknown {
  if (value == null) return value;
  if (!Array.isArray(value)) {
    const rule = ruleOf(value as object);
    return rule ? andThen(rule(ctx, value as object), (ok) => (ok ? value : null)) : value;
  }
  const checks = value.map((item) => keepVisible(ctx, item, ruleOf));
  const present = (kept: unknown[]) => kept.filter((item) => item != null);
  return checks.some(isPromise) ? Promise.all(checks).then(present) : present(checks);
}

/** The result passes its type's rule or becomes null (a list drops it); checks that need no query stay synchronous. */
function guardObjects(resolve: Resolver, ruleOf: (value: object) => Rule | undefined): Resolver {
  return (root, args, ctx, info) => andThen(resolve(root, args, ctx, info), (result) => keepVisible(ctx, result, ruleOf));
}

/** The field resolves only when its rule passes for the object it belongs to. */
function guardField(resolve: Resolver, rule: Rule): Resolver {
  return (root, args, ctx, info) => andThen(rule(ctx, root as object), (ok) => (ok ? resolve(root, args, ctx, info) : null));
}

function ruleOfField(schema: GraphQLSchema, field: GraphQLField<unknown, unknown>): ((value: object) => Rule | undefined) | undefined {
  if (!returnsRestrictedType(schema, field)) return undefined;
  const type = getNamedType(field.type);
  if (isAbstractType(type)) return objectRuleFor as (value: object) => Rule | undefined;
  const rule = objectRules[type.name as keyof typeof objectRules] as Rule;
  return () => rule;
}

function guardedResolver(schema: GraphQLSchema, type: GraphQLObjectType, field: GraphQLField<unknown, unknown>): Resolver | undefined {
  const objects = ruleOfField(schema, field);
  const fieldRule = fieldRules[`${type.name}.${field.name}`] as Rule | undefined;
  const isMutation = type === schema.getMutationType();
  if (!objects && !fieldRule && !isMutation) return undefined;
  // A field left without a resolver stays a plain property read, which graphql-jit compiles inline.
  let resolve = (field.resolve ?? defaultFieldResolver) as Resolver;
  if (objects) resolve = guardObjects(resolve, objects);
  if (fieldRule) resolve = guardField(resolve, fieldRule);
  // Outermost, so a mutation the token's scope refuses never runs.
  if (isMutation) resolve = withinTokenScope(resolve);
  return marked(resolve);
}

/**
 * Attaches the access policy to the built schema by type, in one pass: every field that can return a
 * restricted object (schema/access-guards.ts), every restricted field, and the token scope of every
 * mutation. The guarded resolvers are marked, so running the other schema transforms before or
 * after this one gives the same schema (field-guards.test.ts checks both orders). Applying it twice
 * changes nothing.
 */
export function applyFieldGuards(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (isGuarded(field.resolve)) continue;
      const resolve = guardedResolver(schema, type, field);
      if (resolve) field.resolve = resolve as GraphQLFieldResolver<unknown, unknown>;
    }
  }
  return schema;
}
