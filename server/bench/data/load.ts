import argon2 from 'argon2';
import pg from 'pg';
import { copyRows } from './copy.js';
import { dropSecondaryIndexes } from './indexes.js';
import { BENCH_PASSWORD, World, partnerColumns, serviceColumns, userColumns, type DataSize } from './world.js';

export interface LoadResult {
  seconds: number;
  /** Seconds of each step, in order: where a slow load went. */
  steps: Record<string, number>;
  rows: Record<string, number>;
  /** Set when the run measured on a database loaded before (BENCH_REUSE_DATABASE): no load was timed. */
  reused?: boolean;
}

/** The world writes each lead's order keys itself (COPY skips the trigger that copies them): they must be the trigger's. */
async function checkLeadKeys(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ n: string }>(
    `select count(*) as n from leads l join inquiries i on i.id = l.inquiry_id
     where (l.budget_amount, l.shop_gmv_amount, l.company_size_rank)
       is distinct from (i.budget_amount, i.shop_gmv_amount, slp_company_size_rank(i.company_size))`,
  );
  if (rows[0].n !== '0') throw new Error(`${rows[0].n} loaded leads carry order keys their inquiry does not have`);
}

const tables = ['partners', 'services', 'users', 'inquiries', 'inquiry_target_services', 'seller_authorizations', 'leads', 'lead_events'];
const serialTables = ['partners', 'services', 'users', 'inquiries', 'seller_authorizations', 'leads', 'lead_events'];

/**
 * Loads the benchmark world with COPY, a chunk of inquiries (with their leads and history) at a
 * time so memory stays flat at any SCALE, then moves the id sequences past the loaded rows.
 */
export async function loadData(databaseUrl: string, size: DataSize): Promise<LoadResult> {
  const started = performance.now();
  const steps: Record<string, number> = {};
  const step = async (name: string, work: () => Promise<unknown>) => {
    const stepStarted = performance.now();
    await work();
    steps[name] = (performance.now() - stepStarted) / 1000;
  };
  // Every bench user shares one password, hashed once: argon2 per user would take minutes.
  const world = new World(size, await argon2.hash(BENCH_PASSWORD, { type: argon2.argon2id }));
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // The rows are consistent by construction; skipping per-row foreign-key triggers makes COPY much
    // faster. Needs a superuser; without one the load is only slower.
    await client.query('set session_replication_role = replica').catch(() => undefined);
    const buildIndexes = await dropSecondaryIndexes(client, tables);
    await step('rows', async () => {
      await copyRows(client, { table: 'partners', columns: partnerColumns, rows: world.partnerRows() });
      await copyRows(client, { table: 'services', columns: serviceColumns, rows: world.serviceRows() });
      await copyRows(client, { table: 'users', columns: userColumns, rows: world.userRows() });
      for (const chunk of world.inquiryChunks(5000)) {
        for (const table of chunk) await copyRows(client, table);
      }
    });
    await step('indexes', buildIndexes);
    for (const table of serialTables) {
      await client.query(
        `select setval(pg_get_serial_sequence('${table}', 'id'), (select coalesce(max(id), 0) + 1 from "${table}"), false)`,
      );
    }
    // COPY with triggers off skipped the per-partner lead record matching reads; build it once.
    await step('lead records', () => client.query('select slp_recompute_partner_lead_stats()'));
    await step('order keys checked', () => checkLeadKeys(client));
    await step('vacuum analyze', () => client.query('vacuum analyze'));
    const rows: Record<string, number> = {};
    for (const table of tables) {
      rows[table] = Number((await client.query<{ n: string }>(`select count(*) as n from "${table}"`)).rows[0].n);
    }
    return { seconds: (performance.now() - started) / 1000, steps, rows };
  } finally {
    await client.end();
  }
}
