import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startTestApp, type GraphQLClient, type TestApp } from '../server/test/harness';
import { World, apiTokenClient, type PartnerFixture } from '../server/test/fixtures';
import { leadAction, leadFor } from '../server/test/lead-fixtures';
import { signatureHeader } from '../server/src/webhooks/webhook-signature';

/**
 * examples/dashboard-sync run as a dashboard would run it, as its own process against the real app:
 * its incremental sync reports exactly what changed (ties on one timestamp included), and its
 * receiver verifies the app's signed webhooks, refuses tampered and stale ones and handles an event
 * id once.
 */
const exampleDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../examples/dashboard-sync');

interface Line {
  event: string;
  [key: string]: any;
}

/** The example's process; each line it prints is one JSON outcome. */
class Example {
  readonly lines: Line[] = [];
  private output = '';
  readonly exited: Promise<number | null>;

  constructor(private readonly child: ChildProcess) {
    let partial = '';
    child.stdout!.setEncoding('utf8').on('data', (text: string) => {
      const lines = (partial + text).split('\n');
      partial = lines.pop()!;
      for (const line of lines) if (line.trim()) this.lines.push(JSON.parse(line));
      this.output += text;
    });
    child.stderr!.setEncoding('utf8').on('data', (text: string) => {
      this.output += text;
    });
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  }

  static start(args: string[], env: Record<string, string>): Example {
    return new Example(
      spawn(process.execPath, ['main.mjs', ...args], {
        cwd: exampleDir,
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    );
  }

  waitFor(match: (line: Line) => boolean, after = 0): Promise<Line> {
    return eventually(() => this.lines.slice(after).find(match) ?? false, 20_000).catch(() => {
      throw new Error(`no such line; the example printed:\n${this.output}`);
    });
  }

  async stop() {
    this.child.kill('SIGTERM');
    await this.exited;
  }
}

let app: TestApp;
let world: World;
let partner: PartnerFixture;
let member: GraphQLClient;
let seller: GraphQLClient;
let token: string;
const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'slp-sync-'));
const stateFile = path.join(stateDir, 'state.json');

const exampleEnv = () => ({ SLP_API_URL: app.url, SLP_TOKEN: token, SLP_STATE_FILE: stateFile });

/** `node main.mjs sync`: one run, its one line. */
async function syncRun(): Promise<Line> {
  const run = Example.start(['sync'], exampleEnv());
  expect(await run.exited).toBe(0);
  expect(run.lines).toHaveLength(1);
  return run.lines[0];
}
const changedIds = (line: Line) => line.changed.map((lead: { id: string }) => lead.id).sort();

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

beforeAll(async () => {
  app = await startTestApp({ notifications: { webhooks: { pollMs: 100, gatherMs: 0 } } });
  world = new World(app);
  partner = await world.partner();
  member = await partner.member();
  seller = await world.seller();
  token = (await apiTokenClient(app, member, 'READ_ONLY')).secret;
});
afterAll(async () => {
  await app?.close();
  fs.rmSync(stateDir, { recursive: true, force: true });
});

