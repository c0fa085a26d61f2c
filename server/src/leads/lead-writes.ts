import type { EntityManager } from '@mikro-orm/postgresql';
import type { Sql } from '../db/sql.js';
import { leanMapper } from '../db/lean-read.js';
import { pgArray } from '../db/pg-array.js';
import { outboxCtes } from '../notifications/outbox-writer.js';
import type { NewLeadEvent, NewLeadRows } from './lead-state-machine.js';
import { Lead } from './lead.entity.js';
import type { LeadRead } from './lead-reads.js';

/**
 * The one writer of lead history: history entries from `rows` (a select of lead_id, type, at,
 * actor_role, actor_id) as the CTE `event`, then the outbox rows they send (`email`, `webhook`, built
 * from the notification routes by notifications/outbox-writer.ts) in the same statement. `leads` names
 * the rows the events are on (id, partner_id, inquiry_id, status): an earlier CTE or the `leads` table.
 * The lead_events trigger sends the live events.
 */
function eventCtes(rows: string, leads: string, types: string[]): string {
  return `event as (
      insert into lead_events (lead_id, type, at, actor_role, actor_id, note)
      ${rows}
      returning id, lead_id, type
    )${outboxCtes('event', leads, [...new Set(types)])}`;
}

/**
 * New leads on one inquiry, their history entries and the outbox rows those send, as data-modifying
 * CTEs named `lead`, `event` (and `email`, `webhook`) for a statement to include: every lead's birth
 * (insertLeads, a submit's statement in inquiries/inquiry-writes.ts), without the unit of work, which
 * cost more CPU than the statement. `inquiryId` is the SQL giving the inquiry's id (a `?` bound to
 * `inquiryParams`, or a column of an earlier CTE). The rows come from newLeadRows (the lead rules).
 */
export function newLeadsCtes(inquiryId: string, inquiryParams: unknown[], rows: NewLeadRows): Sql {
  const { leads, event } = rows;
  return {
    sql: `lead as (
      insert into leads (inquiry_id, partner_id, service_id, source, status, created_at, response_due_at)
      select ${inquiryId}, n.partner_id, n.service_id, n.source, n.status, n.created_at, n.response_due_at
      from unnest(?::int[], ?::int[], ?::text[], ?::text[], ?::timestamptz[], ?::timestamptz[]) with ordinality
        as n(partner_id, service_id, source, status, created_at, response_due_at, place)
      order by n.place
      returning *
    ), ${eventCtes('select id, ?, ?, ?, ?, null from lead order by id', 'lead', [event.type])}`,
    params: [
      ...inquiryParams,
      pgArray(leads.map((lead) => lead.partner_id)),
      pgArray(leads.map((lead) => lead.service_id)),
      pgArray(leads.map((lead) => lead.source)),
      pgArray(leads.map((lead) => lead.status)),
      pgArray(leads.map((lead) => lead.created_at.toISOString())),
      pgArray(leads.map((lead) => lead.response_due_at.toISOString())),
      event.type,
      event.at,
      event.actor_role,
      event.actor_id,
    ],
  };
}

/**
 * New leads on a stored inquiry (an operator's assignment, a deadline passing the inquiry on) in one
 * statement, inside the caller's transaction. Read-only objects in creation order (db/lean-read.ts).
 */
export async function insertLeads(em: EntityManager, inquiryId: number, rows: NewLeadRows): Promise<LeadRead[]> {
  if (!rows.leads.length) return [];
  const leads = newLeadsCtes('?::int', [inquiryId], rows);
  const [row] = await em.execute<{ new_leads: Record<string, unknown>[] }[]>(
    `with ${leads.sql} select coalesce(json_agg(lead order by lead.id), '[]') as new_leads from lead`,
    leads.params,
  );
  return row.new_leads.map(leanMapper(em, Lead));
}

/** An array literal that may hold nulls (enum values and numbers only, see pgArray). */
const nullableArray = (values: readonly (number | string | null)[]) => pgArray(values.map((value) => value ?? 'NULL'));

/**
 * Writes the history entries a change produced (transitionLead's, a deadline's, a revocation's) with
 * the emails and webhook deliveries they send, in one statement after flushing the change itself (the
 * deliveries carry the lead's new status). Call it in the transaction of the change: a rolled-back
 * change leaves neither history nor outbox rows. Events are stored in the order given.
 */
export async function writeLeadEvents(em: EntityManager, events: readonly NewLeadEvent[]): Promise<void> {
  await em.flush();
  if (!events.length) return;
  // Notes are free text, so they travel as one JSON array rather than an array literal.
  const rows = `select n.lead_id, n.type, n.at, n.actor_role, n.actor_id, (?::json ->> (n.place - 1)::int) as note
      from unnest(?::int[], ?::text[], ?::timestamptz[], ?::text[], ?::int[]) with ordinality as n(lead_id, type, at, actor_role, actor_id, place)
      order by n.place`;
  await em.execute(
    `with ${eventCtes(
      rows,
      'leads',
      events.map((event) => event.type),
    )} select 1`,
    [
      JSON.stringify(events.map((event) => event.note)),
      pgArray(events.map((event) => event.leadId)),
      pgArray(events.map((event) => event.type)),
      pgArray(events.map((event) => event.at.toISOString())),
      nullableArray(events.map((event) => event.actorRole)),
      nullableArray(events.map((event) => event.actorId)),
    ],
    'run',
  );
}
