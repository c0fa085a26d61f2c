import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { expect, inject, test } from 'vitest';
import type { BenchReport } from '../bench/report.js';

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Runs a benchmark script with --quick against the test server and returns its --json report. */
async function quickRun<T>(script: string): Promise<T> {
  const json = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'slp-bench-test-')), 'report.json');
  await promisify(execFile)(process.execPath, ['--import', 'tsx', script, '--quick', '--json', json], {
    cwd: serverDir,
    env: { ...process.env, DATABASE_URL: inject('adminUrl') },
    maxBuffer: 10_000_000,
  }).catch((error: Error & { stdout?: string }) => {
    throw new Error(`${error.message}\n${error.stdout}`);
  });
  const report = JSON.parse(fs.readFileSync(json, 'utf8')) as T;
  fs.rmSync(path.dirname(json), { recursive: true, force: true });
  return report;
}

// Smoke tests of the benchmarks, in one file so they never load the machine at the same time.
// Never a timing.
test('the quick benchmark runs every scenario without errors', async () => {
  const report = await quickRun<BenchReport>('bench/run.ts');

  expect(report.load.rows.leads).toBeGreaterThan(0);
  for (const scenario of report.scenarios) {
    // Every API a scenario calls exists now: none may be skipped.
    expect(scenario.skipped).toBeUndefined();
    expect({ name: scenario.name, errors: scenario.errors, note: scenario.note }).toEqual({
      name: scenario.name,
      errors: 0,
      note: undefined,
    });
    expect(scenario.requests).toBeGreaterThan(0);
  }
}, 180_000);

interface MatchingFigures {
  strategy: string;
  fitVsBest: number;
  leadsPerInquiry: number;
  gini: number;
}

// The synthetic market still loads as the schema moves, and the real assignment runs on it; the
// seeded figures only have to beat random.
test('the quick matching benchmark runs and the platform beats random assignment', async () => {
  const report = await quickRun<{ quality: MatchingFigures[]; timing: { candidates: number } }>('bench/matching.ts');

  const [platform, , random, roundRobin] = report.quality;
  expect([platform.strategy, random.strategy, roundRobin.strategy]).toEqual(['platform (default weights)', 'random', 'round-robin']);
  expect(platform.leadsPerInquiry).toBeGreaterThan(0);
  expect(platform.fitVsBest).toBeGreaterThan(random.fitVsBest);
  expect(roundRobin.gini).toBeLessThan(platform.gini);
  expect(report.timing.candidates).toBe(500);
}, 120_000);
