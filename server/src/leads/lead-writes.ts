import type { Sql } from '../db/sql.js';
import { pgArray } from '../db/pg-array.js';
import { outboxCtes } from '../notifications/outbox-writer.js';
import type { NewLeadRows } from './lead-state-machine.js';

/**
 * New leads on one inquiry, their history entries and the outbox emails those send, as data-modifying
 * CTEs named `lead`, `event` (and `email`, `webhook`) for a statement to include: a submit's writes without the
 * unit of work, which cost more CPU than the statement. `inquiryId` is the SQL giving the inquiry's
 * id (a `?` bound to `inquiryParams`, or a column of an earlier CTE). The rows come from newLeadRows
 * (the lead rules), the emails from the notification routes; the lead_events trigger sends the live
 * events as for any other write.
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
    ), event as (
      insert into lead_events (lead_id, type, at, actor_role, actor_id)
      select id, ?, ?, ?, ? from lead order by id
      returning id, lead_id, type
    )${outboxCtes('event', 'lead', [event.type])}`,
    params: [
      ...inquiryParams, pgArray(leads.map((lead) => lead.partner_id)), pgArray(leads.map((lead) => lead.service_id)),
      pgArray(leads.map((lead) => lead.source)), pgArray(leads.map((lead) => lead.status)),
      pgArray(leads.map((lead) => lead.created_at.toISOString())), pgArray(leads.map((lead) => lead.response_due_at.toISOString())),
      event.type, event.at, event.actor_role, event.actor_id,
    ],
  };
}
