import cluster from 'node:cluster';
import { configFromEnv, type AppConfig } from './config.js';
import { leaveStopSignalsToCaller, startEmbeddedPostgres } from './db/embedded-postgres.js';
import { openDatabase } from './db/orm.js';
import { startApp } from './app.js';
import { ensureOperator, loadDemoData } from './demo/demo-data.js';
import { startApiProcesses } from './api-processes.js';
import type { MikroORM } from '@mikro-orm/postgresql';

const config = configFromEnv();
leaveStopSignalsToCaller();
/** How long a shutdown may take before the process exits anyway. */
const STOP_DEADLINE_MS = 15_000;

/** One API process: the whole server on the database its primary prepared (or on DATABASE_URL). */
async function serve(orm: MikroORM, settings: AppConfig) {
  return startApp({
    orm,
    port: settings.port,
    production: settings.production,
    clientDist: settings.clientDist,
    notifications: settings.notifications,
    redisUrl: settings.redisUrl,
    trustProxy: settings.trustProxy,
    appUrl: settings.appUrl,
    allowedOrigins: settings.allowedOrigins,
  });
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
  const orm = await openDatabase(config.databaseUrl!);
  const app = await serve(orm, config);
  process.on(
    'SIGTERM',
    () =>
      void app
        .close()
        .then(() => orm.close())
        .then(() => process.exit(0)),
  );
}

async function runServer() {
  const embedded = config.databaseUrl ? null : await startEmbeddedPostgres(config.dataDir);
  const databaseUrl = config.databaseUrl ?? embedded!.url;
  const orm = await openDatabase(databaseUrl);
  if (config.demoData) await loadDemoData(orm.em.fork());
  if (config.operator) await ensureOperator(orm.em.fork(), config.operator);
  let port: number;
  let close: () => Promise<void>;
  if (config.apiProcesses === 1) {
    const app = await serve(orm, config);
    [port, close] = [app.port, () => app.close().then(() => orm.close())];
  } else {
    // The database is migrated and seeded once, here; each process opens its own.
    await orm.close();
    const processes = await startApiProcesses(config.apiProcesses, { DATABASE_URL: databaseUrl, PORT: String(config.port) });
    [port, close] = [processes.port, processes.stop];
  }
  const label = config.apiProcesses === 1 ? '' : `, ${config.apiProcesses} API processes`;
  console.log(`Seller Leads Pool is running at http://localhost:${port}/ (GraphQL at http://localhost:${port}/graphql)`);
  console.log(`${embedded ? `Embedded PostgreSQL, files in ${config.dataDir}` : 'Using DATABASE_URL'}${label}`);
  onStopSignal(async () => {
    await close();
    await embedded?.stop();
  });
}

await (cluster.isWorker ? runApiProcess() : runServer());
