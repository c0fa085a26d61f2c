import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { expect, inject, test } from 'vitest';

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface Figures { strategy: string; top3Overlap: number; fitVsBest: number; leadsPerInquiry: number; gini: number }

// A smoke test of `pnpm bench:matching --quick`: the synthetic market still loads and the real
// assignment runs against it. Never a timing; the seeded figures only have to beat random.
test('the quick matching benchmark runs and the platform beats random assignment', async () => {
  const json = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'slp-bench-matching-')), 'report.json');
  await promisify(execFile)(process.execPath, ['--import', 'tsx', 'bench/matching.ts', '--quick', '--json', json], {
    cwd: serverDir, env: { ...process.env, DATABASE_URL: inject('adminUrl') }, maxBuffer: 10_000_000,
  }).catch((error: Error & { stdout?: string }) => { throw new Error(`${error.message}\n${error.stdout}`); });
  const report = JSON.parse(fs.readFileSync(json, 'utf8')) as { quality: Figures[]; timing: { candidates: number } };
  fs.rmSync(path.dirname(json), { recursive: true, force: true });

  const [platform, , random, roundRobin] = report.quality;
  expect([platform.strategy, random.strategy, roundRobin.strategy]).toEqual(['platform (default weights)', 'random', 'round-robin']);
  expect(platform.leadsPerInquiry).toBeGreaterThan(0);
  expect(platform.fitVsBest).toBeGreaterThan(random.fitVsBest);
  expect(roundRobin.gini).toBeLessThan(platform.gini);
  expect(report.timing.candidates).toBe(500);
}, 120_000);
