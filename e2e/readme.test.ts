import fs from 'node:fs';
import { describe, expect, it } from 'vitest';

const readme = fs.readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README set-up commands', () => {
  it('run unattended on a machine that has not fetched pnpm yet (npx -y never asks)', () => {
    const block = /```sh\n([\s\S]*?)```/.exec(readme)![1];
    const npx = (block.match(/npx [^&#\n]+/g) ?? []).map((command) => command.trim());
    expect(npx).toEqual(['npx -y pnpm@10 install', 'npx -y pnpm@10 start', 'npx -y pnpm@10 install', 'npx -y pnpm@10 test']);
  });
});
