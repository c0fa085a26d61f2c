import type { EntityManager } from '@mikro-orm/postgresql';
import { leanMapper } from '../db/lean-read.js';
import { insertValues } from '../db/native-write.js';
import { pgIntArray } from '../db/pg-array.js';
import { Inquiry } from './inquiry.entity.js';

/**
 * Stores a new inquiry and the services a TARGET request chose in one statement, without the unit
 * of work (see leads/lead-writes.ts). Returns the stored row as a read-only object (db/lean-read.ts).
 */
export async function insertInquiry(em: EntityManager, inquiry: Inquiry, targetServiceIds: number[]): Promise<Inquiry> {
  const { columns, values, params } = insertValues(em, inquiry);
  const [row] = await em.execute<Record<string, unknown>[]>(`
    with inquiry as (insert into inquiries (${columns}) ${values} returning *),
    target as (insert into inquiry_target_services (inquiry_id, service_id) select inquiry.id, unnest(?::int[]) from inquiry)
    select * from inquiry`, [...params, pgIntArray(targetServiceIds)]);
  return leanMapper(em, Inquiry)(row);
}
