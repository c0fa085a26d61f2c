import { Migration } from '@mikro-orm/migrations';

/**
 * Each partner's lead record for matching (docs/matching.md, "Speed"), kept in one row per partner so
 * ranking reads one small row per candidate instead of aggregating every lead on every submit.
 *
 * Triggers on `leads` keep the row up to date in the writing transaction, whatever writes the lead:
 * the state machine, fixtures, imports. Statement-level, so one statement's rows update each
 * partner's row once, in partner order (two transactions never lock the same rows in opposite order).
 *
 * The time to follow up is kept as a histogram: per bucket of delay, the number of follow-ups and the
 * sum of their delays in microseconds (integers, so the maintained sums equal a recomputation exactly).
 * The median is taken over the bucket means (candidate-features.ts).
 *
 * One function, `slp_lead_stats_delta`, says what a lead counts for: the triggers add its result for
 * the new rows and subtract it for the old ones; `slp_recompute_partner_lead_stats()` applies it to
 * every lead (this backfill, and the benchmark after loading rows with triggers off).
 */
export class Migration20261125200000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "partner_lead_stats" (
      "partner_id" int primary key references "partners" ("id") on update cascade on delete cascade,
      "leads" int not null, "active_leads" int not null, "followed_up" int not null, "deals" int not null,
      "follow_up_counts" int[] not null, "follow_up_micros" bigint[] not null);`);
    // Platform assignments of a partner in the fair-spreading window, counted from the index alone.
    this.addSql(`create index "leads_recent_assignments_index" on "leads" ("partner_id", "created_at")
      where "source" = 'PLATFORM_ASSIGNED' and "close_reason" is distinct from 'UNASSIGNED';`);

    // Bucket edges in hours: fine where partners usually answer, coarse beyond a few days.
    this.addSql(`create function slp_follow_up_edges() returns float8[] language sql immutable as $$
      select array[0, 1, 2, 3, 4, 6, 8, 12, 16, 24, 36, 48, 72, 96, 168, 336, 720]::float8[]
    $$;`);
    this.addSql(`create function slp_follow_up_bucket_count() returns int language sql immutable as $$
      select cardinality(slp_follow_up_edges())
    $$;`);
    this.addSql(`create function slp_follow_up_bucket(delay interval) returns int language sql immutable as $$
      select greatest(1, width_bucket(extract(epoch from delay)::float8 / 3600, slp_follow_up_edges()))
    $$;`);
    this.addSql(`create function slp_add_arrays(a anyarray, b anyarray) returns anyarray language sql immutable as $$
      select array_agg(x + y order by i) from unnest(a, b) with ordinality as t(x, y, i)
    $$;`);

    // What the added leads count for minus what the removed ones did, per partner; leads an operator
    // took back (UNASSIGNED) count for nothing. Partners whose record does not change are left out.
    this.addSql(`create function slp_lead_stats_delta(added leads[], removed leads[])
      returns table (partner_id int, leads int, active_leads int, followed_up int, deals int,
        follow_up_counts int[], follow_up_micros bigint[])
      language sql stable as $$
      with fact as (
        select l.partner_id, 1 as sign, l.status, l.created_at, l.followed_at, l.deal_at
        from unnest(added) l where l.close_reason is distinct from 'UNASSIGNED'
        union all
        select l.partner_id, -1, l.status, l.created_at, l.followed_at, l.deal_at
        from unnest(removed) l where l.close_reason is distinct from 'UNASSIGNED'
      ), total as (
        select f.partner_id, sum(f.sign)::int as leads,
          coalesce(sum(f.sign) filter (where f.status in ('NEW', 'FOLLOWING')), 0)::int as active_leads,
          coalesce(sum(f.sign) filter (where f.followed_at is not null), 0)::int as followed_up,
          coalesce(sum(f.sign) filter (where f.deal_at is not null), 0)::int as deals
        from fact f group by f.partner_id
      ), bucket as (
        select f.partner_id, slp_follow_up_bucket(f.followed_at - f.created_at) as bucket, sum(f.sign) as n,
          sum(f.sign * (extract(epoch from f.followed_at - f.created_at) * 1000000)::bigint) as micros
        from fact f where f.followed_at is not null group by 1, 2
      ), histogram as (
        select t.partner_id, array_agg(coalesce(b.n, 0)::int order by i) as counts,
          array_agg(coalesce(b.micros, 0)::bigint order by i) as micros
        from total t cross join generate_series(1, slp_follow_up_bucket_count()) as i
        left join bucket b on b.partner_id = t.partner_id and b.bucket = i
        group by t.partner_id
      )
      select t.partner_id, t.leads, t.active_leads, t.followed_up, t.deals, h.counts, h.micros
      from total t join histogram h using (partner_id)
      where (t.leads, t.active_leads, t.followed_up, t.deals) <> (0, 0, 0, 0)
        or h.counts <> array_fill(0, array[slp_follow_up_bucket_count()])
        or h.micros <> array_fill(0::bigint, array[slp_follow_up_bucket_count()])
    $$;`);

    this.addSql(`create function slp_apply_lead_stats(added leads[], removed leads[]) returns void language sql as $$
      insert into partner_lead_stats as s
      select * from slp_lead_stats_delta(added, removed) order by partner_id
      on conflict (partner_id) do update set
        leads = s.leads + excluded.leads, active_leads = s.active_leads + excluded.active_leads,
        followed_up = s.followed_up + excluded.followed_up, deals = s.deals + excluded.deals,
        follow_up_counts = slp_add_arrays(s.follow_up_counts, excluded.follow_up_counts),
        follow_up_micros = slp_add_arrays(s.follow_up_micros, excluded.follow_up_micros)
    $$;`);
    this.addSql(`create function slp_leads_changed() returns trigger language plpgsql as $$
      begin
        if tg_op = 'INSERT' then
          perform slp_apply_lead_stats(array(select n::leads from new_rows n), '{}');
        elsif tg_op = 'UPDATE' then
          perform slp_apply_lead_stats(array(select n::leads from new_rows n), array(select o::leads from old_rows o));
        else
          perform slp_apply_lead_stats('{}', array(select o::leads from old_rows o));
        end if;
        return null;
      end $$;`);
    this.addSql(`create trigger leads_stats_insert after insert on "leads" referencing new table as new_rows
      for each statement execute function slp_leads_changed();`);
    this.addSql(`create trigger leads_stats_update after update on "leads" referencing old table as old_rows new table as new_rows
      for each statement execute function slp_leads_changed();`);
    this.addSql(`create trigger leads_stats_delete after delete on "leads" referencing old table as old_rows
      for each statement execute function slp_leads_changed();`);

    // Only where nothing writes leads at the same time: a migration, or right after a bulk load.
    this.addSql(`create function slp_recompute_partner_lead_stats() returns void language sql as $$
      delete from partner_lead_stats;
      insert into partner_lead_stats select * from slp_lead_stats_delta(array(select l from leads l), '{}');
    $$;`);
    this.addSql(`select slp_recompute_partner_lead_stats();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists leads_stats_insert on "leads";`);
    this.addSql(`drop trigger if exists leads_stats_update on "leads";`);
    this.addSql(`drop trigger if exists leads_stats_delete on "leads";`);
    this.addSql(`drop function if exists slp_leads_changed(), slp_recompute_partner_lead_stats(),
      slp_apply_lead_stats(leads[], leads[]), slp_lead_stats_delta(leads[], leads[]), slp_add_arrays(anyarray, anyarray),
      slp_follow_up_bucket(interval), slp_follow_up_bucket_count(), slp_follow_up_edges();`);
    this.addSql(`drop index if exists "leads_recent_assignments_index";`);
    this.addSql(`drop table if exists "partner_lead_stats";`);
  }
}
