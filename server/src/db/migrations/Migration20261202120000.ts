import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 21: a lead insert schedules all its deadline jobs with ONE `add_jobs` call per statement
 * instead of an `add_job` per job (two per platform assignment). Each call paid for the task and
 * queue upserts and a NOTIFY, so an OPEN submit of three leads made six. Same jobs, same keys
 * ("<task>:<lead id>", replaced if one exists), same run times as Migration20261201110000's.
 */
export class Migration20261202120000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop trigger "leads_schedule_deadlines" on "leads";`);
    this.addSql(`drop function slp_schedule_lead_deadlines();`);
    this.addSql(`create function slp_schedule_lead_deadlines() returns trigger language plpgsql as $$
      declare
        specs graphile_worker.job_spec[] := array(
          select (job.task, json_build_object('leadId', n.id), null, job.run_at, null, job.task || ':' || n.id, null, null)::graphile_worker.job_spec
          from new_rows n
          cross join lateral (
            select 'remind_lead' as task, slp_lead_reminder_at(n.created_at, n.response_due_at) as run_at
              where n.source = 'PLATFORM_ASSIGNED'
            union all select 'expire_lead', n.response_due_at where n.source = 'PLATFORM_ASSIGNED'
            union all select 'tell_seller_lead_waits', n.response_due_at where n.source <> 'PLATFORM_ASSIGNED'
          ) job
          where n.response_due_at is not null and n.status = 'NEW'
          order by n.id, job.task);
      begin
        if cardinality(specs) > 0 then perform graphile_worker.add_jobs(specs); end if;
        return null;
      end $$;`);
    this.addSql(`create trigger "leads_schedule_deadlines" after insert on "leads"
      referencing new table as new_rows for each statement execute function slp_schedule_lead_deadlines();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger "leads_schedule_deadlines" on "leads";`);
    this.addSql(`drop function slp_schedule_lead_deadlines();`);
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
    this.addSql(`create trigger "leads_schedule_deadlines" after insert on "leads"
      for each row execute function slp_schedule_lead_deadlines();`);
  }
}
