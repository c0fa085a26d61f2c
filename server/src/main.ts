import { configFromEnv } from './config.js';
import { startEmbeddedPostgres } from './db/embedded-postgres.js';
import { openDatabase } from './db/orm.js';
import { startApp } from './app.js';
import { ensureOperator, loadDemoData } from './demo/demo-data.js';

const config = configFromEnv();
const embedded = config.databaseUrl ? null : await startEmbeddedPostgres(config.dataDir);
const orm = await openDatabase(config.databaseUrl ?? embedded!.url);
if (config.demoData) await loadDemoData(orm.em.fork());
if (config.operator) await ensureOperator(orm.em.fork(), config.operator);
const app = await startApp({
  orm,
  port: config.port,
  production: config.production,
  clientDist: config.clientDist,
  notifications: config.notifications,
  redisUrl: config.redisUrl,
  trustProxy: config.trustProxy,
  appUrl: config.appUrl,
  allowedOrigins: config.allowedOrigins,
});

console.log(`Seller Leads Pool is running at http://localhost:${app.port}/ (GraphQL at ${app.url})`);
console.log(embedded ? `Embedded PostgreSQL, files in ${config.dataDir}` : 'Using DATABASE_URL');

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: shutting down`);
  await app.close();
  await orm.close();
  await embedded?.stop();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
