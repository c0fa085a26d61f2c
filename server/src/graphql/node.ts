import type { Opt } from '@mikro-orm/core';
import { Field, ID, InterfaceType } from 'type-graphql';

/** Global object IDs: opaque to clients, they name the type and the row. */
export function toGlobalId(type: string, id: number): string {
  return Buffer.from(`${type}:${id}`).toString('base64url');
}

export function fromGlobalId(globalId: string): { type: string; id: number } | null {
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const match = /^([A-Za-z]+):(\d{1,10})$/.exec(decoded);
  if (!match) return null;
  const id = Number(match[2]);
  return Number.isSafeInteger(id) && id <= 2 ** 31 - 1 ? { type: match[1], id } : null;
}

/** The ID of a node of an expected type, or null when the ID is malformed or names another type. */
export function idOfType(globalId: string, type: string): number | null {
  const parsed = fromGlobalId(globalId);
  return parsed && parsed.type === type ? parsed.id : null;
}

/**
 * A global ID decoded at the GraphQL edge, so services take row ids. A malformed ID, or one naming
 * another type, becomes 0, which names no row: the service reports it as missing after its own checks
 * (log in first, only a partner may…), exactly as for an ID whose row is gone.
 */
export function rowIdOf(globalId: string, type: string): number {
  return idOfType(globalId, type) ?? 0;
}

@InterfaceType('Node', { description: 'An object with a global, opaque ID; node(id:) fetches any of them.' })
export abstract class Node {
  abstract id: number;

  @Field(() => ID, { name: 'id', description: 'Global, opaque object ID.' })
  get nodeId(): string & Opt {
    return toGlobalId(this.constructor.name, this.id) as string & Opt;
  }
}
