import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { nodeFlags } from '../build.js';

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

describe('the Node flags production runs the server with', () => {
  it('are the lines of node-flags, its comments left out', () => {
    expect(nodeFlags()).toEqual(['--max-semi-space-size=32', '--heap-growing-percent=100']);
  });

  it('are what pnpm start passes to node, and Node takes them', () => {
    const start = JSON.parse(fs.readFileSync(path.join(serverDir, 'package.json'), 'utf8')).scripts.start as string;
    const [, serve] = start.split(' && ');
    expect(serve).toMatch(/ dist\/main\.mjs$/);
    const probe = serve.replace('dist/main.mjs', `-p 'process.execArgv.slice(0, -2).join(" ")'`);
    expect(execFileSync('sh', ['-c', probe], { cwd: serverDir, encoding: 'utf8' }).trim()).toBe(nodeFlags().join(' '));
  });
});
