// The app as the benchmark serves it: one process, real PostgreSQL, statements counted on demand.
import { openDatabase } from '../src/db/orm.js';
import { startApp } from '../src/app.js';
import { answerCommands, processCommands } from './ipc.js';

let statements = 0;
const orm = await openDatabase(process.env.BENCH_DATABASE_URL!, { onQuery: () => { statements += 1; } });
const logger = orm.config.getLogger();
// Query logging costs time per statement, so it is on only while the runner counts statements.
logger.setDebugMode(false);
// The load comes from a few addresses and sessions at rates no person reaches: the rate limits are
// still charged on every request, but with budgets the benchmark cannot spend.
const unspendable = Number.MAX_SAFE_INTEGER;
const app = await startApp({
  orm, port: 0, production: true,
  limits: { pointsPerAddress: unspendable, pointsPerSession: unspendable, pointsPerToken: unspendable },
});

process.on('SIGTERM', async () => {
  await app.close();
  await orm.close();
  process.exit(0);
});

answerCommands({ url: app.url }, {
  startCounting: () => { statements = 0; logger.setDebugMode(['query']); },
  statements: () => statements,
  stopCounting: () => { logger.setDebugMode(false); },
  ...processCommands,
});
