import type { BenchReport, ScenarioResult } from './report.js';
import { NEW_TAB, NEW_TAB_BY_BUDGET, NEW_TAB_SEARCH, SUBMIT_OPEN } from './scenarios/http.js';
import { ALERTS } from './scenarios/alerts.js';
import { SOAK, type SoakResult } from './scenarios/soak.js';

type Target = { text: string; met: boolean };
const target = (text: string, met: boolean): Target => ({ text, met });
/** A result of the named scenario; some results add their parameters, e.g. "leadAlerts: … (1000 subscribers, 2 processes)". */
const isScenario = (r: ScenarioResult, name: string) => r.name === name || r.name.startsWith(`${name} (`);
const find = (results: ScenarioResult[], name: string) => results.find((r) => isScenario(r, name) && !r.skipped);

/** The issues' targets for this 2-core machine at the default scale (issue 21 for the pages and memory). */
export function applyTargets(results: ScenarioResult[]): { throughput: number; p99: number } | undefined {
  const page = find(results, NEW_TAB);
  const baseline = find(results, `${NEW_TAB}: raw-SQL baseline`);
  const ratio = page && baseline ? { throughput: page.throughput! / baseline.throughput!, p99: page.p99! / baseline.p99! } : undefined;
  if (page && ratio) {
    page.targets = [
      target(`≥ 60% of baseline req/s (${(ratio.throughput * 100).toFixed(0)}%)`, ratio.throughput >= 0.6),
      target(`p99 ≤ 1.8× baseline's (${ratio.p99.toFixed(2)}×)`, ratio.p99 <= 1.8),
      target('same SQL count every page', page.statements!.min === page.statements!.max),
      target(`peak RSS < 300 MB (${page.peakRssMb} MB)`, page.peakRssMb! < 300),
    ];
  }
  for (const name of [NEW_TAB_BY_BUDGET, NEW_TAB_SEARCH]) {
    const other = find(results, name);
    if (!other || !page) continue;
    const cpu = other.cpuMsPerRequest! / page.cpuMsPerRequest!;
    other.targets = [target(`CPU ≤ 1.3× NEW tab's (${cpu.toFixed(2)}×)`, cpu <= 1.3)];
  }
  const submit = find(results, SUBMIT_OPEN);
  if (submit) submit.targets = [target('p99 < 100 ms', submit.p99! < 100)];
  const alerts = find(results, ALERTS);
  if (alerts) alerts.targets = [target('p99 < 250 ms', alerts.p99! < 250)];
  const soak = find(results, SOAK) as SoakResult | undefined;
  if (soak) soak.targets = [target(`RSS growth < 10% (${soak.rssGrowthPercent.toFixed(1)}%)`, soak.rssGrowthPercent < 10)];
  return ratio;
}

/** Scenarios whose figures a larger pool must not change much: every read, and the OPEN submit. */
const scaled = (r: ScenarioResult) =>
  r.p99 != null && !isScenario(r, SOAK) && !isScenario(r, ALERTS) && !r.name.endsWith('raw-SQL baseline');

/**
 * `--compare report.json` (a run at SCALE=1): each scenario's p99 at most 1.5× that run's and its
 * statements per request unchanged, the larger pool's load under 5 minutes (issues 16 and 21).
 */
export function compareTargets(report: BenchReport, smaller: BenchReport): string[] {
  const lines = [`Against SCALE=${smaller.settings.scale} (p99 there → here):`];
  for (const r of report.scenarios.filter(scaled)) {
    const before = find(smaller.scenarios, r.name);
    if (!before?.p99) continue;
    const growth = r.p99! / before.p99;
    const sameSql = before.statements?.max === r.statements?.max && before.statements?.min === r.statements?.min;
    r.targets = [
      ...(r.targets ?? []),
      target(
        `p99 ≤ 1.5× SCALE=${smaller.settings.scale} (${before.p99.toFixed(0)} → ${r.p99!.toFixed(0)} ms, ${growth.toFixed(2)}×)`,
        growth <= 1.5,
      ),
      target('statements unchanged', sameSql),
    ];
    lines.push(`- ${r.name}: ${growth.toFixed(2)}×, statements ${sameSql ? 'unchanged' : 'CHANGED'}`);
  }
  const { seconds, reused } = report.load;
  lines.push(
    reused
      ? '- load: not measured (a database loaded before)'
      : `- load: ${seconds.toFixed(0)} s (target under 300 s): ${seconds < 300 ? 'met' : 'MISSED'}`,
  );
  return lines;
}
