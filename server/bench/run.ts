// `pnpm bench`: loads a realistic pool, runs what users do against the real app, prints a table.
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import { benchApiProcesses, settingsFrom, type BenchSettings } from './config.js';
import { freshDatabase, type BenchDatabase } from './database.js';
import { loadData, type LoadResult } from './data/load.js';
import { prepareActors, type Actors } from './actors.js';
import { ChildServer, serverEnv } from './ipc.js';
import { formatReport, loadAverage, type BenchReport, type ScenarioResult } from './report.js';
import { applyTargets, compareTargets } from './targets.js';
import { NEW_TAB, httpScenarios } from './scenarios/http.js';
import { runHttpScenario, warmUp } from './scenarios/run-http.js';
import { runBaseline } from './scenarios/baseline.js';
import { ALERTS, runAlerts } from './scenarios/alerts.js';
import { SOAK, runSoak } from './scenarios/soak.js';

/** Fields of the running schema as "Type.field", to tell which scenarios' API has landed. */
async function schemaFields(url: string): Promise<Set<string>> {
  const query =
    '{ __schema { queryType { name fields { name } } mutationType { name fields { name } } subscriptionType { name fields { name } } } }';
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  const { data } = (await response.json()) as { data: { __schema: Record<string, { name: string; fields: { name: string }[] } | null> } };
  return new Set(Object.values(data.__schema).flatMap((type) => type?.fields.map((f) => `${type.name}.${f.name}`) ?? []));
}

const notAvailable = (name: string, missing: string[]): ScenarioResult => ({ name, skipped: `${missing.join(', ')} not in the API yet` });

async function runScenarios(databaseUrl: string, actors: Actors, settings: BenchSettings): Promise<ScenarioResult[]> {
  const env = serverEnv(databaseUrl);
  const servers = await Promise.all([
    ChildServer.start('./app-process.ts', env),
    ChildServer.start('./baseline/server.ts', env),
    ChildServer.start('./app-process.ts', { ...env, BENCH_COUNT_STATEMENTS: '1' }),
  ]);
  const [app, baseline, counter] = servers;
  try {
    const fields = await schemaFields(app.url);
    const missing = (needs: string[]) => needs.filter((field) => !fields.has(field));
    const results: ScenarioResult[] = [];
    const chosen = (name: string) => !settings.only || name.includes(settings.only);
    const scenarios = httpScenarios(actors, settings);
    const newTab = scenarios.find((s) => s.name === NEW_TAB)!;
    if (chosen(NEW_TAB) && !missing(newTab.needs).length) await warmUp([app, baseline], newTab, settings);
    for (const scenario of scenarios.filter((s) => chosen(s.name))) {
      if (missing(scenario.needs).length) {
        results.push(notAvailable(scenario.name, missing(scenario.needs)));
        continue;
      }
      console.log(`… ${scenario.name}`);
      results.push(await runHttpScenario(app, counter, scenario, settings));
      if (scenario.name === NEW_TAB) results.push(await runBaseline(baseline, app, scenario, settings));
    }
    if (chosen(SOAK)) {
      console.log(`… ${SOAK} (${settings.soakSeconds} s)`);
      results.push(await runSoak(env, actors, settings));
    }
    const alertNeeds = missing(['Subscription.leadAlerts', 'Mutation.submitInquiry']);
    if (!chosen(ALERTS)) return results;
    if (alertNeeds.length) {
      results.push(notAvailable(ALERTS, alertNeeds));
    } else {
      console.log(`… ${ALERTS}`);
      // Alerts cross processes: the app's own when it has several, else those of a second server.
      const processes = benchApiProcesses();
      const second = processes === 1 ? await ChildServer.start('./app-process.ts', env) : null;
      if (second) servers.push(second);
      results.push(await runAlerts(second ? [app, second] : [app], Math.max(2, processes), actors, settings, databaseUrl));
    }
    return results;
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
  }
}

/**
 * BENCH_REUSE_DATABASE names a database an earlier run loaded (kept, not dropped, and not loaded
 * again): to compare two trees on the same rows without waiting for a SCALE=10 load each time. Its
 * rows drift with each run's writes, so figures for the README come from fresh runs.
 */
async function databaseFor(settings: BenchSettings): Promise<BenchDatabase & { load: LoadResult }> {
  const reused = process.env.BENCH_REUSE_DATABASE;
  if (reused) return { url: reused, drop: async () => undefined, load: { seconds: 0, steps: {}, rows: {}, reused: true } };
  const database = await freshDatabase();
  console.log(`Loading ${settings.size.partners} partners and ${settings.size.inquiries} inquiries…`);
  const load = await loadData(database.url, settings.size);
  const steps = Object.entries(load.steps).map(([name, seconds]) => `${name} ${seconds.toFixed(1)} s`);
  console.log(`Loaded in ${load.seconds.toFixed(1)} s (${steps.join(', ')})`);
  return { ...database, load };
}

async function main(): Promise<BenchReport> {
  const settings = settingsFrom(process.argv.slice(2));
  const before = loadAverage();
  const database = await databaseFor(settings);
  try {
    const load = database.load;
    const scenarios = await runScenarios(database.url, await prepareActors(database.url, settings), settings);
    const baselineRatio = settings.quick ? undefined : applyTargets(scenarios);
    return {
      settings: { quick: settings.quick, scale: settings.scale, size: settings.size },
      load,
      scenarios,
      baselineRatio,
      loadAverage: { before, after: loadAverage() },
      cpus: os.cpus().length,
    };
  } finally {
    await database.drop();
  }
}

const report = await main();
const { json, compare } = settingsFrom(process.argv.slice(2));
const comparison = compare ? compareTargets(report, JSON.parse(fs.readFileSync(compare, 'utf8')) as BenchReport) : [];
console.log(`\n${formatReport(report)}`);
for (const line of comparison) console.log(line);
for (const failed of report.scenarios.filter((r) => r.errors)) console.log(`${failed.name}: ${failed.errors} errors, e.g. ${failed.note}`);
if (json) fs.writeFileSync(json, JSON.stringify(report, null, 2));
process.exit(report.scenarios.some((r) => r.errors) ? 1 : 0);
