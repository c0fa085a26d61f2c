import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { Logger, run, runMigrations, type Runner, type Task } from 'graphile-worker';
import { DeadlinesService } from './deadlines.service.js';

/**
 * The response-deadline jobs run on graphile-worker, a job queue in PostgreSQL: each lead's jobs are
 * rows added by a trigger in the transaction that inserts the lead (migration 20261201110000), so
 * none is lost or made for a lead that was rolled back, and every API process works the one queue.
 * A job is taken by one worker at a time (SKIP LOCKED); one that fails is retried with back-off, and
 * a process that stops gracefully hands its jobs back. The tasks themselves are idempotent
 * (DeadlinesService), which makes "exactly once" hold even for a job that runs again.
 */
export interface DeadlineJobSettings {
  /** False leaves this process's worker stopped (the jobs wait for another process). */
  run: boolean;
  /** How often to look for jobs that became due (a new job due now wakes the worker at once). */
  pollMs: number;
  concurrency: number;
}

export const defaultDeadlineJobSettings: DeadlineJobSettings = { run: true, pollMs: 1_000, concurrency: 2 };

/** Warnings and errors only: the library's info lines (one per job) would drown the server's log. */
const logger = new Logger(() => (level, message) => {
  if (level === 'error' || level === 'warning') console.error(`[deadline jobs] ${message}`);
});

/** graphile-worker's own schema (graphile_worker); idempotent, run with the app's migrations. */
export async function migrateJobQueue(connectionString: string): Promise<void> {
  await runMigrations({ connectionString, logger });
}

type LeadJob = { leadId: number };

function task(orm: MikroORM, work: (service: DeadlinesService, leadId: number) => Promise<unknown>): Task {
  return async (payload) => {
    await work(new DeadlinesService(orm.em.fork() as EntityManager), (payload as LeadJob).leadId);
  };
}

/** The task names are those the trigger schedules. */
export function deadlineTasks(orm: MikroORM) {
  return {
    expire_lead: task(orm, (service, leadId) => service.expire(leadId)),
    remind_lead: task(orm, (service, leadId) => service.remind(leadId)),
    tell_seller_lead_waits: task(orm, (service, leadId) => service.tellSellerLeadWaits(leadId)),
  };
}

export interface DeadlineJobs {
  close(): Promise<void>;
}

/** This process's deadline worker; any number of processes may run one. */
export async function startDeadlineJobs(orm: MikroORM, given: Partial<DeadlineJobSettings> = {}): Promise<DeadlineJobs> {
  const settings = { ...defaultDeadlineJobSettings, ...given };
  if (!settings.run) return { close: async () => {} };
  // Our own pool, so that a connection the server drops while idle is logged, never an unhandled error.
  const pgPool = new pg.Pool({ connectionString: orm.config.get('clientUrl')!, max: settings.concurrency + 1 });
  pgPool.on('error', (error) => logger.warn(`idle connection lost: ${error.message}`));
  pgPool.on('connect', (client) => client.on('error', (error) => logger.warn(`connection lost: ${error.message}`)));
  const runner: Runner = await run({
    pgPool,
    concurrency: settings.concurrency,
    pollInterval: settings.pollMs,
    noHandleSignals: true,
    logger,
    taskList: deadlineTasks(orm),
  });
  return {
    async close() {
      await runner.stop();
      await pgPool.end();
    },
  };
}
