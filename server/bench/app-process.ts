// The app as the benchmark serves it: real PostgreSQL, as many API processes as production runs
// (api-processes.ts), the runner's commands answered for them all. With BENCH_COUNT_STATEMENTS=1
// it is the one process that counts SQL statements per request instead of serving load.
import cluster from 'node:cluster';
import { benchApiProcesses } from './config.js';
import { openDatabase } from '../src/db/orm.js';
import { startApp } from '../src/app.js';
import { backgroundWork, runsBackgroundWork, startApiProcesses } from '../src/api-processes.js';
import { takeStopSignals } from '../src/db/embedded-postgres.js';
import { answerCommands, askWorkers, cpuMs, peakRssMb, processCommands } from './ipc.js';

const counting = process.env.BENCH_COUNT_STATEMENTS === '1';
// Taken at once, as main.ts does, not once the app is up: a SIGTERM while it starts is then kept.
const stopSignal = takeStopSignals(['SIGTERM']);

async function serve() {
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
    // The counting process has no background work, so only the requests' own statements are counted.
    ...backgroundWork(!counting && runsBackgroundWork()),
  });
  void stopSignal.then(async () => {
    await app.close();
    await orm.close();
    process.exit(0);
  });
  answerCommands(cluster.isWorker ? null : { url: app.url }, { statements: () => statements, ...processCommands });
}

/** The primary: its processes' CPU and memory added up, the largest process's peak. */
async function serveFromProcesses(count: number) {
  const processes = await startApiProcesses(count, {});
  const sum = (name: string) => async () => (await askWorkers(processes.workers(), name)).reduce((a, b) => a + b, 0);
  void stopSignal.then(async () => {
    await processes.stop();
    process.exit(0);
  });
  answerCommands(
    { url: `http://localhost:${processes.port}/graphql` },
    {
      statements: sum('statements'),
      rssMb: sum('rssMb'),
      rssAfterGcMb: sum('rssAfterGcMb'),
      heapAfterGcMb: sum('heapAfterGcMb'),
      cpuMs: async () => cpuMs() + (await sum('cpuMs')()),
      peakRssMb: async () => Math.max(peakRssMb(), ...(await askWorkers(processes.workers(), 'peakRssMb'))),
    },
  );
}

const count = counting ? 1 : benchApiProcesses();
await (cluster.isPrimary && count > 1 ? serveFromProcesses(count) : serve());
