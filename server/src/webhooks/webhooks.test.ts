import crypto from 'node:crypto';
import dns from 'node:dns/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { eventually, startTestApp, type GraphQLClient, type TestApp } from '../../test/harness.js';
import { World, apiTokenClient, inquiryInput, submitInquiry } from '../../test/fixtures.js';
import { outboxOf, partnerWithMembers } from '../../test/notifications.js';
import { idOfType } from '../graphql/node.js';
import { Lead } from '../leads/lead.entity.js';
import { newLeadEvent } from '../leads/lead-state-machine.js';
import { writeLeadEvents } from '../leads/lead-writes.js';
import { WebhookWorker, defaultWebhookSettings, type WebhookSettings } from './webhook-worker.js';

let app: TestApp;
let world: World;
let seller: GraphQLClient;
const workers: WebhookWorker[] = [];
const receivers: Receiver[] = [];

// The app's own workers stay stopped; each test runs the worker it is about, on a partner of its own.
beforeAll(async () => {
  app = await startTestApp({ notifications: { deliver: false } });
  world = new World(app);
  seller = await world.seller();
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await Promise.all(workers.splice(0).map((worker) => worker.stop()));
  await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
  // Workers claim every due delivery: none may be left over for the next test's worker.
  await app.orm.em.fork().getConnection().execute('delete from webhook_endpoints');
});
afterAll(async () => {
  await app?.close();
});

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
  at: number;
}

/** A real HTTP receiver on loopback; `answer` decides each response's status (or never answers). */
class Receiver {
  readonly received: Received[] = [];
  /** TCP connections accepted, requests or not. */
  connections = 0;
  answer: (attempt: number) => number | 'hang' | { redirect: string } = () => 200;
  private constructor(private readonly server: http.Server) {}

