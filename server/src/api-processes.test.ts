import fs from 'node:fs';
import os from 'node:os';
import http from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Role } from '@slp/shared';
import { eventually, startTestApp, type TestApp } from '../test/harness.js';
import { PASSWORD, World, inquiryInput, submitInquiry } from '../test/fixtures.js';
import { outboxOf, partnerWithMembers } from '../test/notifications.js';
import { EmailStatus } from './notifications/outbox-email.entity.js';
import { startServerProcess, type ServerProcess } from '../test/server-process.js';
import { apiProcessCount } from './config.js';

const LOG_IN = `mutation($input: LogInInput!) { logIn(input: $input) { viewer { user { email } } userErrors { code } } }`;

let app: TestApp;
let server: ServerProcess;

// The server as production runs it with WEB_CONCURRENCY=2; the test app only prepares data.
beforeAll(async () => {
  app = await startTestApp({ notifications: { deliver: false }, deadlineJobs: { run: false } });
  server = await startServerProcess({ DATABASE_URL: app.databaseUrl, WEB_CONCURRENCY: '2' });
});
afterAll(async () => {
  await server?.kill();
  await app?.close();
});

/** The pids of the processes `parent` started (Linux's /proc). */
function childrenOf(parent: number): number[] {
  return fs
    .readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        return Number(fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[1]) === parent;
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** One log-in on a connection of its own, so that each may reach another process. */
function logIn(email: string, password: string): Promise<string> {
  const body = JSON.stringify({ query: LOG_IN, variables: { input: { email, password } } });
  return new Promise((resolve, reject) => {
    const request = http.request(
      server.url,
      { method: 'POST', agent: false, headers: { 'content-type': 'application/json' } },
      (response) => {
        let text = '';
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => {
          const answer = JSON.parse(text);
          resolve(answer.errors?.[0]?.extensions?.code ?? (answer.data.logIn.viewer ? 'LOGGED_IN' : answer.data.logIn.userErrors[0].code));
        });
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

it('takes WEB_CONCURRENCY, else one process per core in production and one in development', () => {
  expect(apiProcessCount('3', false)).toBe(3);
  expect(apiProcessCount(undefined, false)).toBe(1);
  expect(apiProcessCount(undefined, true)).toBe(os.availableParallelism());
  expect(() => apiProcessCount('two', true)).toThrow('WEB_CONCURRENCY must be a whole number of processes, 1 or more, not "two"');
  expect(() => apiProcessCount('0', true)).toThrow('not "0"');
});

it('serves from two processes, which count failed log-ins together', async () => {
  expect(childrenOf(server.pid)).toHaveLength(2);
  const { email } = await new World(app).user(Role.SELLER);
  // Ten failures, alternately on each process: counted apart, each would have seen five of the ten allowed.
  for (let n = 0; n < 10; n += 1) expect(await logIn(email, 'wrong password')).toBe('UNAUTHENTICATED');
  expect(await logIn(email, PASSWORD)).toBe('RATE_LIMITED');
});

/** The API processes the primary named as the one running the background work, in order. */
const backgroundProcesses = () =>
  [...server.output().matchAll(/API process (\d+) runs the background work/g)].map((match) => Number(match[1]));

/** graphile-worker's job listeners on the test database: one for each process running deadline jobs. */
async function deadlineJobListeners(): Promise<number> {
  const [{ count }] = await app.orm.em
    .getConnection()
    .execute<{ count: number }[]>(
      `select count(*)::int as count from pg_stat_activity where datname = current_database() and query like 'LISTEN "jobs:insert"%'`,
    );
  return count;
}

/** Submits an inquiry to a new partner (through the test app) and waits for the server to send its emails. */
async function emailsGoOut(): Promise<EmailStatus[]> {
  const world = new World(app);
  const partner = await partnerWithMembers(world, 1);
  const { inquiry } = await submitInquiry(await world.seller(), inquiryInput({ targetServiceIds: [partner.services[0]] }));
  const lead = inquiry.leads.edges[0].node.id as string;
  return eventually(async () => {
    const statuses = (await outboxOf(app, lead)).map((row) => row.status);
    return statuses.length > 0 && statuses.every((status) => status === EmailStatus.SENT) && statuses;
  });
}

it('runs the background work in one of its processes, and in the one that replaces it', async () => {
  const [first] = backgroundProcesses();
  expect(backgroundProcesses()).toHaveLength(1);
  expect(childrenOf(server.pid)).toContain(first);
  expect(await deadlineJobListeners()).toBe(1);
  expect(await emailsGoOut()).toEqual([EmailStatus.SENT]);

  process.kill(first, 'SIGKILL');
  const [, second] = await eventually(() => backgroundProcesses().length === 2 && backgroundProcesses());
  expect(second).not.toBe(first);
  expect(await eventually(async () => childrenOf(server.pid).includes(second) && (await deadlineJobListeners()) === 1)).toBe(true);
  expect(await emailsGoOut()).toEqual([EmailStatus.SENT]);
});

it('replaces a process that dies, and stops them all on SIGTERM', async () => {
  const [dying, staying] = childrenOf(server.pid);
  process.kill(dying, 'SIGKILL');
  const now = await eventually(() => {
    const children = childrenOf(server.pid);
    return children.length === 2 && !children.includes(dying) && children;
  });
  expect(now).toContain(staying);
  const { email } = await new World(app).user(Role.SELLER);
  expect(await Promise.all([1, 2, 3, 4].map(() => logIn(email, PASSWORD)))).toEqual(['LOGGED_IN', 'LOGGED_IN', 'LOGGED_IN', 'LOGGED_IN']);

  const workers = childrenOf(server.pid);
  await server.kill('SIGTERM');
  expect(workers.filter((pid) => fs.existsSync(`/proc/${pid}`))).toEqual([]);
  expect(server.output()).toContain('SIGTERM: shutting down');
  // Each process stopped on its own SIGTERM, the replacement too: the primary had to kill none.
  expect(server.output()).not.toContain('did not stop within');
});
