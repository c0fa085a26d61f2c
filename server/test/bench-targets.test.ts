import 'reflect-metadata';
import { expect, it } from 'vitest';
import type { BenchReport, ScenarioResult } from '../bench/report.js';
import { applyTargets, compareTargets } from '../bench/targets.js';

const scenario = (name: string, figures: Partial<ScenarioResult>): ScenarioResult => ({
  name,
  statements: { min: 3, max: 3 },
  ...figures,
});
const report = (scale: number, seconds: number, scenarios: ScenarioResult[]) =>
  ({ settings: { scale }, load: { seconds, rows: {} }, scenarios }) as unknown as BenchReport;

it("holds the NEW tab to issue 21's ratios of the raw-SQL baseline and the other pages to its CPU", () => {
  const results = [
    scenario('NEW tab page of 50', { throughput: 300, p99: 150, cpuMsPerRequest: 2, peakRssMb: 310 }),
    scenario('NEW tab page of 50: raw-SQL baseline', { throughput: 480, p99: 100, statements: { min: 1, max: 1 } }),
    scenario('NEW tab page of 50, by budget', { cpuMsPerRequest: 2.6 }),
    scenario('NEW tab page of 50, searched', { cpuMsPerRequest: 2.7 }),
  ];
  expect(applyTargets(results)).toEqual({ throughput: 0.625, p99: 1.5 });
  expect(results.map((r) => r.targets)).toEqual([
    [
      { text: '≥ 60% of baseline req/s (63%)', met: true },
      { text: "p99 ≤ 1.8× baseline's (1.50×)", met: true },
      { text: 'same SQL count every page', met: true },
      { text: 'peak RSS < 300 MB (310 MB)', met: false },
    ],
    undefined,
    [{ text: "CPU ≤ 1.3× NEW tab's (1.30×)", met: true }],
    [{ text: "CPU ≤ 1.3× NEW tab's (1.35×)", met: false }],
  ]);
});

it('holds a larger pool to 1.5× the p99 of SCALE=1 with the same statements, and its load to 5 minutes', () => {
  const small = report(1, 17, [scenario('leadCounts', { p99: 40 }), scenario('lead detail (node)', { p99: 60 })]);
  const large = report(10, 301, [
    scenario('leadCounts', { p99: 60 }),
    scenario('lead detail (node)', { p99: 50, statements: { min: 4, max: 4 } }),
    scenario('soak: mixed reads and writes', { p99: 900 }),
  ]);
  expect(compareTargets(large, small)).toEqual([
    'Against SCALE=1 (p99 there → here):',
    '- leadCounts: 1.50×, statements unchanged',
    '- lead detail (node): 0.83×, statements CHANGED',
    '- load: 301 s (target under 300 s): MISSED',
  ]);
  expect(large.scenarios[0].targets).toEqual([
    { text: 'p99 ≤ 1.5× SCALE=1 (40 → 60 ms, 1.50×)', met: true },
    { text: 'statements unchanged', met: true },
  ]);
  expect(large.scenarios[1].targets![1]).toEqual({ text: 'statements unchanged', met: false });
  expect(large.scenarios[2].targets).toBeUndefined();
});

it("finds the alerts by their name's stem, which their result extends with its parameters", () => {
  const alerts = scenario('leadAlerts: submit → delivery (1000 subscribers, 2 processes)', { p99: 300 });
  applyTargets([alerts]);
  expect(alerts.targets).toEqual([{ text: 'p99 < 250 ms', met: false }]);
  const small = report(1, 17, [scenario(alerts.name, { p99: 100 })]);
  const large = report(10, 160, [scenario(alerts.name, { p99: 300 })]);
  // Deliveries are not a read: the larger pool's figure is reported, not held to 1.5×.
  expect(compareTargets(large, small)).toEqual(['Against SCALE=1 (p99 there → here):', '- load: 160 s (target under 300 s): met']);
});

it('holds no load to its target when the run reused a database loaded before', () => {
  const small = report(1, 17, []);
  const reused = { ...report(10, 0, []), load: { seconds: 0, rows: {}, reused: true } } as BenchReport;
  expect(compareTargets(reused, small)).toEqual(['Against SCALE=1 (p99 there → here):', '- load: not measured (a database loaded before)']);
});
