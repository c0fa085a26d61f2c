// The app as the benchmark serves it: one process, real PostgreSQL. With BENCH_COUNT_STATEMENTS=1
// it is the process that counts SQL statements per request instead of serving load.
import { openDatabase } from '../src/db/orm.js';
import { startApp } from '../src/app.js';
import { answerCommands, processCommands } from './ipc.js';

const counting = process.env.BENCH_COUNT_STATEMENTS === '1';
let statements = 0;
const orm = await openDatabase(
  process.env.BENCH_DATABASE_URL!,
  counting
    ? {
        onQuery: () => {
          statements += 1;
        },
      }
    : {},
);
// The load comes from a few addresses and sessions at rates no person reaches: the rate limits are
// still charged on every request, but with budgets the benchmark cannot spend.
const unspendable = Number.MAX_SAFE_INTEGER;
const app = await startApp({
  orm,
  port: 0,
  production: true,
  trustProxy: process.env.TRUST_PROXY || undefined,
  limits: {
    pointsPerAddress: unspendable,
    pointsPerSession: unspendable,
    pointsPerToken: unspendable,
    wsConnectionsPerAddress: unspendable,
  },
  // The counting process sends no emails, so only the requests' own statements are counted.
  ...(counting ? { notifications: { deliver: false } } : {}),
});

process.on('SIGTERM', async () => {
  await app.close();
  await orm.close();
  process.exit(0);
});

answerCommands({ url: app.url }, { statements: () => statements, ...processCommands });
