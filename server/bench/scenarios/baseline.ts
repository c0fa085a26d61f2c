import { isDeepStrictEqual } from 'node:util';
import type { BenchSettings } from '../config.js';
import type { ChildServer } from '../ipc.js';
import type { ScenarioResult } from '../report.js';
import { measure, sendOne } from './http-load.js';
import type { HttpScenario } from './http.js';
import { loadFor } from './run-http.js';

/** Where two JSON values first differ, as a path with both values; null when they are equal. */
function firstDifference(a: unknown, b: unknown, path = '$'): string | null {
  if (isDeepStrictEqual(a, b)) return null;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const found = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`);
      if (found) return found;
    }
  }
  return `${path}: API ${JSON.stringify(a)}, baseline ${JSON.stringify(b)}`;
}

/**
 * The same NEW-tab requests against the plain `pg` endpoint, after checking that it answers with
 * exactly the data the API gives: otherwise the comparison would not be fair.
 */
export async function runBaseline(
  baseline: ChildServer,
  app: ChildServer,
  scenario: HttpScenario,
  settings: BenchSettings,
): Promise<ScenarioResult> {
  const plan = scenario.plans[0];
  const [ours, theirs] = await Promise.all([sendOne(app.url, scenario.document, plan), sendOne(baseline.url, scenario.document, plan)]);
  // The data must match; the API's extensions (cost, rate limit) have no counterpart in a plain endpoint.
  const difference = firstDifference(JSON.parse(ours.text).data, JSON.parse(theirs.text).data);
  const load = await measure(baseline, scenario.document, scenario.plans, loadFor(settings, scenario.connections));
  return {
    name: `${scenario.name}: raw-SQL baseline`,
    connections: scenario.connections,
    ...load,
    errors: load.errors + (difference ? 1 : 0),
    statements: { min: 1, max: 1 },
    note: difference ? `the baseline's JSON differs from the API's at ${difference}` : undefined,
  };
}
