import type { ChildServer } from '../ipc.js';
import type { BenchSettings } from '../config.js';
import type { ScenarioResult } from '../report.js';
import { measure, runLoad, sendOne, type RequestPlan } from './http-load.js';
import type { HttpScenario } from './http.js';

/**
 * Sends a few requests one at a time to the counting process, so each request's own statement count
 * is known (under load only an average could be, and query logging would slow the load server).
 */
async function countStatements(counter: ChildServer, scenario: HttpScenario, plans: RequestPlan[]) {
  const counts: number[] = [];
  let failure: string | undefined;
  for (const plan of plans) {
    const before = await counter.ask<number>('statements');
    const answer = await sendOne(counter.url, scenario.document, plan);
    counts.push((await counter.ask<number>('statements')) - before);
    if (!answer.clean) failure ??= answer.text.slice(0, 300);
  }
  return { statements: { min: Math.min(...counts), max: Math.max(...counts) }, failures: failure ? 1 : 0, failure };
}

/** How long or how much to load a scenario whose requests may repeat. */
export const loadFor = (settings: BenchSettings, connections: number) =>
  settings.requests
    ? { connections, amount: settings.requests }
    : { connections, seconds: settings.seconds, warmUpSeconds: Math.max(1, settings.seconds / 5) };

/**
 * Before anything is measured, each server serves this scenario for one measuring time, so that all
 * are measured warm, as production runs them: V8 compiles the hot paths in the first seconds of
 * traffic, which otherwise counted against whichever scenario came first (by budget run first: 4.1 ms
 * of CPU per page; after the NEW tab: 3.0).
 */
export async function warmUp(servers: ChildServer[], scenario: HttpScenario, settings: BenchSettings): Promise<void> {
  if (settings.requests) return;
  for (const server of servers) {
    await runLoad(server.url, scenario.document, scenario.plans, { connections: scenario.connections, seconds: settings.seconds });
  }
}

export async function runHttpScenario(
  app: ChildServer,
  counter: ChildServer,
  scenario: HttpScenario,
  settings: BenchSettings,
): Promise<ScenarioResult> {
  const sampled = scenario.plans.slice(0, settings.samples);
  const counted = await countStatements(counter, scenario, sampled);
  const plans = scenario.once ? scenario.plans.slice(sampled.length) : scenario.plans;
  const load = await measure(
    app,
    scenario.document,
    plans,
    scenario.once ? { connections: scenario.connections, amount: plans.length } : loadFor(settings, scenario.connections),
  );
  return {
    name: scenario.name,
    connections: scenario.connections,
    ...load,
    errors: load.errors + counted.failures,
    statements: counted.statements,
    note: counted.failure,
  };
}
