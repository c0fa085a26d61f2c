import { Migration } from '@mikro-orm/migrations';

/**
 * Matching's two counts that depend on the clock, NEW leads still in the grace period and platform
 * assignments in the fair-spreading window, come from each partner's record row instead of two index
 * ranges per candidate: at SCALE=10 a submit ranks ~500 candidates, and those ranges were 45% of the
 * candidate statement's buffer reads. The row keeps the creation times of the partner's NEW leads and
 * of its platform assignments (an operator's take-back counts for nothing, as before) younger than a
 * horizon a little beyond each window; a read counts those inside its window (candidate-features.ts).
 *
 * The times are a multiset: one statement's leads share now(), so the same instant may be there
 * twice, and a changed lead takes out one copy of its old time and puts in its new one. Times older
 * than the horizon are dropped whenever the row is written; a later change of such a lead finds
 * nothing to take out, which is right, as it no longer counts.
 */
export class Migration20261202100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "partner_lead_stats" add column "new_lead_times" timestamptz[] not null default '{}',
      add column "assignment_times" timestamptz[] not null default '{}';`);
    // Matching's windows (48 hours, 30 days: matching.config.ts) must fit; partner-lead-stats.test.ts checks.
    this.addSql(`create function slp_new_lead_horizon() returns interval language sql immutable as $$ select interval '7 days' $$;`);
    this.addSql(`create function slp_assignment_horizon() returns interval language sql immutable as $$ select interval '35 days' $$;`);
    this.addSql(`create function slp_lead_times(rows leads[])
      returns table (partner_id int, new_lead_times timestamptz[], assignment_times timestamptz[])
      language sql stable as $$
      select l.partner_id,
        coalesce(array_agg(l.created_at order by l.created_at)
          filter (where l.status = 'NEW' and l.created_at > now() - slp_new_lead_horizon()), '{}'),
        coalesce(array_agg(l.created_at order by l.created_at)
          filter (where l.source = 'PLATFORM_ASSIGNED' and l.created_at > now() - slp_assignment_horizon()), '{}')
      from unnest(rows) l
      where l.close_reason is distinct from 'UNASSIGNED'
      group by l.partner_id
    $$;`);
    // kept + added − removed as multisets (a removed time takes out one copy), within the horizon, sorted.
    // A loop over the removed times, which are none or one for almost every statement.
    this.addSql(`create function slp_merge_times(kept timestamptz[], added timestamptz[], removed timestamptz[], horizon interval)
      returns timestamptz[] language plpgsql stable as $$
      declare
        merged timestamptz[] := array(select t from unnest(coalesce(kept, '{}') || coalesce(added, '{}')) as t
          where t > now() - horizon order by t);
        gone timestamptz;
        at int;
      begin
        foreach gone in array coalesce(removed, '{}') loop
          at := array_position(merged, gone);
          if at is not null then merged := merged[:at - 1] || merged[at + 1:]; end if;
        end loop;
        return merged;
      end $$;`);
    // A partner's whole record from the given leads: the backfill, and what the tests compare the kept rows with.
    this.addSql(`create function slp_lead_record(rows leads[]) returns setof partner_lead_stats language sql stable as $$
      select d.partner_id, d.leads, d.active_leads, d.followed_up, d.deals, d.follow_up_counts, d.follow_up_micros,
        d.assigned, d.expired, coalesce(t.new_lead_times, '{}'), coalesce(t.assignment_times, '{}')
      from slp_lead_stats_delta(rows, '{}') d left join slp_lead_times(rows) t using (partner_id)
    $$;`);
    // Partners whose times change without their counts (a test moving created_at) are written too.
    // PL/pgSQL keeps the statement's plan for the session; as a SQL function it was planned on every write.
    this.addSql(`create or replace function slp_apply_lead_stats(added leads[], removed leads[]) returns void language plpgsql as $$
      begin
      with d as (select * from slp_lead_stats_delta(added, removed)),
      a as (select * from slp_lead_times(added)),
      r as (select * from slp_lead_times(removed)),
      p as (select partner_id from d union select partner_id from a union select partner_id from r)
      insert into partner_lead_stats as s
      select p.partner_id, coalesce(d.leads, 0), coalesce(d.active_leads, 0), coalesce(d.followed_up, 0), coalesce(d.deals, 0),
        coalesce(d.follow_up_counts, array_fill(0, array[slp_follow_up_bucket_count()])),
        coalesce(d.follow_up_micros, array_fill(0::bigint, array[slp_follow_up_bucket_count()])),
        coalesce(d.assigned, 0), coalesce(d.expired, 0),
        slp_merge_times('{}', a.new_lead_times, r.new_lead_times, slp_new_lead_horizon()),
        slp_merge_times('{}', a.assignment_times, r.assignment_times, slp_assignment_horizon())
      from p left join d using (partner_id) left join a using (partner_id) left join r using (partner_id)
      order by p.partner_id
      on conflict (partner_id) do update set
        leads = s.leads + excluded.leads, active_leads = s.active_leads + excluded.active_leads,
        followed_up = s.followed_up + excluded.followed_up, deals = s.deals + excluded.deals,
        follow_up_counts = slp_add_arrays(s.follow_up_counts, excluded.follow_up_counts),
        follow_up_micros = slp_add_arrays(s.follow_up_micros, excluded.follow_up_micros),
        assigned = s.assigned + excluded.assigned, expired = s.expired + excluded.expired,
        new_lead_times = slp_merge_times(s.new_lead_times,
          (select a.new_lead_times from a where a.partner_id = s.partner_id),
          (select r.new_lead_times from r where r.partner_id = s.partner_id), slp_new_lead_horizon()),
        assignment_times = slp_merge_times(s.assignment_times,
          (select a.assignment_times from a where a.partner_id = s.partner_id),
          (select r.assignment_times from r where r.partner_id = s.partner_id), slp_assignment_horizon());
      end $$;`);
    this.addSql(`create or replace function slp_recompute_partner_lead_stats() returns void language sql as $$
      delete from partner_lead_stats;
      insert into partner_lead_stats select * from slp_lead_record(array(select l from leads l));
    $$;`);
    this.addSql(`select slp_recompute_partner_lead_stats();`);
    // Matching no longer reads it; every insert of a lead kept it.
    this.addSql(`drop index if exists "leads_recent_assignments_index";`);
  }
}
