import type { EntityManager } from '@mikro-orm/postgresql';
import type { EntityMetadata } from '@mikro-orm/core';
import { isColumn, isOwningToOne } from './lean-read.js';

/**
 * The column list, `values (…)` placeholders and parameters that insert one new entity object with
 * plain SQL: every column property it has a value for (a to-one relation by its id). Construct the
 * object with `new`, so the entity's own defaults (status, timestamps) are what gets stored; columns
 * it leaves unset (the id, the version) take the table's defaults. For hot write paths where the
 * unit of work costs more than the statement (see db/lean-read.ts for mapping the returned row).
 */
export function insertValues(em: EntityManager, entity: object): { columns: string; values: string; params: unknown[] } {
  const meta: EntityMetadata = em.getMetadata().get(entity.constructor.name);
  const platform = em.getPlatform();
  const columns: string[] = [];
  const params: unknown[] = [];
  for (const prop of meta.props.filter(isColumn)) {
    const value = (entity as Record<string, unknown>)[prop.name];
    if (value === undefined) continue;
    columns.push(platform.quoteIdentifier(prop.fieldNames[0]));
    params.push(isOwningToOne(prop) && value !== null ? (value as { id: unknown }).id : value);
  }
  return { columns: columns.join(', '), values: `values (${columns.map(() => '?').join(', ')})`, params };
}
