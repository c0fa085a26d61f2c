import { Migration } from '@mikro-orm/migrations';

/**
 * Response deadlines (SPEC section 3, docs/deadlines.md). Each new lead carries `response_due_at`;
 * a trigger schedules its jobs in graphile-worker's queue (schema `graphile_worker`, migrated by
 * openDatabase before ours) in the transaction that inserts the lead, whoever inserts it: the
 * expiry and the reminder before it for a platform-assigned lead, the seller's "still waiting"
 * email for a targeted one, each keyed "<task>:<lead id>". A job whose lead has moved on by then does
 * nothing (deadlines.service.ts).
 *
 * Each partner's record gains its decided platform assignments and how many of them expired.
 */
export class Migration20261201110000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "leads" add column "response_due_at" timestamptz null;`);
    // The operator's "expiring soon": open platform assignments by deadline.
    this.addSql(`create index "leads_open_assignment_deadline_index" on "leads" ("response_due_at")
      where "status" = 'NEW' and "source" = 'PLATFORM_ASSIGNED';`);
    this.addSql(`alter table "leads" drop constraint if exists "leads_close_reason_check";`);
    this.addSql(
      `alter table "leads" add constraint "leads_close_reason_check" check("close_reason" in ('NO_AGREEMENT', 'SELLER_CLOSED', 'UNASSIGNED', 'EXPIRED'));`,
    );
    this.addSql(`alter table "outbox_emails" drop constraint if exists "outbox_emails_kind_check";`);
    this.addSql(
      `alter table "outbox_emails" add constraint "outbox_emails_kind_check" check("kind" in ('NEW_LEAD', 'SELLER_CLOSED', 'FOLLOWED_UP', 'DEAL', 'NO_AGREEMENT', 'LEAD_EXPIRING', 'LEAD_PASSED_ON', 'LEAD_WAITING'));`,
    );

    // The reminder: 24 hours before the deadline, or halfway through a window shorter than 48 hours.
    this.addSql(`create function slp_lead_reminder_at(assigned timestamptz, due timestamptz) returns timestamptz
      language sql immutable as $$
      select case when due - assigned >= interval '48 hours' then due - interval '24 hours' else assigned + (due - assigned) / 2 end
    $$;`);
    this.addSql(`create function slp_schedule_lead_deadlines() returns trigger language plpgsql as $$
      declare
        payload json := json_build_object('leadId', new.id);
      begin
        if new.response_due_at is null or new.status <> 'NEW' then return null; end if;
        if new.source = 'PLATFORM_ASSIGNED' then
          perform graphile_worker.add_job('remind_lead', payload,
            run_at => slp_lead_reminder_at(new.created_at, new.response_due_at), job_key => 'remind_lead:' || new.id);
          perform graphile_worker.add_job('expire_lead', payload, run_at => new.response_due_at, job_key => 'expire_lead:' || new.id);
        else
          perform graphile_worker.add_job('tell_seller_lead_waits', payload, run_at => new.response_due_at,
            job_key => 'tell_seller_lead_waits:' || new.id);
        end if;
        return null;
      end $$;`);
    this.addSql(`create trigger leads_schedule_deadlines after insert on "leads"
      for each row execute function slp_schedule_lead_deadlines();`);

    // The record's new columns, then its functions again with them (a function's result type cannot change in place).
    this.addSql(
      `alter table "partner_lead_stats" add column "assigned" int not null default 0, add column "expired" int not null default 0;`,
    );
    this.addSql(
      `drop function slp_recompute_partner_lead_stats(), slp_apply_lead_stats(leads[], leads[]), slp_lead_stats_delta(leads[], leads[]);`,
    );
    this.addSql(`create function slp_lead_stats_delta(added leads[], removed leads[])
      returns table (partner_id int, leads int, active_leads int, followed_up int, deals int,
        follow_up_counts int[], follow_up_micros bigint[], assigned int, expired int)
      language sql stable as $$
      with fact as (
        select l.partner_id, 1 as sign, l.status, l.source, l.close_reason, l.created_at, l.followed_at, l.deal_at
        from unnest(added) l where l.close_reason is distinct from 'UNASSIGNED'
        union all
        select l.partner_id, -1, l.status, l.source, l.close_reason, l.created_at, l.followed_at, l.deal_at
        from unnest(removed) l where l.close_reason is distinct from 'UNASSIGNED'
      ), total as (
        select f.partner_id, sum(f.sign)::int as leads,
          coalesce(sum(f.sign) filter (where f.status in ('NEW', 'FOLLOWING')), 0)::int as active_leads,
          coalesce(sum(f.sign) filter (where f.followed_at is not null), 0)::int as followed_up,
          coalesce(sum(f.sign) filter (where f.deal_at is not null), 0)::int as deals,
          coalesce(sum(f.sign) filter (where f.source = 'PLATFORM_ASSIGNED' and f.status <> 'NEW'), 0)::int as assigned,
          coalesce(sum(f.sign) filter (where f.close_reason = 'EXPIRED'), 0)::int as expired
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
      select t.partner_id, t.leads, t.active_leads, t.followed_up, t.deals, h.counts, h.micros, t.assigned, t.expired
      from total t join histogram h using (partner_id)
      where (t.leads, t.active_leads, t.followed_up, t.deals, t.assigned, t.expired) <> (0, 0, 0, 0, 0, 0)
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
        follow_up_micros = slp_add_arrays(s.follow_up_micros, excluded.follow_up_micros),
        assigned = s.assigned + excluded.assigned, expired = s.expired + excluded.expired
    $$;`);
    this.addSql(`create function slp_recompute_partner_lead_stats() returns void language sql as $$
      delete from partner_lead_stats;
      insert into partner_lead_stats select * from slp_lead_stats_delta(array(select l from leads l), '{}');
    $$;`);
    this.addSql(`select slp_recompute_partner_lead_stats();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists leads_schedule_deadlines on "leads";`);
    this.addSql(`drop function if exists slp_schedule_lead_deadlines(), slp_lead_reminder_at(timestamptz, timestamptz);`);
    this.addSql(`alter table "leads" drop column "response_due_at";`);
  }
}