  static async start(): Promise<Receiver> {
    const server = http.createServer();
    const receiver = new Receiver(server);
    server.on('connection', () => {
      receiver.connections += 1;
    });
    server.on('request', (req, res) => {
      let body = '';
      req.on('data', (chunk) => {
        body += chunk;
      });
      req.on('end', () => {
        receiver.received.push({ headers: req.headers, body, at: Date.now() });
        const answer = receiver.answer(receiver.received.length);
        if (answer === 'hang') return;
        if (typeof answer === 'object') res.writeHead(302, { location: answer.redirect }).end();
        else res.writeHead(answer).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    receivers.push(receiver);
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks`;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** The receiver's side of SPEC 6b, written from the spec rather than imported from the sender. */
function verified(secret: string, { headers, body }: Received): boolean {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(headers['slp-signature']));
  if (!match) return false;
  const expected = crypto.createHmac('sha256', secret).update(`${match[1]}.${body}`).digest();
  return crypto.timingSafeEqual(expected, Buffer.from(match[2], 'hex')) && Math.abs(Date.now() / 1000 - Number(match[1])) < 300;
}

function worker(settings: Partial<WebhookSettings> = {}): WebhookWorker {
  const started = new WebhookWorker(app.orm, { ...defaultWebhookSettings, pollMs: 50, gatherMs: 0, backoffMs: 50, ...settings });
  workers.push(started);
  return started;
}

const CREATE = `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) {
  webhookEndpoint { id url events createdAt disabledAt } secret userErrors { field message code } } }`;
const LOG = `{ webhookEndpoints { id url disabledAt deliveries { id eventId type status attempts lastStatusCode lastError deliveredAt } } }`;
const FOLLOW = `mutation($input: FollowLeadInput!) { followLead(input: $input) { lead { id status } userErrors { code } } }`;

async function partnerWithEndpoint(url: string, events = ['LEAD_CREATED', 'LEAD_STATUS_CHANGED']) {
  const agency = await partnerWithMembers(world);
  const member = agency.members[0].client;
  const { createWebhookEndpoint } = await member.request(CREATE, { input: { url, events } });
  expect(createWebhookEndpoint.userErrors).toEqual([]);
  return { agency, member, endpoint: createWebhookEndpoint.webhookEndpoint, secret: createWebhookEndpoint.secret as string };
}

async function newLead(service: string): Promise<string> {
  const { inquiry } = await submitInquiry(seller, inquiryInput({ targetServiceIds: [service] }));
  return inquiry.leads.edges[0].node.id;
}

async function log(member: GraphQLClient) {
  return (await member.request(LOG)).webhookEndpoints[0];
}

describe('webhook endpoints', () => {
  it('shows the secret once, lists the endpoint to its partner only, and deletes it', async () => {
    const { agency, member, endpoint, secret } = await partnerWithEndpoint('http://127.0.0.1:9/hooks', ['LEAD_CREATED']);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(endpoint).toMatchObject({ url: 'http://127.0.0.1:9/hooks', events: ['LEAD_CREATED'], disabledAt: null });
    expect((await member.request(LOG)).webhookEndpoints).toEqual([
      { id: endpoint.id, url: endpoint.url, disabledAt: null, deliveries: [] },
    ]);
    expect((await agency.members[1].client.request(LOG)).webhookEndpoints.map((e: { id: string }) => e.id)).toEqual([endpoint.id]);

    const other = await (await world.partner()).member();
    expect((await other.request(LOG)).webhookEndpoints).toEqual([]);
    expect((await other.request(`query($id: ID!) { node(id: $id) { id } }`, { id: endpoint.id })).node).toBeNull();
    const DELETE = `mutation($id: ID!) { deleteWebhookEndpoint(input: { webhookEndpointId: $id }) { webhookEndpoint { id } userErrors { code field } } }`;
    expect((await other.request(DELETE, { id: endpoint.id })).deleteWebhookEndpoint.userErrors).toEqual([
      { code: 'NOT_FOUND', field: ['webhookEndpointId'] },
    ]);

    const { client: token } = await apiTokenClient(app, member, 'WORK_LEADS');
    const byToken = await token.raw(CREATE, { input: { url: 'http://127.0.0.1:9/x', events: ['LEAD_CREATED'] } });
    expect(byToken.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    expect((await member.request(DELETE, { id: endpoint.id })).deleteWebhookEndpoint).toEqual({
      webhookEndpoint: { id: endpoint.id },
      userErrors: [],
    });
    expect((await member.request(LOG)).webhookEndpoints).toEqual([]);
  });

  it('refuses bad input with userErrors', async () => {
    const member = await (await world.partner()).member();
    const create = async (url: string, events: string[]) =>
      (await member.request(CREATE, { input: { url, events } })).createWebhookEndpoint.userErrors;
    expect(await create('not a url', ['LEAD_CREATED'])).toEqual([
      { field: ['url'], code: 'INVALID', message: 'Enter a full URL, e.g. https://example.com/webhooks' },
    ]);
    expect(await create('ftp://example.com/x', ['LEAD_CREATED'])).toEqual([
      { field: ['url'], code: 'INVALID', message: 'The URL must start with http:// or https://' },
    ]);
    expect(await create('http://127.0.0.1/x', [])).toEqual([
      { field: ['events'], code: 'INVALID', message: 'Choose at least one event type' },
    ]);
  });
});

describe('webhook delivery', () => {
  it('POSTs each lead event signed, thin and without contact details, and logs the delivery', async () => {
    const receiver = await Receiver.start();
    const { agency, member, secret } = await partnerWithEndpoint(receiver.url);
    const lead = await newLead(agency.services[0]);
    expect(await worker().deliverDue()).toBe(1);

    expect(receiver.received).toHaveLength(1);
    const [created] = receiver.received;
    expect(verified(secret, created)).toBe(true);
    expect(verified('whsec_wrong', created)).toBe(false);
    expect(verified(secret, { ...created, body: created.body.replace('NEW', 'DEAL') })).toBe(false);
    expect(created.headers['content-type']).toBe('application/json');
    const body = JSON.parse(created.body);
    expect(body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      type: 'LEAD_CREATED',
      createdAt: expect.any(String),
      data: { leadId: lead, status: 'NEW', leadEvent: 'CREATED' },
    });
    expect(created.headers['slp-event-id']).toBe(body.id);
    expect(created.body).not.toContain('dana@shop.test');
    expect(created.body).not.toContain('Dana Seller');

    await member.request(FOLLOW, { input: { leadId: lead } });
    expect(await worker().deliverDue()).toBe(1);
    const followed = JSON.parse(receiver.received[1].body);
    expect([followed.type, followed.data, verified(secret, receiver.received[1])]).toEqual([
      'LEAD_STATUS_CHANGED',
      { leadId: lead, status: 'FOLLOWING', leadEvent: 'FOLLOWED_UP' },
      true,
    ]);
    expect(followed.id).not.toBe(body.id);

    const { deliveries } = await log(member);
    expect(deliveries.map(({ id, deliveredAt, ...rest }: Record<string, unknown>) => rest)).toEqual([
      { eventId: followed.id, type: 'LEAD_STATUS_CHANGED', status: 'DELIVERED', attempts: 1, lastStatusCode: 200, lastError: null },
      { eventId: body.id, type: 'LEAD_CREATED', status: 'DELIVERED', attempts: 1, lastStatusCode: 200, lastError: null },
    ]);
  });

  it('sends only the event types an endpoint takes', async () => {
    const receiver = await Receiver.start();
    const { agency, member } = await partnerWithEndpoint(receiver.url, ['LEAD_STATUS_CHANGED']);
    const lead = await newLead(agency.services[0]);
    expect(await worker().deliverDue()).toBe(0);
    await member.request(FOLLOW, { input: { leadId: lead } });
    expect(await worker().deliverDue()).toBe(1);
    expect(receiver.received.map((r) => JSON.parse(r.body).type)).toEqual(['LEAD_STATUS_CHANGED']);
  });

  it('sends LEAD_EXPIRING when the response deadline reminds the partner', async () => {
    const receiver = await Receiver.start();
    const { agency } = await partnerWithEndpoint(receiver.url, ['LEAD_EXPIRING']);
    const lead = await newLead(agency.services[0]);
    const em = app.orm.em.fork();
    await writeLeadEvents(em, [newLeadEvent(await em.findOneOrFail(Lead, idOfType(lead, 'Lead')!), 'EXPIRY_REMINDED', null, null)]);
    expect(await worker().deliverDue()).toBe(1);
    expect(receiver.received.map((r) => JSON.parse(r.body))).toEqual([
      {
        id: expect.any(String),
        type: 'LEAD_EXPIRING',
        createdAt: expect.any(String),
        data: { leadId: lead, status: 'NEW', leadEvent: 'EXPIRY_REMINDED' },
      },
    ]);
  });

  it('retries a failing receiver with back-off and sends the same event id until it succeeds, then stops', async () => {
    const receiver = await Receiver.start();
    receiver.answer = (attempt) => (attempt <= 3 ? 500 : 200);
    const { agency, member, secret } = await partnerWithEndpoint(receiver.url);
    await newLead(agency.services[0]);
    worker({ backoffMs: 100 }).start();
    await eventually(() => receiver.received.length === 4, 15_000);
    await new Promise((resolve) => setTimeout(resolve, 500));

    expect(receiver.received).toHaveLength(4);
    const ids = receiver.received.map((r) => JSON.parse(r.body).id);
    expect(new Set(ids).size).toBe(1);
    expect(receiver.received.every((r) => verified(secret, r))).toBe(true);
    const gaps = receiver.received.slice(1).map((r, i) => r.at - receiver.received[i].at);
    expect(gaps[0]).toBeGreaterThanOrEqual(100 - 20);
    expect(gaps[1]).toBeGreaterThanOrEqual(200 - 20);
    expect(gaps[2]).toBeGreaterThanOrEqual(400 - 20);
    const { deliveries } = await log(member);
    expect(deliveries.map((d: Record<string, unknown>) => [d.eventId, d.status, d.attempts, d.lastStatusCode, d.lastError])).toEqual([
      [ids[0], 'DELIVERED', 4, 200, null],
    ]);
  });

  it('disables an endpoint that fails for the whole retry period, emails its partner, and redelivers the same event', async () => {
    const receiver = await Receiver.start();
    receiver.answer = () => 503;
    const { agency, member } = await partnerWithEndpoint(receiver.url);
    const lead = await newLead(agency.services[0]);
    worker({ retryForMs: 600 }).start();
    const disabled = await eventually(async () => {
      const endpoint = await log(member);
      return endpoint.disabledAt ? endpoint : undefined;
    }, 15_000);

    expect(disabled.deliveries.map((d: Record<string, unknown>) => [d.status, d.lastStatusCode, d.lastError])).toEqual([
      ['FAILED', 503, 'The endpoint answered 503'],
    ]);
    expect(disabled.deliveries[0].attempts).toBe(receiver.received.length);
    expect(receiver.received.length).toBeGreaterThanOrEqual(3);
    const emails = (await outboxOf(app, lead)).filter((row) => row.kind === 'WEBHOOK_DISABLED');
    expect(emails.map((row) => row.recipientEmail).sort()).toEqual(agency.members.map((m) => m.email).sort());

    // A disabled endpoint is sent nothing, and new events are not even written for it.
    const sent = receiver.received.length;
    await member.request(FOLLOW, { input: { leadId: lead } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receiver.received).toHaveLength(sent);
    expect((await log(member)).deliveries).toHaveLength(1);

    receiver.answer = () => 204;
    const REDELIVER = `mutation($id: ID!) { redeliverWebhookEvent(input: { webhookDeliveryId: $id }) {
      webhookDelivery { eventId status attempts } userErrors { code } } }`;
    const { redeliverWebhookEvent } = await member.request(REDELIVER, { id: disabled.deliveries[0].id });
    expect(redeliverWebhookEvent).toEqual({
      webhookDelivery: { eventId: disabled.deliveries[0].eventId, status: 'PENDING', attempts: 0 },
      userErrors: [],
    });
    await eventually(() => receiver.received.length === sent + 1, 5_000);
    expect(JSON.parse(receiver.received[sent].body).id).toBe(disabled.deliveries[0].eventId);
    const again = await log(member);
    expect([again.disabledAt, again.deliveries[0].status, again.deliveries[0].lastStatusCode]).toEqual([null, 'DELIVERED', 204]);

    const other = await (await world.partner()).member();
    expect((await other.request(REDELIVER, { id: disabled.deliveries[0].id })).redeliverWebhookEvent.userErrors).toEqual([
      { code: 'NOT_FOUND' },
    ]);
  });

  it('counts a receiver that does not answer within the timeout as a failure', async () => {
    const receiver = await Receiver.start();
    receiver.answer = () => 'hang';
    const { agency, member } = await partnerWithEndpoint(receiver.url);
    await newLead(agency.services[0]);
    expect(await worker({ timeoutMs: 200, backoffMs: 60_000 }).deliverDue()).toBe(1);
    const [delivery] = (await log(member)).deliveries;
    expect([delivery.status, delivery.attempts, delivery.lastStatusCode, delivery.lastError]).toEqual([
      'PENDING',
      1,
      null,
      'No answer within 0.2 s',
    ]);
  });

  it('never follows a redirect', async () => {
    const target = await Receiver.start();
    const receiver = await Receiver.start();
    receiver.answer = () => ({ redirect: target.url });
    const { agency, member } = await partnerWithEndpoint(receiver.url);
    await newLead(agency.services[0]);
    expect(await worker({ backoffMs: 60_000 }).deliverDue()).toBe(1);
    expect([receiver.received.length, target.received.length]).toEqual([1, 0]);
    const [delivery] = (await log(member)).deliveries;
    expect([delivery.status, delivery.lastStatusCode, delivery.lastError]).toEqual([
      'PENDING',
      302,
      `Redirects are not followed (302 to ${target.url})`,
    ]);
  });
  it('resolves a host name through the same lookup in development (localhost allowed there)', async () => {
    const receiver = await Receiver.start();
    const { port } = new URL(receiver.url);
    const { agency, member } = await partnerWithEndpoint(`http://localhost:${port}/hooks`);
    await newLead(agency.services[0]);
    expect(await worker().deliverDue()).toBe(1);
    expect(receiver.received).toHaveLength(1);
    expect((await log(member)).deliveries[0]).toMatchObject({ status: 'DELIVERED', lastStatusCode: 200, lastError: null });
  });
});

