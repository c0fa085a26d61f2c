import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../../test/server-process.js';
import { GraphQLClient } from '../../test/harness.js';
import { PASSWORD } from '../../test/fixtures.js';
import { stopOrphanedPostmaster } from './embedded-postgres.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'slp-sigkill-'));
const env = { DATA_DIR: dir, DATABASE_URL: '' };
const running: ServerProcess[] = [];
afterAll(async () => {
  for (const server of running) await server.kill('SIGTERM');
  // Whatever a failed run left behind.
  await stopOrphanedPostmaster(path.join(dir, 'pg'));
  fs.rmSync(dir, { recursive: true, force: true });
});

const postmasterPid = () => Number(fs.readFileSync(path.join(dir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const SIGN_UP = `mutation($input: SignUpSellerInput!) { signUpSeller(input: $input) { userErrors { code } } }`;
const LOG_IN = `mutation($input: LogInInput!) { logIn(input: $input) { viewer { user { email } } userErrors { code } } }`;

it('starts again on the same data directory after the Node process was SIGKILLed, with its data', async () => {
  const first = await startServerProcess(env);
  running.push(first);
  const input = { email: 'survivor@shop.test', password: PASSWORD, name: 'Survivor' };
  expect(await new GraphQLClient(first.url).request(SIGN_UP, { input })).toEqual({ signUpSeller: { userErrors: [] } });
  const orphan = postmasterPid();

  // As the OOM killer would: only the Node process dies; its PostgreSQL lives on, orphaned.
  await first.kill('SIGKILL');
  expect(alive(orphan)).toBe(true);

  const second = await startServerProcess(env);
  running.push(second);
  expect(second.output()).toContain(`Stopping the PostgreSQL (pid ${orphan}) a previous run left running`);
  expect(alive(orphan)).toBe(false);
  expect(await new GraphQLClient(second.url).request(LOG_IN, { input: { email: input.email, password: PASSWORD } })).toEqual({
    logIn: { viewer: { user: { email: 'survivor@shop.test' } }, userErrors: [] },
  });
  const restarted = postmasterPid();
  await second.kill('SIGTERM');
  expect(alive(restarted)).toBe(false);
}, 180_000);
