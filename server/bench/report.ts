import os from 'node:os';
import type { LoadResult as DataLoadResult } from './data/load.js';
import type { BenchSettings } from './config.js';

export interface ScenarioResult extends Partial<{ p50: number; p95: number; p99: number; throughput: number }> {
  name: string;
  connections?: number;
  requests?: number;
  errors?: number;
  /** SQL statements per request, fewest and most over the counted sample requests. */
  statements?: { min: number; max: number };
  peakRssMb?: number;
  /** CPU time of the serving process per request (robust to a busy machine, unlike latency). */
  cpuMsPerRequest?: number;
  /** Why it did not run, e.g. its API is not on main yet. */
  skipped?: string;
  /** The first error seen. */
  note?: string;
  /** What else a reader needs to know to read the figures. */
  detail?: string;
  /** The issue's goals for this scenario, each met or not. */
  targets?: { text: string; met: boolean }[];
}

export interface BenchReport {
  settings: Pick<BenchSettings, 'quick' | 'scale' | 'size'>;
  load: DataLoadResult;
  scenarios: ScenarioResult[];
  baselineRatio?: { throughput: number; p99: number };
  loadAverage: { before: number[]; after: number[] };
  cpus: number;
}

const ms = (value?: number) => (value == null || Number.isNaN(value) ? '' : value < 10 ? value.toFixed(1) : value.toFixed(0));
const columns = [
  'scenario',
  'conns',
  'requests',
  'p50 ms',
  'p95 ms',
  'p99 ms',
  'req/s',
  'errors',
  'SQL/req',
  'CPU ms/req',
  'peak RSS MB',
  'target',
];

function cellsOf(r: ScenarioResult): string[] {
  if (r.skipped) return [r.name, '', '', '', '', '', '', '', '', '', '', `not available: ${r.skipped}`];
  const statements = !r.statements
    ? ''
    : r.statements.min === r.statements.max
      ? String(r.statements.min)
      : `${r.statements.min}–${r.statements.max}`;
  const target = (r.targets ?? []).map((goal) => `${goal.text}: ${goal.met ? 'met' : 'MISSED'}`).join('; ');
  return [
    r.name,
    String(r.connections ?? ''),
    String(r.requests ?? ''),
    ms(r.p50),
    ms(r.p95),
    ms(r.p99),
    r.throughput == null ? '' : r.throughput.toFixed(0),
    String(r.errors ?? ''),
    statements,
    ms(r.cpuMsPerRequest),
    String(r.peakRssMb ?? ''),
    target,
  ];
}

/** A Markdown table, so the same text goes to the terminal and the README. */
export function formatTable(results: ScenarioResult[]): string {
  const rows = [columns, ...results.map(cellsOf)];
  const widths = columns.map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  const line = (row: string[]) => `| ${row.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  return [line(rows[0]), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n');
}

export function formatReport(report: BenchReport): string {
  const { size } = report.settings;
  const rows = Object.entries(report.load.rows)
    .map(([table, n]) => `${table} ${n.toLocaleString('en')}`)
    .join(', ');
  const load = (values: number[]) => values.map((v) => v.toFixed(2)).join(' ');
  const loaded = report.load.reused ? 'a database loaded before' : `loaded in ${report.load.seconds.toFixed(1)} s — ${rows}`;
  return [
    `Data (${report.settings.quick ? 'quick' : `SCALE=${report.settings.scale}`}: ${size.partners} partners, ${size.inquiries} inquiries): ${loaded}`,
    '',
    formatTable(report.scenarios),
    ...report.scenarios.filter((r) => r.detail).map((r) => `${r.name}: ${r.detail}`),
    '',
    report.baselineRatio
      ? `GraphQL / raw-SQL baseline, NEW tab page: throughput ${(report.baselineRatio.throughput * 100).toFixed(0)}%, p99 ${report.baselineRatio.p99.toFixed(2)}×`
      : 'GraphQL / raw-SQL baseline: not measured',
    `Machine: ${report.cpus} CPUs, load average ${load(report.loadAverage.before)} before, ${load(report.loadAverage.after)} after`,
  ].join('\n');
}

export const loadAverage = () => os.loadavg();
