import { isObjectType, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { returnsGuardedType } from '../auth/visibility.js';

type Storage = ReturnType<typeof getMetadataStorage>;

const related = (a: Function, b: Function) => a === b || a.prototype instanceof b || b.prototype instanceof a;

function hasFieldResolver(storage: Storage, target: Function, name: string): boolean {
  return storage.fieldResolvers.some((resolver) => {
    const owner = resolver.getObjectType?.();
    return resolver.methodName === name && (!owner || related(owner, target));
  });
}

/**
 * type-graphql runs the global middlewares around every field, which makes each scalar of a page a
 * chain of promises (a page of 50 leads has over a thousand). They act only on root mutations
 * (tokenScope) and on fields that return guarded objects (objectVisibility), so a plain property
 * field, with no resolver or middleware of its own and no guarded type, reads the property directly:
 * the same answer at a fraction of the cost.
 */
export function readPlainFieldsDirectly(schema: GraphQLSchema): GraphQLSchema {
  const storage = getMetadataStorage();
  for (const objectType of storage.objectTypes) {
    const type = schema.getType(objectType.name);
    if (!isObjectType(type)) continue;
    const fromInterfaces = (objectType.interfaceClasses ?? [])
      .flatMap((target) => storage.interfaceTypes.find((it) => it.target === target)?.fields ?? []);
    for (const field of [...fromInterfaces, ...(objectType.fields ?? [])]) {
      const built = type.getFields()[field.schemaName];
      if (!built || field.middlewares?.length || returnsGuardedType(built.type)) continue;
      if (hasFieldResolver(storage, objectType.target, field.name)) continue;
      built.resolve = (root: Record<string, unknown>) => root[field.name];
    }
  }
  return schema;
}
