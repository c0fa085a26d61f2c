import net from 'node:net';
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { PASSWORD, World } from '../../test/fixtures.js';

const LOG_IN = `mutation($input: LogInInput!) { logIn(input: $input) { viewer { user { email } } userErrors { code message } } }`;
const limits = { logInFailuresPerAccount: 5, logInFailuresPerAddress: 12 };

/** One log-in attempt from `address` (the app trusts X-Forwarded-For from loopback, as behind a proxy). */
async function logIn(app: TestApp, email: string, password: string, address = '203.0.113.1') {
  const response = await fetch(app.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ query: LOG_IN, variables: { input: { email, password } } }),
  });
  const body = await response.json();
  const outcome = body.errors?.[0]?.extensions?.code ?? (body.data.logIn.viewer ? 'LOGGED_IN' : body.data.logIn.userErrors[0].code);
  return { status: response.status, retryAfter: response.headers.get('retry-after'), outcome: outcome as string, body };
}

const times = <T>(count: number, run: (n: number) => Promise<T>) => Promise.all(Array.from({ length: count }, (_, n) => run(n)));

let app: TestApp;
let world: World;
beforeAll(async () => {
  app = await startTestApp({ limits, trustProxy: 'loopback' });
  world = new World(app);
});
afterAll(() => app?.close());

describe('log-in throttling', () => {
  it('refuses even the right password once an account has had its wrong ones, from any address', async () => {
    const { email } = await world.user('SELLER' as never);
    for (let n = 0; n < 5; n += 1) expect((await logIn(app, email, 'wrong password', `198.51.100.${n}`)).outcome).toBe('UNAUTHENTICATED');
    const refused = await logIn(app, email, PASSWORD, '198.51.100.99');
    expect(refused).toMatchObject({ status: 429, outcome: 'RATE_LIMITED' });
    expect(Number(refused.retryAfter)).toBeGreaterThan(800);
    expect(refused.body.errors[0].message).toMatch(/^Rate limit exceeded: try again in \d+ s$/);
    const other = await world.user('SELLER' as never);
    expect((await logIn(app, other.email, PASSWORD, '198.51.100.99')).outcome).toBe('LOGGED_IN');
  });

  it('counts an account afresh after a successful log-in', async () => {
    const { email } = await world.user('SELLER' as never);
    for (let round = 0; round < 2; round += 1) {
      for (let n = 0; n < 4; n += 1) expect((await logIn(app, email, 'wrong password', '198.51.100.200')).outcome).toBe('UNAUTHENTICATED');
      expect((await logIn(app, email, PASSWORD, '198.51.100.200')).outcome).toBe('LOGGED_IN');
    }
  });

  it('verifies no more guesses than the budget when they arrive at once', async () => {
    const { email } = await world.user('SELLER' as never);
    const outcomes = (await times(30, (n) => logIn(app, email, `guess number ${n}`, `192.0.2.${n}`))).map((r) => r.outcome);
    expect(outcomes.filter((o) => o === 'UNAUTHENTICATED')).toHaveLength(5);
    expect(outcomes.filter((o) => o === 'RATE_LIMITED')).toHaveLength(25);
  });

  it('throttles an address that tries many accounts, and only that address', async () => {
    // Unknown accounts count like known ones (nothing tells them apart).
    for (let n = 0; n < 12; n += 1) {
      expect((await logIn(app, `nobody${n}@shop.test`, 'wrong password', '203.0.113.50')).outcome).toBe('UNAUTHENTICATED');
    }
    const { email } = await world.user('SELLER' as never);
    expect((await logIn(app, email, PASSWORD, '203.0.113.50')).outcome).toBe('RATE_LIMITED');
    expect((await logIn(app, email, PASSWORD, '203.0.113.51')).outcome).toBe('LOGGED_IN');
  }, 60_000);

  it('runs one logIn per request: aliased guesses are refused before any is tried', async () => {
    const { email } = await world.user('SELLER' as never);
    const guesses = Array.from(
      { length: 30 },
      (_, n) => `g${n}: logIn(input: { email: "${email}", password: "guess ${n}" }) { userErrors { code } }`,
    );
    const response = await fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `mutation { ${guesses.slice(0, 2).join(' ')} }` }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: [
        {
          extensions: { code: 'BAD_REQUEST' },
          message: 'A request may log in or sign up once: send one logIn, signUpSeller or signUpPartner per request',
        },
      ],
    });
    expect((await logIn(app, email, PASSWORD)).outcome).toBe('LOGGED_IN');
  });
});

const redisUp = await new Promise<boolean>((resolve) => {
  const socket = net.connect(6379, '127.0.0.1', () => {
    socket.end();
    resolve(true);
  });
  socket.on('error', () => resolve(false));
});

describe.runIf(redisUp)('log-in throttling shared through Redis', () => {
  it("counts an account's failures across two API processes", async () => {
    const shared = { ...limits, rateKeyPrefix: `slp-test:${crypto.randomBytes(6).toString('hex')}` };
    const [one, two] = await Promise.all([1, 2].map(() => startTestApp({ limits: shared, redisUrl: 'redis://127.0.0.1:6379' })));
    try {
      const { email } = await new World(one).user('SELLER' as never);
      for (let n = 0; n < 5; n += 1) expect((await logIn(n % 2 ? one : two, email, 'wrong password')).outcome).toBe('UNAUTHENTICATED');
      expect((await logIn(one, email, PASSWORD)).outcome).toBe('RATE_LIMITED');
      expect((await logIn(two, email, PASSWORD)).outcome).toBe('RATE_LIMITED');
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });
});
