import { GraphQLError } from 'graphql';
import type { EntityManager, QueryBuilder } from '@mikro-orm/postgresql';
import { raw, type EntityName, type FilterQuery } from '@mikro-orm/core';
import { leanMapper, type Read } from './lean-read.js';
import { SqlConditions, type Sql } from './sql.js';
import { executePrepared } from './prepared-statements.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type ConnectionResult, type PageArgs, type TwoWayPageArgs } from '../graphql/connection.js';

/**
 * Pages of rows as Relay connections: keyset pages by id or by any key, each page and its total in one
 * statement. Services read their lists through these; resolvers never see the SQL.
 */

const encodeCursor = (id: number) => Buffer.from(`cursor:${id}`).toString('base64url');

function decodedCursor(cursor: string, pattern: RegExp): RegExpExecArray {
  const match = pattern.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw new GraphQLError('Invalid cursor', { extensions: { code: 'BAD_USER_INPUT' } });
  return match;
}

function decodeCursor(cursor: string): number {
  return Number(decodedCursor(cursor, /^cursor:(\d{1,10})$/)[1]);
}

export function pageSize(first: number | null | undefined): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) {
    throw new GraphQLError(`first must be between 0 and ${MAX_PAGE_SIZE}`, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return size;
}

function toConnection<T extends { id: number }>(
  rows: T[],
  size: number,
  after: unknown,
  totalCount: number,
  cursorOf: (node: T) => string = (node) => encodeCursor(node.id),
): ConnectionResult<T> {
  const page = rows.slice(0, size);
  const edges = page.map((node) => ({ cursor: cursorOf(node), node }));
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: rows.length > size,
      hasPreviousPage: after != null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/**
 * A filter, or a function making a fresh one per use: raw SQL fragments in a filter are single-use,
 * and a page runs its filter twice (rows and total count).
 */
export type PageFilter<T> = FilterQuery<T> | (() => FilterQuery<T>);

type Row = Record<string, unknown>;

/**
 * The page (its rows, one more than asked to tell whether another follows) and its total in ONE
 * statement: the rows joined to the count, one row of nulls standing for an empty page. `total`
 * selects a column `total`; `rows` is null when `first: 0` asks for the total alone.
 */
async function pageWithTotal<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  total: Sql,
  rows: Sql | null,
): Promise<[Read<T>[], number, Row[]]> {
  const page = rows ?? { sql: 'select null as id limit 0', params: [] };
  const result = await executePrepared<Row>(
    em,
    `select p.*, c.total as "page:total" from (${total.sql}) c left join lateral (${page.sql}) p on true`,
    [...total.params, ...page.params],
  );
  const found = result.filter((row) => row.id != null);
  return [found.map(leanMapper(em, entity)), Number(result[0]['page:total']), found];
}

function sqlOf(query: QueryBuilder<object>): Sql {
  const { sql, bindings } = query.getKnexQuery().toSQL();
  return { sql, params: [...bindings] };
}

async function keysetPage<T extends { id: number } & object>(
  em: EntityManager,
  entity: EntityName<T>,
  filter: PageFilter<T>,
  pageWhere: FilterQuery<T> | null,
  orderBy: Record<string, 'asc' | 'desc'>,
  size: number,
): Promise<[Read<T>[], number]> {
  const where = () => (typeof filter === 'function' ? filter() : filter);
  const rowsWhere = (pageWhere ? { $and: [where(), pageWhere] } : where()) as FilterQuery<T>;
  const total = em.createQueryBuilder(entity).select(raw('count(*) as total')).where(where());
  const rows = em
    .createQueryBuilder(entity)
    .select('*')
    .where(rowsWhere)
    .orderBy(orderBy as never)
    .limit(size + 1);
  const [nodes, count] = await pageWithTotal(em, entity, sqlOf(total as never), size === 0 ? null : sqlOf(rows as never));
  return [nodes, count];
}

/**
 * Keyset pagination by id (ids grow with time): newest first unless `oldestFirst`; a stable order
 * that stays fast on deep pages, forwards (first, after) or backwards (last, before).
 */
export async function paginate<T extends { id: number } & object>(
  em: EntityManager,
  entity: EntityName<T>,
  filter: PageFilter<T>,
  args: TwoWayPageArgs,
  { oldestFirst = false } = {},
): Promise<ConnectionResult<Read<T>>> {
  const way = pageWay(args);
  const cursorId = way.cursor ? decodeCursor(way.cursor) : null;
  // Backwards is the reverse order read forwards, then turned round.
  const ascending = oldestFirst !== way.backwards;
  const pageWhere = cursorId == null ? null : ({ id: { [ascending ? '$gt' : '$lt']: cursorId } } as unknown as FilterQuery<T>);
  const [rows, totalCount] = await keysetPage<T>(em, entity, filter, pageWhere, { id: ascending ? 'asc' : 'desc' }, way.size);
  return turned(way, toConnection<Read<T>>(rows, way.size, way.backwards ? null : way.cursor, totalCount), rows.length);
}

interface PageWay {
  backwards: boolean;
  size: number;
  cursor: string | null | undefined;
}

/** Which way a page is asked for; both at once is refused. */
function pageWay(args: TwoWayPageArgs): PageWay {
  const backwards = args.last != null || args.before != null;
  if (backwards && (args.first != null || args.after != null)) {
    throw new GraphQLError('Page forwards (first, after) or backwards (last, before), not both', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return { backwards, size: pageSize(backwards ? args.last : args.first), cursor: backwards ? args.before : args.after };
}

/** A page read backwards, put back in the list's order: what came before the cursor is the previous page. */
function turned<T>(way: PageWay, connection: ConnectionResult<T>, read: number): ConnectionResult<T> {
  if (!way.backwards) return connection;
  const edges = connection.edges.reverse();
  return {
    edges,
    totalCount: connection.totalCount,
    pageInfo: {
      hasNextPage: way.cursor != null,
      hasPreviousPage: read > way.size,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/** An order for keyset pages: a key expression on the table as `l`, its SQL type for the cursor, the id breaking ties. */
export interface PageOrder {
  key: string;
  keyType: string;
  direction: 'asc' | 'desc';
  name: string;
}

const encodeKeyCursor = (order: PageOrder, key: string, id: number) =>
  Buffer.from(JSON.stringify([order.name, key, id])).toString('base64url');

/** What a key of each SQL type looks like as text: a cursor holding anything else was not made here. */
const keyFormats: Record<string, RegExp> = {
  timestamptz: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/,
  numeric: /^-?\d{1,15}(\.\d{1,4})?$/,
  integer: /^-?\d{1,9}$/,
};

/** Newest first by creation time, the id breaking ties: for any table with `created_at`, served by an index ending in (created_at, id). */
export const NEWEST_FIRST: PageOrder = { key: 'l.created_at', keyType: 'timestamptz', direction: 'desc', name: 'CREATED_DESC' };

/** A key as cursor text, the same whatever the session's time zone (times in UTC, to the microsecond). */
function keyText(order: PageOrder): string {
  return order.keyType === 'timestamptz'
    ? `to_char(${order.key} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`
    : `(${order.key})::text`;
}

function decodeKeyCursor(cursor: string, order: PageOrder): { key: string; id: number } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  const [name, key, id] = Array.isArray(parsed) && parsed.length === 3 ? parsed : [];
  if (typeof key !== 'string' || !keyFormats[order.keyType]?.test(key) || !Number.isSafeInteger(id)) {
    throw new GraphQLError('Invalid cursor', { extensions: { code: 'BAD_USER_INPUT' } });
  }
  if (name !== order.name) {
    throw new GraphQLError('This cursor belongs to another order: start again from the first page', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return { key, id };
}

/**
 * Keyset pagination by any key, the id breaking ties: stable across pages even when rows share a
 * key, and served by an index ending in (key, id) at any depth (a row comparison starts the index
 * scan right after the cursor's row). `where` is a condition on the entity's table as `l`.
 */
export async function paginateByKey<T extends { id: number } & object>(
  em: EntityManager,
  entity: EntityName<T>,
  where: Sql,
  args: TwoWayPageArgs,
  order: PageOrder,
): Promise<ConnectionResult<Read<T>>> {
  const way = pageWay(args);
  const direction = way.backwards === (order.direction === 'desc') ? 'asc' : 'desc';
  const page = new SqlConditions().add(where.sql, ...where.params);
  if (way.cursor) {
    const { key, id } = decodeKeyCursor(way.cursor, order);
    page.add(`(${order.key}, l.id) ${direction === 'desc' ? '<' : '>'} (?::${order.keyType}, ?)`, key, id);
  }
  const table = em.getMetadata().get(entity as string).tableName;
  const rows = page.all();
  const total = { sql: `select count(*) as total from "${table}" l where ${where.sql}`, params: where.params };
  const ordered = {
    sql: `select l.*, ${keyText(order)} as "page:key" from "${table}" l where ${rows.sql}
      order by ${order.key} ${direction}, l.id ${direction} limit ?`,
    params: [...rows.params, way.size + 1],
  };
  const [nodes, totalCount, raw] = await pageWithTotal(em, entity, total, way.size === 0 ? null : ordered);
  const keys = new Map(raw.map((row) => [Number(row.id), String(row['page:key'])]));
  const cursorOf = (node: Read<T>) => encodeKeyCursor(order, keys.get(node.id)!, node.id);
  return turned(way, toConnection(nodes, way.size, way.backwards ? null : way.cursor, totalCount, cursorOf), nodes.length);
}

/** The same page shape over a list already in memory, oldest first (a handful of leads per inquiry). */
export function paginateList<T extends { id: number }>(items: T[], args: PageArgs): ConnectionResult<T> {
  const size = pageSize(args.first);
  const afterId = args.after ? decodeCursor(args.after) : null;
  const rest = afterId == null ? items : items.filter((item) => item.id > afterId);
  return toConnection(rest.slice(0, size + 1), size, args.after, items.length);
}
