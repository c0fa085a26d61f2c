import type { EntityManager } from '@mikro-orm/postgresql';
import { ReferenceKind, type Collection, type EntityMetadata, type EntityName, type Platform } from '@mikro-orm/core';

type Row = Record<string, unknown>;

/** A to-one relation as a read carries it: the other row's id, nothing else of it. */
export interface Ref {
  readonly id: number;
}

type ReadValue<V> = V extends Date ? V : V extends { id: number } ? Ref : V;

/**
 * What a read path returns: the entity's columns, read-only, each to-one relation as a `Ref`, no
 * collections or methods. A type of its own, so code that changes or persists rows (which takes the
 * entity) cannot be handed one; a managed entity still fits wherever a read is expected.
 */
export type Read<T> = Ref & {
  readonly [K in keyof T as T[K] extends Collection<object> | ((...args: never[]) => unknown) ? never : K]: ReadValue<T[K]>;
};

/**
 * Read paths (pages, loaders) build entity objects straight from rows instead of through the ORM:
 * hydration, the identity map and change tracking cost ~50 µs per entity, most of a page of leads'
 * CPU, and a read never writes back. The objects are instances of the entity class (so the Node ID,
 * `instanceof` in the access rules and getters work) with every column property set; a to-one
 * relation is `{ id }`, collections are absent: typed `Read<T>`, not the entity, so a write cannot take
 * one. Load through the EntityManager (or `em.getReference`) to write.
 */
type Prop = EntityMetadata['props'][number];

/** A relation stored as a column of this table (many-to-one, or the owning side of one-to-one). */
export function isOwningToOne(prop: Prop): boolean {
  return prop.kind === ReferenceKind.MANY_TO_ONE || (prop.kind === ReferenceKind.ONE_TO_ONE && !!prop.owner);
}

/** A property stored as a column of the entity's table: a scalar, or a to-one relation by its id. */
export function isColumn(prop: Prop): boolean {
  if (!prop.fieldNames?.[0] || prop.persist === false) return false;
  return isOwningToOne(prop) || prop.kind === ReferenceKind.SCALAR;
}

/** A column a lean object carries. Lazy ones (a password hash) stay out, as the ORM leaves them out unless asked for. */
function isLeanColumn(prop: Prop): boolean {
  return isColumn(prop) && !prop.lazy;
}

/** The columns a lean object is built from, with their SQL types. */
export function leanColumns(meta: EntityMetadata): { column: string; type: string }[] {
  return meta.props.filter(isLeanColumn).map((prop) => ({ column: prop.fieldNames[0], type: prop.columnTypes?.[0] ?? '' }));
}

/** A JavaScript expression reading the property from `row`, as the ORM's hydration would give it. */
function readerOf(prop: Prop, customTypes: Prop['customType'][]): string {
  const value = `row[${JSON.stringify(prop.fieldNames[0])}]`;
  if (isOwningToOne(prop)) return `(${value} == null ? null : { id: ${value} })`;
  // The driver hands timestamps over as text; the ORM's hydrator makes them Dates the same way.
  if (prop.runtimeType === 'Date') return `toDate(${value})`;
  if (!prop.customType) return value;
  customTypes.push(prop.customType);
  return `(${value} == null ? ${value} : types[${customTypes.length - 1}].convertToJSValue(${value}, platform))`;
}

const toDate = (value: unknown) => (value == null || value instanceof Date ? value : new Date(value as string));

/**
 * The mapper is generated once per entity as one object literal: built property by property through
 * computed names, every store was a megamorphic lookup, the largest cost of reading rows.
 */
function compileMapper(meta: EntityMetadata, platform: Platform): (row: Row) => unknown {
  const types: Prop['customType'][] = [];
  const fields = meta.props.filter(isLeanColumn).map((prop) => `${JSON.stringify(prop.name)}: ${readerOf(prop, types)}`);
  // Own data properties, then the prototype: the ORM's accessors on it (change propagation) never run.
  const body = `return (row) => Object.setPrototypeOf({ ${fields.join(', ')} }, prototype);`;
  return new Function('prototype', 'toDate', 'types', 'platform', body)(meta.prototype, toDate, types, platform);
}

const mappers = new WeakMap<EntityMetadata, (row: Row) => unknown>();

/** A function turning one raw row of the entity's table into a read-only entity object. */
export function leanMapper<T extends object>(em: EntityManager, entity: EntityName<T>): (row: Row) => Read<T> {
  const meta = em.getMetadata().get(entity as string);
  let mapper = mappers.get(meta);
  if (!mapper) mappers.set(meta, (mapper = compileMapper(meta, em.getPlatform())));
  return mapper as (row: Row) => Read<T>;
}
