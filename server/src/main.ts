import cluster from 'node:cluster';
import { configFromEnv } from './config.js';
import { leaveStopSignalsToCaller, startEmbeddedPostgres } from './db/embedded-postgres.js';
import { openDatabase } from './db/orm.js';
import { startApp } from './app.js';
import { ensureOperator, loadDemoData } from './demo/demo-data.js';
import { runsBackgroundWork, startApiProcesses } from './api-processes.js';
import type { MikroORM } from '@mikro-orm/postgresql';

const config = configFromEnv();
leaveStopSignalsToCaller();
/** How long a shutdown may take before the process exits anyway (longer than api-processes.ts' STOP_GRACE_MS). */
const STOP_DEADLINE_MS = 15_000;

/** One API process: the whole server on `orm`, and how to close both. */
async function serve(orm: MikroORM): Promise<{ port: number; close: () => Promise<void> }> {
  const background = runsBackgroundWork();
  const app = await startApp({
    orm,
    port: config.port,
    production: config.production,
    clientDist: config.clientDist,
    notifications: { ...config.notifications, deliver: background },
    deadlineJobs: { run: background },
    redisUrl: config.redisUrl,
    trustProxy: config.trustProxy,
    appUrl: config.appUrl,
    allowedOrigins: config.allowedOrigins,
  });
  return { port: app.port, close: () => app.close().then(() => orm.close()) };
}

/** Stops on SIGINT or SIGTERM, once, however many arrive. */
function onStopSignal(stop: () => Promise<void>) {
  let stopping = false;
  const handle = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: shutting down`);
    setTimeout(() => process.exit(1), STOP_DEADLINE_MS).unref();
    void stop().then(() => process.exit(0));
  };
  process.on('SIGINT', () => handle('SIGINT'));
  process.on('SIGTERM', () => handle('SIGTERM'));
}

async function runApiProcess() {
  // A terminal's Ctrl-C reaches every process of the group: the primary stops this one with SIGTERM.
  process.on('SIGINT', () => undefined);
  // Listened for before starting: a replacement still starting when the primary stops would
  // otherwise miss its SIGTERM and outlive the primary. Starting, it has nothing to finish.
  let close = async () => {};
  process.on('SIGTERM', () => void close().then(() => process.exit(0)));
  ({ close } = await serve(await openDatabase(config.databaseUrl!)));
}

/** The database is migrated and seeded once, by this primary; each API process opens its own. */
async function serveFromProcesses(orm: MikroORM, databaseUrl: string) {
  await orm.close();
  const processes = await startApiProcesses(config.apiProcesses, { DATABASE_URL: databaseUrl, PORT: String(config.port) });
  return { port: processes.port, close: processes.stop };
}

async function runServer() {
  const embedded = config.databaseUrl ? null : await startEmbeddedPostgres(config.dataDir);
  const databaseUrl = config.databaseUrl ?? embedded!.url;
  const orm = await openDatabase(databaseUrl);
  if (config.demoData) await loadDemoData(orm.em.fork());
  if (config.operator) await ensureOperator(orm.em.fork(), config.operator);
  const { port, close } = config.apiProcesses === 1 ? await serve(orm) : await serveFromProcesses(orm, databaseUrl);
  const label = config.apiProcesses === 1 ? '' : `, ${config.apiProcesses} API processes`;
  console.log(`Seller Leads Pool is running at http://localhost:${port}/ (GraphQL at http://localhost:${port}/graphql)`);
  console.log(`${embedded ? `Embedded PostgreSQL, files in ${config.dataDir}` : 'Using DATABASE_URL'}${label}`);
  onStopSignal(async () => {
    await close();
    await embedded?.stop();
  });
}

await (cluster.isWorker ? runApiProcess() : runServer());
