import cluster from 'node:cluster';
import { configFromEnv } from './config.js';
import { startEmbeddedPostgres, takeStopSignals } from './db/embedded-postgres.js';
import { openDatabase } from './db/orm.js';
import { startApp } from './app.js';
import { ensureOperator, loadDemoData } from './demo/demo-data.js';
import { backgroundWork, startApiProcesses } from './api-processes.js';
import type { MikroORM } from '@mikro-orm/postgresql';

const config = configFromEnv();
// A terminal's Ctrl-C reaches every process of the group: the primary stops its API processes with SIGTERM.
const stopSignal = takeStopSignals(cluster.isWorker ? ['SIGTERM'] : ['SIGINT', 'SIGTERM']);
/** How long a shutdown may take before the process exits anyway (longer than api-processes.ts' STOP_GRACE_MS). */
const STOP_DEADLINE_MS = 15_000;

/** One API process: the whole server on `orm`, and how to close both. */
async function serve(orm: MikroORM): Promise<{ port: number; close: () => Promise<void> }> {
  const background = backgroundWork();
  const app = await startApp({
    orm,
    port: config.port,
    production: config.production,
    clientDist: config.clientDist,
    notifications: { ...config.notifications, ...background.notifications },
    deadlineJobs: background.deadlineJobs,
    redisUrl: config.redisUrl,
    trustProxy: config.trustProxy,
    appUrl: config.appUrl,
    allowedOrigins: config.allowedOrigins,
  });
  return { port: app.port, close: () => app.close().then(() => orm.close()) };
}

async function runApiProcess() {
  // Starting, a process has nothing to finish: a SIGTERM before serve() is done exits at once.
  let close = async () => {};
  void stopSignal.then(() => close().then(() => process.exit(0)));
  ({ close } = await serve(await openDatabase(config.databaseUrl!)));
}

/** The database is migrated and seeded once, by this primary; each API process opens its own. */
async function serveFromProcesses(orm: MikroORM, databaseUrl: string) {
  await orm.close();
  const processes = await startApiProcesses(config.apiProcesses, { DATABASE_URL: databaseUrl, PORT: String(config.port) });
  return { port: processes.port, close: processes.stop };
}

async function runServer() {
  // From the first stop signal on, the process exits by the deadline, even if it never finishes starting.
  void stopSignal.then((signal) => {
    console.log(`${signal}: shutting down`);
    setTimeout(() => process.exit(1), STOP_DEADLINE_MS).unref();
  });
  const embedded = config.databaseUrl ? null : await startEmbeddedPostgres(config.dataDir);
  const databaseUrl = config.databaseUrl ?? embedded!.url;
  const orm = await openDatabase(databaseUrl);
  if (config.demoData) await loadDemoData(orm.em.fork());
  if (config.operator) await ensureOperator(orm.em.fork(), config.operator);
  const { port, close } = config.apiProcesses === 1 ? await serve(orm) : await serveFromProcesses(orm, databaseUrl);
  const label = config.apiProcesses === 1 ? '' : `, ${config.apiProcesses} API processes`;
  console.log(`Seller Leads Pool is running at http://localhost:${port}/ (GraphQL at http://localhost:${port}/graphql)`);
  console.log(`${embedded ? `Embedded PostgreSQL, files in ${config.dataDir}` : 'Using DATABASE_URL'}${label}`);
  // A signal that came while starting stops the server as soon as it is up.
  void stopSignal.then(async () => {
    await close();
    await embedded?.stop();
    process.exit(0);
  });
}

await (cluster.isWorker ? runApiProcess() : runServer());
