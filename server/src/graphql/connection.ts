import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

@ObjectType({ description: 'Relay page information.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'Whether more items follow this page.' }) hasNextPage!: boolean;
  @Field(() => Boolean, { description: 'Whether this page was asked for after a cursor.' }) hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true, description: "The first edge's cursor; null on an empty page." }) startCursor!: string | null;
  @Field(() => String, { nullable: true, description: "The last edge's cursor: pass it as `after` for the next page." })
  endCursor!: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Page size, 0 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge of the previous page.' })
  after?: string | null;
}

/** Pages that can also be walked backwards: `last` before a cursor, or the last page with no cursor. */
@ArgsType()
export class TwoWayPageArgs extends PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `With \`before\` (or alone, for the last page): page size from the end, 0 to ${MAX_PAGE_SIZE}.`,
  })
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the first edge of the next page: the page before it.' })
  before?: string | null;
}

export interface ConnectionResult<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Declares `<Name>Edge` and `<Name>Connection` for a node type. */
export function connectionOf<T extends object>(name: string, node: ClassType<T>) {
  @ObjectType(`${name}Edge`, { description: `One ${name} on a page, with its place in the list.` })
  class Edge {
    @Field(() => String, { description: 'Opaque position of this item: pass it as `after` to continue after it.' }) cursor!: string;
    @Field(() => node, { description: 'The item itself.' }) node!: T;
  }
  @ObjectType(`${name}Connection`, { description: `A page of ${name} objects.` })
  class Connection {
    @Field(() => [Edge], { description: 'The items of this page, in order.' }) edges!: Edge[];
    @Field(() => PageInfo, { description: 'Whether there are more pages, and where they start.' }) pageInfo!: PageInfo;
    @Field(() => Int, { description: 'How many there are in all, across pages.' }) totalCount!: number;
  }
  return Connection;
}
