import type { ScenarioResult } from './report.js';
import { NEW_TAB, SUBMIT_OPEN } from './scenarios/http.js';
import { ALERTS } from './scenarios/alerts.js';
import { SOAK, type SoakResult } from './scenarios/soak.js';

/** The targets for this 2-core machine at the default scale. */
export function applyTargets(results: ScenarioResult[]): { throughput: number; p99: number } | undefined {
  const find = (prefix: string) => results.find((r) => r.name.startsWith(prefix) && !r.skipped);
  const page = find(NEW_TAB);
  const baseline = find(`${NEW_TAB}: raw-SQL baseline`);
  const ratio = page && baseline ? { throughput: page.throughput! / baseline.throughput!, p99: page.p99! / baseline.p99! } : undefined;
  if (page && ratio) {
    page.targets = [
      { text: 'p99 < 50 ms', met: page.p99! < 50 },
      { text: `≥ 40% of baseline req/s (${(ratio.throughput * 100).toFixed(0)}%)`, met: ratio.throughput >= 0.4 },
      { text: 'same SQL count every page', met: page.statements!.min === page.statements!.max },
    ];
  }
  const submit = find(SUBMIT_OPEN);
  if (submit) submit.targets = [{ text: 'p99 < 100 ms', met: submit.p99! < 100 }];
  const alerts = find(ALERTS);
  if (alerts) alerts.targets = [{ text: 'p99 < 250 ms', met: alerts.p99! < 250 }];
  const soak = find(SOAK) as SoakResult | undefined;
  if (soak) soak.targets = [{ text: `RSS growth < 10% (${soak.rssGrowthPercent.toFixed(1)}%)`, met: soak.rssGrowthPercent < 10 }];
  return ratio;
}
