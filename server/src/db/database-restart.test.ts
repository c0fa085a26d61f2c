import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { MikroORM } from '@mikro-orm/postgresql';
import { startEmbeddedPostgres, type RunningPostgres } from './embedded-postgres.js';
import { openDatabase } from './orm.js';
import { startApp, type RunningApp } from '../app.js';
import { eventually, GraphQLClient, type TestApp } from '../../test/harness.js';
import { inquiryInput, submitInquiry, World } from '../../test/fixtures.js';
import { LiveSubscription } from '../../test/live.js';

/** The app on its own embedded PostgreSQL, which this test stops and starts again under it. */
let dir: string;
let postgres: RunningPostgres;
let orm: MikroORM;
let app: RunningApp;
let world: World;
const DATABASE = 'slp_restart';

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'slp-restart-'));
  postgres = await startEmbeddedPostgres(dir, { database: DATABASE, durable: false });
  orm = await openDatabase(postgres.url);
  app = await startApp({ orm, port: 0, production: true, notifications: { deliver: false } });
  world = new World({ url: app.url, orm, client: () => new GraphQLClient(app.url) } as TestApp);
});
afterAll(async () => {
  await app?.close();
  await orm?.close();
  await postgres?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const origin = () => app.url.replace(/\/graphql$/, '');
const VIEWER = '{ viewer { user { email } } }';

it('answers 503 with Retry-After and a code while PostgreSQL is down, and recovers by itself, subscriptions too', async () => {
  const { partnerId, services, member } = await world.partner();
  const partnerClient = await member();
  const seller = await world.seller();
  const alerts = new LiveSubscription(app.url, `subscription { leadAlerts { type lead { partner { id } } } }`, {
    cookie: partnerClient.cookie,
  });
  await alerts.ready();

  await postgres.stop();
  expect((await fetch(`${origin()}/healthz`)).status).toBe(200);
  for (let n = 0; n < 3; n += 1) {
    const response = await fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: seller.cookie! },
      body: JSON.stringify({ query: VIEWER }),
    });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect((await response.json()).errors).toEqual([
      { message: 'The database is unavailable; try again shortly', extensions: { code: 'SERVICE_UNAVAILABLE' } },
    ]);
  }
  // A new subscriber is told to try again later (1013), which clients retry, not Forbidden (4403).
  const meanwhile = new LiveSubscription(app.url, 'subscription { leadAlerts { type } }', { cookie: partnerClient.cookie });
  expect(await eventually(() => meanwhile.closeCode ?? undefined)).toBe(1013);
  const readyz = await fetch(`${origin()}/readyz`);
  expect(readyz.status).toBe(503);
  expect((await readyz.json()).errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');

  postgres = await startEmbeddedPostgres(dir, { database: DATABASE, durable: false, port: postgres.port });
  await eventually(async () => (await fetch(`${origin()}/readyz`)).status === 200, 20_000);
  expect(await seller.request(VIEWER)).toEqual({ viewer: { user: { email: expect.stringMatching(/^seller/) } } });
  // The change listener reconnects in about a second: an alert committed after that reaches the old subscription.
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  const submitted = await submitInquiry(seller, inquiryInput({ targetServiceIds: [services[0]] }));
  expect(submitted.userErrors).toEqual([]);
  expect((await alerts.nth(0, 15_000)).data.leadAlerts).toEqual({ type: 'NEW_LEAD', lead: { partner: { id: partnerId } } });
  expect(alerts.closeCode).toBeNull();
  await alerts.close();
});
