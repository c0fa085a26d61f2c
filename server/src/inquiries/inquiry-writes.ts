import type { EntityManager } from '@mikro-orm/postgresql';
import { leanMapper } from '../db/lean-read.js';
import { insertValues } from '../db/native-write.js';
import { pgArray } from '../db/pg-array.js';
import type { NewLeadRows } from '../leads/lead-state-machine.js';
import { Lead } from '../leads/lead.entity.js';
import { newLeadsCtes } from '../leads/lead-writes.js';
import { Inquiry } from './inquiry.entity.js';
import type { LeadRead } from '../leads/lead-reads.js';
import type { InquiryRead } from './inquiry-reads.js';

/** A new inquiry and the leads it was given, in the order they were created. */
export interface SubmittedInquiry {
  inquiry: InquiryRead;
  leads: LeadRead[];
}

/**
 * Stores a new inquiry, the services a TARGET request chose and its first leads (with their history
 * and emails, see leads/lead-writes.ts) in ONE statement: atomic without a transaction, so a submit
 * holds no transaction open between round trips while the app's event loop is busy. The inquiry comes
 * back as a row (its amounts stay exact numerics), the leads as JSON beside it; both as read-only
 * objects (db/lean-read.ts).
 */
export async function insertInquiry(
  em: EntityManager,
  inquiry: Inquiry,
  targetServiceIds: number[],
  leadRows: NewLeadRows,
): Promise<SubmittedInquiry> {
  const { columns, values, params } = insertValues(em, inquiry);
  const leads = newLeadsCtes('(select id from inquiry)', [], leadRows);
  const [row] = await em.execute<Record<string, unknown>[]>(
    `
    with inquiry as (insert into inquiries (${columns}) ${values} returning *),
    target as (insert into inquiry_target_services (inquiry_id, service_id) select inquiry.id, unnest(?::int[]) from inquiry),
    ${leads.sql}
    select inquiry.*, (select coalesce(json_agg(lead order by lead.id), '[]') from lead) as new_leads from inquiry`,
    [...params, pgArray(targetServiceIds), ...leads.params],
  );
  return { inquiry: leanMapper(em, Inquiry)(row), leads: (row.new_leads as Record<string, unknown>[]).map(leanMapper(em, Lead)) };
}
