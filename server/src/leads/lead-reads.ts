import type { EntityManager } from '@mikro-orm/postgresql';
import { paginateByKey, type PageOrder } from '../db/keyset-pages.js';
import type { Read } from '../db/lean-read.js';
import type { Sql } from '../db/sql.js';
import type { ConnectionResult, TwoWayPageArgs } from '../graphql/connection.js';
import type { LeadEvent } from './lead-event.entity.js';
import { Lead } from './lead.entity.js';

/**
 * What the leads module reads: read-only rows built by the one lean reader (db/lean-read.ts), a
 * type of their own so no write path takes one. Changing a lead goes through lockLead and the state
 * machine, which hold the managed entity.
 */
export type LeadRead = Read<Lead>;
export type LeadEventRead = Read<LeadEvent>;

/** One page of the leads matching `where` (on `leads` as `l`), in `order`, with its total: one statement. */
export function leadPage(em: EntityManager, where: Sql, page: TwoWayPageArgs, order: PageOrder): Promise<ConnectionResult<LeadRead>> {
  return paginateByKey(em, Lead, where, page, order);
}