describe('webhooks with NODE_ENV=production', () => {
  const refused = [
    ['http://example.com/hooks', 'The URL must start with https://'],
    ['https://127.0.0.1/hooks', 'The URL must point to a public address, not 127.0.0.1'],
    ['https://localhost/hooks', 'The URL must point to a public address, not '],
    ['https://10.1.2.3/hooks', 'The URL must point to a public address, not 10.1.2.3'],
    ['https://192.168.0.10/hooks', 'The URL must point to a public address, not 192.168.0.10'],
    ['https://169.254.169.254/latest/meta-data', 'The URL must point to a public address, not 169.254.169.254'],
    ['https://[::1]/hooks', 'The URL must point to a public address, not ::1'],
    ['https://[fd12:3456::1]/hooks', 'The URL must point to a public address, not fd12:3456::1'],
    ['https://[fe80::1]/hooks', 'The URL must point to a public address, not fe80::1'],
    ['https://[::ffff:10.0.0.1]/hooks', 'The URL must point to a public address, not ::ffff:a00:1'],
    ['https://0.0.0.0/hooks', 'The URL must point to a public address, not 0.0.0.0'],
  ];

  it('accepts only https URLs of public addresses', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    const member = await (await world.partner()).member();
    for (const [url, message] of refused) {
      const { createWebhookEndpoint } = await member.request(CREATE, { input: { url, events: ['LEAD_CREATED'] } });
      expect({
        url,
        errors: createWebhookEndpoint.userErrors.map((e: { message: string }) => e.message.startsWith(message) && e.message),
      }).toEqual({ url, errors: [expect.stringContaining(message)] });
      expect(createWebhookEndpoint.webhookEndpoint).toBeNull();
    }
    const { createWebhookEndpoint } = await member.request(CREATE, {
      input: { url: 'https://93.184.215.14/hooks', events: ['LEAD_CREATED'] },
    });
    expect([createWebhookEndpoint.userErrors, createWebhookEndpoint.webhookEndpoint.url]).toEqual([[], 'https://93.184.215.14/hooks']);
  });

  it('checks the address again before every POST', async () => {
    const receiver = await Receiver.start();
    const { agency, member } = await partnerWithEndpoint(receiver.url);
    await newLead(agency.services[0]);
    vi.stubEnv('NODE_ENV', 'production');
    expect(await worker({ backoffMs: 60_000 }).deliverDue()).toBe(1);
    expect(receiver.received).toEqual([]);
    const [delivery] = (await log(member)).deliveries;
    expect([delivery.status, delivery.lastStatusCode, delivery.lastError]).toEqual(['PENDING', null, 'The URL must start with https://']);
  });
  it('connects only to an address that passed the check: a name that rebinds to loopback after it is never reached', async () => {
    const receiver = await Receiver.start();
    const { port } = new URL(receiver.url);
    const { agency, member } = await partnerWithEndpoint(`https://rebind.example.test:${port}/hooks`);
    await newLead(agency.services[0]);
    vi.stubEnv('NODE_ENV', 'production');
    // The check before the attempt sees a public address; the connection's own lookup a moment later, loopback.
    const asked: string[] = [];
    const lookups = vi.spyOn(dns, 'lookup').mockImplementation((async (host: string) => {
      asked.push(host);
      return [{ address: asked.length === 1 ? '93.184.215.14' : '127.0.0.1', family: 4 }];
    }) as never);
    try {
      expect(await worker({ backoffMs: 60_000 }).deliverDue()).toBe(1);
    } finally {
      lookups.mockRestore();
    }
    expect(asked).toEqual(['rebind.example.test', 'rebind.example.test']);
    expect(receiver.connections).toBe(0);
    const [delivery] = (await log(member)).deliveries;
    expect([delivery.status, delivery.lastStatusCode, delivery.lastError]).toEqual([
      'PENDING',
      null,
      'The URL must point to a public address, not 127.0.0.1',
    ]);
  });
});
