import { isObjectType, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { isGuarded } from './field-guards.js';

type Storage = ReturnType<typeof getMetadataStorage>;
type ObjectTypeMetadata = Storage['objectTypes'][number];
type FieldMetadata = NonNullable<ObjectTypeMetadata['fields']>[number];

function isPlain(storage: Storage, objectType: ObjectTypeMetadata, field: FieldMetadata): boolean {
  if (field.name !== field.schemaName || field.middlewares?.length || field.roles) return false;
  return !storage.fieldResolvers.some(
    (resolver) => resolver.schemaName === field.schemaName && resolver.getObjectType?.() === objectType.target,
  );
}

/**
 * type-graphql gives every plain field (a property of the same name, no middleware, no @Authorized)
 * a resolver that runs an empty middleware chain and reads the property. graphql-jit inlines a read
 * of a field without a resolver, but calls a resolver through a closure, a path and a resolve-info
 * object per value: on a page of leads, most of what a request allocated. Such fields go back to
 * graphql's own property read; fields with a resolver method, a middleware or another property
 * name keep type-graphql's, and fields the access policy guards keep their guard.
 */
export function readPlainFieldsDirectly(schema: GraphQLSchema): GraphQLSchema {
  const storage = getMetadataStorage();
  for (const objectType of storage.objectTypes) {
    const type = schema.getType(objectType.name);
    if (!isObjectType(type)) continue;
    const fields = type.getFields();
    for (const field of objectType.fields ?? []) {
      const schemaField = fields[field.schemaName];
      // A guarded field keeps its guard, whichever transform runs first.
      if (schemaField && !isGuarded(schemaField.resolve) && isPlain(storage, objectType, field)) schemaField.resolve = undefined;
    }
  }
  return schema;
}
