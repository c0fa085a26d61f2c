import { isObjectType, type GraphQLField, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { isGuarded } from './field-guards.js';

type Storage = ReturnType<typeof getMetadataStorage>;
type FieldResolverMetadata = Storage['fieldResolvers'][number];
type ParamMetadata = NonNullable<FieldResolverMetadata['params']>[number];
type Target = FieldResolverMetadata['target'];
type Method = (...params: unknown[]) => unknown;
type Resolve = GraphQLFieldResolver<unknown, unknown>;

/** Where a parameter comes from among graphql's (root, context, info); undefined for any other kind. */
function sourceOf(param: ParamMetadata): 0 | 1 | 2 | undefined {
  if (param.kind === 'root' && !param.propertyName && !param.getType) return 0;
  if (param.kind === 'context' && !param.propertyName) return 1;
  if (param.kind === 'info') return 2;
  return undefined;
}

/** The parameters' sources in order, when every one is the root, the context or the info. */
function directSources(resolver: FieldResolverMetadata): (0 | 1 | 2)[] | undefined {
  const sources = [...(resolver.params ?? [])].sort((a, b) => a.index - b.index).map(sourceOf);
  return sources.every((source) => source !== undefined) ? (sources as (0 | 1 | 2)[]) : undefined;
}

/** A method of a @Resolver class, called with what it takes. */
function methodCall(instance: object, method: Method, sources: (0 | 1 | 2)[]): Resolve {
  return (root, _args, context, info) => {
    const given = [root, context, info];
    return method.apply(
      instance,
      sources.map((source) => given[source]),
    );
  };
}

/**
 * A getter of the object's own class (`id` of every node): read on the row itself when it is of the
 * class, as lean reads are; anything else still goes through type-graphql, which converts it first.
 */
function getterRead(target: Target, name: string, original: Resolve): Resolve {
  return (root, args, context, info) =>
    root instanceof (target as abstract new () => object) ? (root as Record<string, unknown>)[name] : original(root, args, context, info);
}

/** The schema's fields that type-graphql gave this resolver: of its object type, or for a class's own getter, of its subclasses too. */
function fieldsOf(schema: GraphQLSchema, storage: Storage, resolver: FieldResolverMetadata): GraphQLField<unknown, unknown>[] {
  const owner = resolver.getObjectType?.() as Target | undefined;
  const served = (target: Target) =>
    target === owner ||
    (resolver.kind === 'internal' && owner !== undefined && target.prototype instanceof (owner as abstract new () => object));
  return storage.objectTypes.flatMap((objectType) => {
    const type = served(objectType.target) ? schema.getType(objectType.name) : undefined;
    const field = isObjectType(type) ? type.getFields()[resolver.schemaName] : undefined;
    return field?.resolve && !isGuarded(field.resolve) ? [field] : [];
  });
}

function directResolve(resolver: FieldResolverMetadata, instances: Map<Target, object>, original: Resolve): Resolve | undefined {
  if (resolver.middlewares?.length || resolver.roles?.length) return undefined;
  if (resolver.kind === 'internal') {
    const getter = Object.getOwnPropertyDescriptor(resolver.target.prototype, resolver.methodName)?.get;
    return getter && !resolver.params?.length ? getterRead(resolver.target, resolver.methodName, original) : undefined;
  }
  const sources = directSources(resolver);
  if (!sources) return undefined;
  if (!instances.has(resolver.target)) instances.set(resolver.target, new (resolver.target as new () => object)());
  const instance = instances.get(resolver.target)!;
  return methodCall(instance, (instance as Record<string, Method>)[resolver.methodName], sources);
}

/**
 * type-graphql calls each field resolver through a handler that, per value, builds a resolver data
 * object, sorts and maps the parameter list, and runs an (empty) middleware chain: on a page of 50
 * leads, a tenth of what a request allocated went to the sort alone. A resolver method that takes only
 * the root, the context or the info, and a getter such as every node's `id`, with no middleware and no
 * @Authorized, is called directly instead; one with arguments (which type-graphql converts and
 * validates) keeps type-graphql's handler. Run before the access guards, which then wrap the direct
 * call; a field already guarded is left as it is.
 */
export function callFieldResolversDirectly(schema: GraphQLSchema): GraphQLSchema {
  const storage = getMetadataStorage();
  const instances = new Map<Target, object>();
  for (const resolver of storage.fieldResolvers) {
    for (const field of fieldsOf(schema, storage, resolver)) {
      field.resolve = directResolve(resolver, instances, field.resolve!) ?? field.resolve;
    }
  }
  return schema;
}
