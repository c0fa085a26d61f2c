import type { EntityManager } from '@mikro-orm/postgresql';
import type { EntityMetadata, EntityName } from '@mikro-orm/core';
import { leanColumns, leanMapper, type Read } from './lean-read.js';
import { pgArray } from './pg-array.js';
import { executePrepared } from './prepared-statements.js';

type Row = Record<string, unknown>;

interface Ask {
  meta: EntityMetadata;
  column: string;
  values: readonly (number | string)[];
  resolve: (rows: Row[]) => void;
  reject: (error: unknown) => void;
}

// Text keeps what JSON would round: decimals and bigints arrive as the driver gives them, strings.
const exactAsText = /^(numeric|decimal|bigint|int8)/i;

/**
 * A row of the table as one JSON value keyed by column name: what leanMapper reads from a plain row.
 * json, not jsonb: PostgreSQL builds it as text without converting it, and the driver parses both alike.
 */
function rowAsJson(meta: EntityMetadata): string {
  const columns = leanColumns(meta);
  // A PostgreSQL function takes at most 100 arguments.
  if (columns.length > 50) throw new Error(`${meta.className} has more than 50 columns for json_build_object`);
  const pairs = columns.map(({ column, type }) => `'${column}', x."${column}"${exactAsText.test(type) ? '::text' : ''}`);
  return `json_build_object(${pairs.join(', ')})`;
}

const jsonSelects = new WeakMap<EntityMetadata, string>();

function jsonSelectOf(meta: EntityMetadata): string {
  let select = jsonSelects.get(meta);
  if (!select) jsonSelects.set(meta, (select = rowAsJson(meta)));
  return select;
}

/**
 * A request's reads by key (DataLoader batches: inquiries by id, events by lead…) go out as ONE
 * statement per turn of the event loop, whatever the tables: each loader batching alone still cost
 * a statement per table, and on a page of leads the round trips were most of the SQL work. Each
 * table's rows come back as JSON, ordered by id, and are mapped as lean-read.ts maps a plain row.
 */
export class BatchedReads {
  private asks: Ask[] = [];

  constructor(private readonly em: EntityManager) {}

  /** The rows whose property (a column or to-one relation) is one of `values`, ordered by id. */
  whereIn<T extends object>(entity: EntityName<T>, property: string, values: readonly (number | string)[]): Promise<Read<T>[]> {
    if (!values.length) return Promise.resolve([]);
    const meta = this.em.getMetadata().get(entity as string);
    const column = meta.properties[property as never].fieldNames[0];
    return new Promise<Row[]>((resolve, reject) => {
      // Loaders dispatch in process.nextTick; this tick comes after every one queued with this one.
      if (!this.asks.length) process.nextTick(() => void this.dispatch());
      this.asks.push({ meta, column, values, resolve, reject });
    }).then((rows) => rows.map(leanMapper(this.em, entity)));
  }

  private async dispatch(): Promise<void> {
    const asks = this.asks;
    this.asks = [];
    const groups = groupByColumn(asks);
    try {
      const rows = await executePrepared<{ q: number; v: string; r: Row }>(
        this.em,
        unionOf(groups),
        groups.map((group) => pgArray(group.values)),
      );
      for (const ask of asks) {
        const wanted = new Set(ask.values.map(String));
        const q = groups.findIndex((group) => group.asks.includes(ask));
        ask.resolve(rows.filter((row) => row.q === q && wanted.has(row.v)).map((row) => row.r));
      }
    } catch (error) {
      for (const ask of asks) ask.reject(error);
    }
  }
}

interface Group {
  meta: EntityMetadata;
  column: string;
  values: (number | string)[];
  asks: Ask[];
}

function groupByColumn(asks: Ask[]): Group[] {
  const groups = new Map<string, Group>();
  for (const ask of asks) {
    const key = `${ask.meta.tableName}.${ask.column}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { meta: ask.meta, column: ask.column, values: [], asks: [] }));
    group.asks.push(ask);
    group.values.push(...ask.values);
  }
  return [...groups.values()].map((group) => ({ ...group, values: [...new Set(group.values)] }));
}

function unionOf(groups: Group[]): string {
  const selects = groups.map(
    ({ meta, column }, q) =>
      `select ${q} as q, x."${column}"::text as v, x.id, ${jsonSelectOf(meta)} as r from "${meta.tableName}" x` +
      // One array parameter (its type the column's): the same text whatever the count of values.
      ` where x."${column}" = any(?)`,
  );
  return `${selects.join(' union all ')} order by 1, 3`;
}

/** The rows whose property is one of `values`, ordered by id, as a statement of their own. */
export function findLeanWhereIn<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  property: string,
  values: readonly (number | string)[],
): Promise<Read<T>[]> {
  return new BatchedReads(em).whereIn(entity, property, values);
}

/** findLeanWhereIn by id, as a map from id to row; ids that match no row are absent. */
export async function findLeanByIds<T extends { id: number }>(
  em: EntityManager,
  entity: EntityName<T>,
  ids: readonly number[],
): Promise<Map<number, Read<T>>> {
  const rows = await findLeanWhereIn(em, entity, 'id', [...new Set(ids)]);
  return new Map(rows.map((row) => [row.id, row]));
}
