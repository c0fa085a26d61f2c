import { isDeepStrictEqual } from 'node:util';
import type { BenchSettings } from '../config.js';
import type { ChildServer } from '../ipc.js';
import type { ScenarioResult } from '../report.js';
import { measure, sendOne } from './http-load.js';
import type { HttpScenario } from './http.js';
import { loadFor } from './run-http.js';

/**
 * The same NEW-tab requests against the plain `pg` endpoint, after checking that it answers with
 * exactly the JSON the API gives: otherwise the comparison would not be fair.
 */
export async function runBaseline(baseline: ChildServer, app: ChildServer, scenario: HttpScenario, settings: BenchSettings): Promise<ScenarioResult> {
  const plan = scenario.plans[0];
  const [ours, theirs] = await Promise.all([sendOne(app.url, scenario.document, plan), sendOne(baseline.url, scenario.document, plan)]);
  // The answers' data must match; the API's extensions (cost, rate limit) have no counterpart there.
  const same = isDeepStrictEqual(JSON.parse(ours.text).data, JSON.parse(theirs.text).data);
  const load = await measure(baseline, scenario.document, scenario.plans, loadFor(settings, scenario.connections));
  return {
    name: `${scenario.name}: raw-SQL baseline`, connections: scenario.connections, ...load,
    errors: load.errors + (same ? 0 : 1), statements: { min: 1, max: 1 },
    note: same ? undefined : `the baseline's JSON differs from the API's: ${theirs.text.slice(0, 200)} vs ${ours.text.slice(0, 200)}`,
  };
}
