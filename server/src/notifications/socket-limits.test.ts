import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { eventually, startTestApp, type TestApp } from '../../test/harness.js';
import { inquiryInput, submitInquiry, World } from '../../test/fixtures.js';
import { LiveSubscription } from '../../test/live.js';

const limits = { wsConnectionsPerSession: 3, wsConnectionsPerAddress: 8, wsSubscriptionsPerConnection: 20, wsSendBufferBytes: 256 * 1024 };

let app: TestApp;
let world: World;
beforeAll(async () => {
  app = await startTestApp({ limits, notifications: { deliver: false } });
  world = new World(app);
});
afterAll(() => app?.close());

const wsUrl = () => app.url.replace(/^http/, 'ws');
const origin = () => app.url.replace(/\/graphql$/, '');

/** A graphql-ws socket spoken to by hand, to send what a real client would not. */
function rawSocket(headers: Record<string, string> = {}) {
  const socket = new WebSocket(wsUrl(), 'graphql-transport-ws', { headers });
  const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
  const refused = new Promise<number>((resolve) => socket.once('unexpected-response', (_req, res) => resolve(res.statusCode!)));
  const opened = new Promise<void>((resolve) => socket.once('open', () => resolve()));
  socket.on('error', () => {});
  const messages: any[] = [];
  socket.on('message', (data) => messages.push(JSON.parse(String(data))));
  return { socket, opened, closed, refused, messages };
}

async function acknowledged(cookie: string) {
  const raw = rawSocket({ cookie });
  await raw.opened;
  raw.socket.send(JSON.stringify({ type: 'connection_init' }));
  await eventually(() => raw.messages.some((m) => m.type === 'connection_ack') || raw.socket.readyState !== WebSocket.OPEN);
  return raw;
}

describe('WebSocket limits', () => {
  it('closes on a frame over 64 KB before any authentication, without reading it', async () => {
    const raw = rawSocket();
    await raw.opened;
    raw.socket.send('x'.repeat(1024 * 1024));
    expect(await raw.closed).toBe(1009);
  });

  it("refuses an upgrade from another site's page, even with the session cookie", async () => {
    const seller = await world.seller();
    expect(await rawSocket({ cookie: seller.cookie!, origin: 'https://evil.example' }).refused).toBe(403);
    const own = await acknowledged(seller.cookie!);
    expect(own.messages).toEqual([{ type: 'connection_ack' }]);
    own.socket.close();
    const withOrigin = rawSocket({ cookie: seller.cookie!, origin: origin() });
    await withOrigin.opened;
    withOrigin.socket.close();
  });

  it('caps the connections of one session, and of one address', async () => {
    const seller = await world.seller();
    const three = await Promise.all([1, 2, 3].map(() => acknowledged(seller.cookie!)));
    const fourth = await acknowledged(seller.cookie!);
    expect(await fourth.closed).toBe(4029);
    three[0].socket.close();
    await three[0].closed;
    const again = await acknowledged(seller.cookie!);
    expect(again.messages).toEqual([{ type: 'connection_ack' }]);

    // Three open for this session; five more from two other sessions fill the address's eight.
    const [other, third, last] = await Promise.all([world.seller(), world.seller(), world.seller()]);
    const more = await Promise.all([other, other, other, third, third].map((client) => acknowledged(client.cookie!)));
    expect(more.map((raw) => raw.messages)).toEqual(Array(5).fill([{ type: 'connection_ack' }]));
    const over = rawSocket({ cookie: last.cookie! });
    const reason = new Promise<string>((resolve) => over.socket.once('close', (_code, why) => resolve(String(why))));
    expect(await over.closed).toBe(4029);
    expect(await reason).toBe('Too many connections from this address');
    for (const raw of [...three, again, ...more]) raw.socket.close();
  });

  it('caps the operations of one connection', async () => {
    const seller = await world.seller();
    const raw = await acknowledged(seller.cookie!);
    for (let n = 1; n <= 21; n += 1) {
      raw.socket.send(JSON.stringify({ id: String(n), type: 'subscribe', payload: { query: 'subscription { inquiryUpdates { type } }' } }));
    }
    const refusal = await eventually(() => raw.messages.find((m) => m.type === 'error'));
    expect(refusal).toEqual({
      id: '21',
      type: 'error',
      payload: [{ message: 'A connection may hold at most 20 operations', extensions: { code: 'LIMIT_EXCEEDED' } }],
    });
    raw.socket.close();
  });

  it('disconnects a subscriber that stops reading, with a close code, once its unread bytes pass the bound', async () => {
    const { services, member } = await world.partner();
    const partner = await member();
    const seller = await world.seller();
    // __typename aliases cost nothing against the alias limit: about 30 KB per alert.
    const big = `subscription { leadAlerts { ${Array.from({ length: 1500 }, (_, n) => `t${n}: __typename`).join(' ')} } }`;
    const raw = await acknowledged(partner.cookie!);
    for (let n = 1; n <= 20; n += 1) raw.socket.send(JSON.stringify({ id: String(n), type: 'subscribe', payload: { query: big } }));
    const probe = new LiveSubscription(app.url, 'subscription { leadAlerts { type } }', { cookie: partner.cookie });
    await probe.ready();
    (raw.socket as unknown as { _socket: { pause(): void; resume(): void } })._socket.pause();
    // Alerts pile up: first in the kernel's buffers (a few MB on loopback), then in the server's.
    const submits = 30;
    for (let n = 0; n < submits; n += 1) {
      expect((await submitInquiry(seller, inquiryInput({ targetServiceIds: [services[0]] }))).userErrors).toEqual([]);
      await probe.nth(n);
    }
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    (raw.socket as unknown as { _socket: { resume(): void } })._socket.resume();
    expect(await raw.closed).toBe(4008);
    const delivered = raw.messages.filter((m) => m.type === 'next').length;
    expect(delivered).toBeLessThan(submits * 20);
    await probe.close();
  });
});
