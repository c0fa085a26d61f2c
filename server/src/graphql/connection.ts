import { GraphQLError } from 'graphql';
import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EntityName, FilterQuery, FindOptions } from '@mikro-orm/core';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

@ObjectType({ description: 'Relay page information.' })
export class PageInfo {
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => Boolean) hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true }) startCursor!: string | null;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Page size, 0 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge of the previous page.' })
  after?: string | null;
}

export interface ConnectionResult<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Declares `<Name>Edge` and `<Name>Connection` for a node type. */
export function connectionOf<T extends object>(name: string, node: ClassType<T>) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => String) cursor!: string;
    @Field(() => node) node!: T;
  }
  @ObjectType(`${name}Connection`, { description: `A page of ${name} objects.` })
  class Connection {
    @Field(() => [Edge]) edges!: Edge[];
    @Field(() => PageInfo) pageInfo!: PageInfo;
    @Field(() => Int, { description: 'How many there are in all, across pages.' }) totalCount!: number;
  }
  return Connection;
}

const encodeCursor = (id: number) => Buffer.from(`cursor:${id}`).toString('base64url');

function decodeCursor(cursor: string): number {
  const match = /^cursor:(\d{1,10})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw new GraphQLError('Invalid cursor', { extensions: { code: 'BAD_USER_INPUT' } });
  return Number(match[1]);
}

export function pageSize(first: number | null | undefined): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) {
    throw new GraphQLError(`first must be between 0 and ${MAX_PAGE_SIZE}`, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return size;
}

function toConnection<T extends { id: number }>(rows: T[], size: number, after: unknown, totalCount: number): ConnectionResult<T> {
  const page = rows.slice(0, size);
  const edges = page.map((node) => ({ cursor: encodeCursor(node.id), node }));
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

/**
 * Keyset pagination by id (ids grow with time): newest first unless `oldestFirst`; a stable order
 * that stays fast on deep pages.
 */
export async function paginate<T extends { id: number } & object>(
  em: EntityManager, entity: EntityName<T>, filter: PageFilter<T>, args: PageArgs,
  options: Pick<FindOptions<T, any>, 'populate'> & { oldestFirst?: boolean } = {},
): Promise<ConnectionResult<T>> {
  const { oldestFirst, ...findOptions } = options;
  const where = () => (typeof filter === 'function' ? filter() : filter);
  const size = pageSize(args.first);
  const afterId = args.after ? decodeCursor(args.after) : null;
  const pageWhere = (afterId == null ? where() : { $and: [where(), { id: { [oldestFirst ? '$gt' : '$lt']: afterId } }] }) as FilterQuery<T>;
  const [rows, totalCount] = await Promise.all([
    size === 0 ? [] : em.find(entity, pageWhere, {
      ...findOptions, orderBy: { id: oldestFirst ? 'asc' : 'desc' } as never, limit: size + 1,
    } as never),
    em.count(entity, where()),
  ]);
  return toConnection(rows as T[], size, args.after, totalCount);
}

/** The same page shape over a list already in memory, oldest first (a handful of leads per inquiry). */
export function paginateList<T extends { id: number }>(items: T[], args: PageArgs): ConnectionResult<T> {
  const size = pageSize(args.first);
  const afterId = args.after ? decodeCursor(args.after) : null;
  const rest = afterId == null ? items : items.filter((item) => item.id > afterId);
  return toConnection(rest.slice(0, size + 1), size, args.after, items.length);
}