describe('examples/dashboard-sync', () => {
  const leads: string[] = [];

  it('syncs every lead first, then exactly what changed, and a lead stamped at the cursor’s very time', async () => {
    for (let i = 0; i < 3; i += 1) leads.push(await leadFor(seller, partner));
    await leadAction(member, 'followLead', { leadId: leads[0] });

    const first = await syncRun();
    expect(changedIds(first)).toEqual([...leads].sort());
    const byId = Object.fromEntries(first.changed.map((lead: any) => [lead.id, lead]));
    expect([byId[leads[0]].status, byId[leads[0]].contactAccess]).toEqual(['FOLLOWING', 'VISIBLE']);
    expect([byId[leads[1]].status, byId[leads[1]].contactAccess]).toEqual(['NEW', 'LOCKED']);
    expect(first.since).toBe(
      first.changed
        .map((lead: any) => lead.updatedAt)
        .sort()
        .at(-1),
    );

    expect((await syncRun()).changed).toEqual([]);

    await leadAction(member, 'followLead', { leadId: leads[1] });
    const second = await syncRun();
    expect(second.changed).toEqual([expect.objectContaining({ id: leads[1], status: 'FOLLOWING', contactAccess: 'VISIBLE' })]);
    expect(second.since).toBe(second.changed[0].updatedAt);

    // A change committed with the very time of the cursor (to the microsecond): `updatedAfter: since`
    // alone would never return it. The overlap does; what was seen at that time is not reported again.
    const cursor = JSON.parse(fs.readFileSync(stateFile, 'utf8')).since as string;
    const id = Number(Buffer.from(leads[2], 'base64url').toString().split(':')[1]);
    // (The trigger that stamps every write with the clock is skipped for this one write.)
    await app.orm.em.fork().transactional(async (em) => {
      await em.execute('set local session_replication_role = replica');
      await em.execute('update leads set updated_at = ? where id = ?', [cursor, id]);
    });
    const tie = await syncRun();
    expect(tie.changed).toEqual([{ id: leads[2], status: 'NEW', updatedAt: cursor, contactAccess: 'LOCKED' }]);
    expect((await syncRun()).changed).toEqual([]);
  });

  it('receives the app’s signed webhooks, syncs on them, handles a redelivered id once and refuses tampered or stale ones', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/webhooks`;
    const { createWebhookEndpoint } = await member.request(
      `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) {
      secret webhookEndpoint { id } userErrors { message } } }`,
      { input: { url, events: ['LEAD_CREATED', 'LEAD_STATUS_CHANGED'] } },
    );
    expect(createWebhookEndpoint.userErrors).toEqual([]);
    const secret: string = createWebhookEndpoint.secret;
    const serve = Example.start(['serve'], { ...exampleEnv(), PORT: String(port), SLP_WEBHOOK_SECRET: secret, SLP_SYNC_SECONDS: '0' });
    try {
      await serve.waitFor((line) => line.event === 'listening');
      expect((await serve.waitFor((line) => line.event === 'synced')).changed).toEqual([]);

      // A new lead: the app signs and POSTs LEAD_CREATED; the example verifies it and syncs the lead.
      const created = await leadFor(seller, partner);
      const webhook = await serve.waitFor((line) => line.event === 'webhook');
      expect(webhook).toMatchObject({ type: 'LEAD_CREATED', data: { leadId: created, status: 'NEW' } });
      const synced = await serve.waitFor((line) => line.event === 'synced' && line.changed.length > 0);
      expect(synced.changed.map((lead: { id: string }) => lead.id)).toEqual([created]);
      const LOG = `{ webhookEndpoints { deliveries { id eventId status lastStatusCode } } }`;
      const [delivery] = await eventually(async () => {
        const [endpoint] = (await member.request(LOG)).webhookEndpoints;
        return endpoint.deliveries[0]?.status === 'DELIVERED' && endpoint.deliveries;
      });
      expect(delivery).toMatchObject({ eventId: webhook.id, status: 'DELIVERED', lastStatusCode: 200 });

      // Redelivered by the partner: the same id again is answered and not handled twice.
      const { redeliverWebhookEvent } = await member.request(
        `mutation($id: ID!) { redeliverWebhookEvent(input: { webhookDeliveryId: $id }) {
        webhookDelivery { eventId } userErrors { message } } }`,
        { id: delivery.id },
      );
      expect(redeliverWebhookEvent).toEqual({ webhookDelivery: { eventId: webhook.id }, userErrors: [] });
      await eventually(
        async () =>
          (await member.request(LOG)).webhookEndpoints[0].deliveries.filter(
            (d: { status: string; lastStatusCode: number }) => d.status === 'DELIVERED' && d.lastStatusCode === 200,
          ).length === 2,
      );
      expect(serve.lines.filter((line) => line.event === 'webhook').map((line) => line.id)).toEqual([webhook.id]);

      // Signed as the app signs, then tampered with, then too old: refused with 401 and the reason.
      const body = JSON.stringify({
        id: 'evt-test-1',
        type: 'LEAD_STATUS_CHANGED',
        createdAt: new Date().toISOString(),
        data: { leadId: leads[0], status: 'DEAL' },
      });
      const post = (payload: string, signature: string) =>
        fetch(url, { method: 'POST', body: payload, headers: { 'content-type': 'application/json', 'slp-signature': signature } });
      const tampered = await post(body.replace('DEAL', 'CLOSED'), signatureHeader(secret, body, new Date()));
      expect([tampered.status, await tampered.text()]).toEqual([401, 'signature does not match']);
      const stale = await post(body, signatureHeader(secret, body, new Date(Date.now() - 10 * 60_000)));
      expect([stale.status, await stale.text()]).toEqual([401, 'timestamp outside the tolerance window']);
      const wrongSecret = await post(body, signatureHeader('whsec_someone-else', body, new Date()));
      expect(wrongSecret.status).toBe(401);
      expect((await post(body, 'v1=deadbeef')).status).toBe(401);
      const refused = serve.lines.filter((line) => line.event === 'webhook-refused').map((line) => line.reason);
      expect(refused).toEqual([
        'signature does not match',
        'timestamp outside the tolerance window',
        'signature does not match',
        'malformed Slp-Signature header',
      ]);
      expect(serve.lines.filter((line) => line.event === 'webhook')).toHaveLength(1);
      // The same body properly signed is accepted once.
      const genuine = await post(body, signatureHeader(secret, body, new Date()));
      expect(await genuine.json()).toEqual({ received: true, duplicate: false });
      const again = await post(body, signatureHeader(secret, body, new Date()));
      expect(await again.json()).toEqual({ received: true, duplicate: true });
      expect(serve.lines.filter((line) => line.event === 'webhook').map((line) => line.id)).toEqual([webhook.id, 'evt-test-1']);
    } finally {
      await serve.stop();
    }
  });
});
