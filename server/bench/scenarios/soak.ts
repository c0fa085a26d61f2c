import type { Actors } from '../actors.js';
import type { BenchSettings } from '../config.js';
import { ChildServer } from '../ipc.js';
import type { ScenarioResult } from '../report.js';
import { runLoad, type RequestPlan } from './http-load.js';
import { httpScenarios, SUBMIT_OPEN } from './http.js';

export const SOAK = 'soak: mixed reads and writes';

export interface SoakResult extends ScenarioResult {
  rssGrowthPercent: number;
}

/**
 * Every HTTP scenario that may repeat, interleaved (a submit after every four reads), each request
 * carrying its own document.
 */
function mixedPlans(actors: Actors, settings: BenchSettings): RequestPlan[] {
  const repeatable = httpScenarios(actors, settings).filter((scenario) => !scenario.once);
  const reads = repeatable.filter((scenario) => scenario.name !== SUBMIT_OPEN);
  const submits = repeatable.find((scenario) => scenario.name === SUBMIT_OPEN)!;
  const length = Math.max(...reads.map((scenario) => scenario.plans.length));
  return Array.from({ length }, (_, i) => {
    const read = reads[i % reads.length];
    const plan = { ...read.plans[i % read.plans.length], document: read.document };
    return i % 4 === 3 ? [plan, { ...submits.plans[i % submits.plans.length], document: submits.document }] : [plan];
  }).flat();
}

/**
 * A long run of what users do, on a fresh app process, to see memory hold still: its RSS after a
 * warm-up against its RSS at the end, each after a full collection (and the highest sampled between).
 */
export async function runSoak(env: Record<string, string>, actors: Actors, settings: BenchSettings): Promise<SoakResult> {
  const app = await ChildServer.start('./app-process.ts', env);
  const connections = settings.readConnections;
  try {
    const plans = mixedPlans(actors, settings);
    await runLoad(app.url, '', plans, { connections, seconds: Math.max(3, settings.soakSeconds / 10) });
    // Both ends are read right after a full collection, so the growth is memory kept, not GC timing.
    const start = await app.ask<number>('rssAfterGcMb');
    const heapStart = await app.ask<number>('heapAfterGcMb');
    let highest = start;
    const sampler = setInterval(() => {
      void app.ask<number>('rssMb').then((rss) => {
        highest = Math.max(highest, rss);
      });
    }, 2_000);
    const load = await runLoad(app.url, '', plans, { connections, seconds: settings.soakSeconds }).finally(() => clearInterval(sampler));
    const end = await app.ask<number>('rssAfterGcMb');
    const heapEnd = await app.ask<number>('heapAfterGcMb');
    const rssGrowthPercent = ((end - start) / start) * 100;
    return {
      name: SOAK,
      connections,
      ...load,
      peakRssMb: await app.ask<number>('peakRssMb'),
      rssGrowthPercent,
      detail:
        `${settings.soakSeconds} s; RSS after a full GC ${start} MB after the warm-up, ${end} MB at the end (${rssGrowthPercent.toFixed(1)}%), ` +
        `at most ${highest} MB sampled; JavaScript heap after a full GC ${heapStart} → ${heapEnd} MB`,
    };
  } finally {
    await app.stop();
  }
}
