// A/B on one kept database: another tree's app against this tree's, alternating rounds of one read,
// with each app's CPU and PostgreSQL's per request. On this shared 2-core machine only alternating
// rounds compare (docs/performance.md). Usage, with the other tree checked out and installed:
//   BENCH_REUSE_DATABASE=URL BENCH_OTHER_TREE=/path/to/worktree npx tsx bench/compare-trees.ts [document] [rounds] [seconds] [connections]
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { prepareActors } from './actors.js';
import { settingsFrom } from './config.js';
import { ChildServer, serverEnv } from './ipc.js';
import * as documents from './scenarios/documents.js';
import { runLoad } from './scenarios/http-load.js';

/** CPU ms of every PostgreSQL process on this machine (a local server or the embedded one). */
function postgresCpuMs(): number {
  let ticks = 0;
  for (const pid of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (!fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').startsWith('postgres')) continue;
      const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process ended between listing and reading.
    }
  }
  return ticks * 10;
}

interface Totals {
  requests: number;
  appMs: number;
  postgresMs: number;
  perSecond: number[];
  p99: number[];
}

const [documentName = 'newTabPage', rounds = '5', seconds = '8', connectionsArg] = process.argv.slice(2);
const url = process.env.BENCH_REUSE_DATABASE!;
const other = (await import(path.join(process.env.BENCH_OTHER_TREE!, 'server/bench/ipc.ts'))) as typeof import('./ipc.js');
const settings = settingsFrom([]);
const connections = Number(connectionsArg ?? settings.readConnections);
if (!Number.isInteger(connections) || connections < 1) throw new Error(`connections must be a whole number from 1, not ${connectionsArg}`);
const actors = await prepareActors(url, settings);
const env = serverEnv(url);
const servers = { other: await other.ChildServer.start('./app-process.ts', env), this: await ChildServer.start('./app-process.ts', env) };
const document = (documents as Record<string, string>)[documentName];
const plans = actors.partnerMembers.map((actor) => ({ cookie: actor.cookie, variables: { first: settings.pageSize } }));
const load = (server: ChildServer, time: number) => runLoad(`${server.url}/graphql`, document, plans, { connections, seconds: time });

for (const server of Object.values(servers)) await load(server, 10);
const totals: Record<string, Totals> = {};
for (let round = 0; round < Number(rounds); round++) {
  for (const name of round % 2 ? (['this', 'other'] as const) : (['other', 'this'] as const)) {
    const server = servers[name];
    const [app, postgres] = [await server.ask<number>('cpuMs'), postgresCpuMs()];
    const result = await load(server, Number(seconds));
    const total = (totals[name] ??= { requests: 0, appMs: 0, postgresMs: 0, perSecond: [], p99: [] });
    total.requests += result.requests;
    total.appMs += (await server.ask<number>('cpuMs')) - app;
    total.postgresMs += postgresCpuMs() - postgres;
    total.perSecond.push(Math.round(result.throughput));
    total.p99.push(Math.round(result.p99));
    if (result.errors) console.log(`${name}: ${result.errors} errors`);
  }
}
for (const [name, server] of Object.entries(servers)) {
  const total = totals[name];
  const per = (ms: number) => (ms / total.requests).toFixed(2);
  console.log(
    `${name}: app CPU ${per(total.appMs)} ms/req, PostgreSQL ${per(total.postgresMs)} ms/req, ` +
      `req/s ${total.perSecond.join('/')}, p99 ms ${total.p99.join('/')}, peak RSS ${await server.ask('peakRssMb')} MB`,
  );
}
await Promise.all(Object.values(servers).map((server) => server.stop()));
process.exit(0);
