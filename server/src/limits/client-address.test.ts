import type http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { eventually, startTestApp, type TestApp } from '../../test/harness.js';
import { World } from '../../test/fixtures.js';
import { clientAddress, proxyTrustOf } from './client-address.js';

const request = (peer: string, forwardedFor?: string) =>
  ({
    socket: { remoteAddress: peer },
    connection: { remoteAddress: peer },
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
  }) as unknown as http.IncomingMessage;

describe('the client address rule', () => {
  it('is the socket peer without TRUST_PROXY, whatever X-Forwarded-For says', () => {
    expect(clientAddress(request('127.0.0.1', '203.0.113.9'), proxyTrustOf(undefined))).toBe('127.0.0.1');
    expect(clientAddress(request('10.0.0.5'), proxyTrustOf(''))).toBe('10.0.0.5');
  });

  it('takes the first untrusted X-Forwarded-For entry behind trusted proxies', () => {
    expect(clientAddress(request('127.0.0.1', '203.0.113.9'), proxyTrustOf('loopback'))).toBe('203.0.113.9');
    // A client's own forged entry sits further out than what the trusted proxy appended.
    expect(clientAddress(request('127.0.0.1', '198.51.100.1, 203.0.113.9'), proxyTrustOf('loopback'))).toBe('203.0.113.9');
    // A peer that is not a trusted proxy is the client, even when it sends the header.
    expect(clientAddress(request('192.0.2.7', '203.0.113.9'), proxyTrustOf('loopback'))).toBe('192.0.2.7');
    expect(clientAddress(request('10.0.0.2', '198.51.100.1, 203.0.113.9'), proxyTrustOf('10.0.0.0/8, loopback'))).toBe('203.0.113.9');
  });

  it('reads a hop count and "true" as Express does', () => {
    expect(clientAddress(request('10.0.0.2', '198.51.100.1, 203.0.113.9'), proxyTrustOf('1'))).toBe('203.0.113.9');
    expect(clientAddress(request('10.0.0.2', '198.51.100.1, 203.0.113.9'), proxyTrustOf('2'))).toBe('198.51.100.1');
    expect(clientAddress(request('10.0.0.2', '198.51.100.1, 203.0.113.9'), proxyTrustOf('true'))).toBe('198.51.100.1');
  });
});

const LOG_IN = `mutation($input: LogInInput!) { logIn(input: $input) { viewer { user { email } } userErrors { code } } }`;
const limits = { wsConnectionsPerAddress: 2, wsConnectionsPerSession: 50, logInFailuresPerAddress: 2, logInFailuresPerAccount: 100 };

/** One authenticated graphql-ws socket, sent from `forwardedFor` as a proxy would say: its close code, or 'ack'. */
async function socketOutcome(app: TestApp, cookie: string, forwardedFor: string) {
  const socket = new WebSocket(app.url.replace(/^http/, 'ws'), 'graphql-transport-ws', {
    headers: { cookie, 'x-forwarded-for': forwardedFor },
  });
  socket.on('error', () => {});
  let closed: number | null = null;
  let acked = false;
  socket.once('close', (code) => {
    closed = code;
  });
  socket.on('message', (data) => {
    if (JSON.parse(String(data)).type === 'connection_ack') acked = true;
  });
  socket.once('open', () => socket.send(JSON.stringify({ type: 'connection_init' })));
  await eventually(() => acked || closed !== null);
  return { socket, outcome: acked ? 'ack' : closed };
}

async function logInOutcome(app: TestApp, email: string, forwardedFor: string) {
  const response = await fetch(app.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
    body: JSON.stringify({ query: LOG_IN, variables: { input: { email, password: 'not the password' } } }),
  });
  const body = await response.json();
  return (body.errors?.[0]?.extensions?.code ?? body.data.logIn.userErrors[0].code) as string;
}

describe.each([
  { trustProxy: 'loopback', name: 'with TRUST_PROXY=loopback', separate: true },
  { trustProxy: undefined, name: 'without TRUST_PROXY', separate: false },
])('HTTP and WebSocket limits count the same address $name', ({ trustProxy, separate }) => {
  let app: TestApp;
  let world: World;
  beforeAll(async () => {
    app = await startTestApp({ limits, trustProxy, notifications: { deliver: false } });
    world = new World(app);
  });
  afterAll(() => app?.close());

  it('caps WebSocket connections per client address', async () => {
    const seller = await world.seller();
    const first = [await socketOutcome(app, seller.cookie!, '203.0.113.10'), await socketOutcome(app, seller.cookie!, '203.0.113.10')];
    expect(first.map((s) => s.outcome)).toEqual(['ack', 'ack']);
    // The same forwarded client is over its cap; another one is over it too only when the header is not trusted.
    const same = await socketOutcome(app, seller.cookie!, '203.0.113.10');
    const other = await socketOutcome(app, seller.cookie!, '203.0.113.11');
    expect(same.outcome).toBe(4029);
    expect(other.outcome).toBe(separate ? 'ack' : 4029);
    for (const { socket } of [...first, same, other]) socket.close();
  });

  it('throttles log-in failures per client address', async () => {
    const { email } = await world.user('SELLER' as never);
    expect([await logInOutcome(app, email, '203.0.113.20'), await logInOutcome(app, email, '203.0.113.20')]).toEqual([
      'UNAUTHENTICATED',
      'UNAUTHENTICATED',
    ]);
    expect(await logInOutcome(app, email, '203.0.113.20')).toBe('RATE_LIMITED');
    expect(await logInOutcome(app, email, '203.0.113.21')).toBe(separate ? 'UNAUTHENTICATED' : 'RATE_LIMITED');
  });
});
