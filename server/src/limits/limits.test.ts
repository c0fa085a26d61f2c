import net from 'node:net';
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getIntrospectionQuery } from 'graphql';
import { startTestApp, type GraphQLClient, type TestApp } from '../../test/harness.js';
import { apiTokenClient, World } from '../../test/fixtures.js';
import { LiveSubscription } from '../../test/live.js';
import { defaultApiLimits } from './api-limits.js';

/** Costs 1 + 3 × first: the connection field, then edges, node and id once per requested item. */
const servicesCosting = (first: number) => `{ services(first: ${first}) { edges { node { id } } } }`;
/** Depth 8, or 9 with one more level. */
const deep = (deeper: boolean) =>
  `{ services(first: 1) { edges { node { partner { services(first: 1) { edges { node { ${deeper ? 'partner { id }' : 'id'} } } } } } } } }`;
/** Aliases of __typename are free (graphql-armor's allow list): they cost nothing to resolve. */
const aliased = (count: number) =>
  `{ ${Array.from({ length: count }, (_, n) => `a${n}: viewer { user { id } }`).join(' ')} t: __typename }`;
const codes = (body: { errors?: { extensions?: { code?: string } }[] }) => body.errors?.map((e) => e.extensions?.code);

let app: TestApp;
let strict: TestApp;
beforeAll(async () => {
  [app, strict] = await Promise.all([
    startTestApp(),
    startTestApp({ limits: { maxDepth: 8, maxAliases: 3, maxCost: 100, maxTokens: 100 } }),
  ]);
});
afterAll(async () => {
  await Promise.all([app?.close(), strict?.close()]);
});

describe('limits on one operation', () => {
  it('reports the cost of each request in extensions', async () => {
    const { body } = await app.client().raw(servicesCosting(5));
    expect(body.extensions?.cost).toEqual({ requested: 16, maximum: defaultApiLimits.maxCost });
    expect(body.extensions?.rateLimit).toMatchObject({ window: 60 });
  });

  it('keeps introspection on for GraphQL IDEs, well within the limits', async () => {
    const { status, body } = await app.client().raw(getIntrospectionQuery());
    expect(status).toBe(200);
    expect(body.data.__schema.queryType).toEqual({ name: 'Query', kind: 'OBJECT' });
    expect(body.extensions?.cost.requested).toBeLessThan(defaultApiLimits.maxCost / 10);
  });

  it.each([
    ['depth', deep(false), deep(true), 'QUERY_TOO_DEEP', 'Query depth limit of 8 exceeded, found 9.'],
    ['aliases', aliased(3), aliased(4), 'TOO_MANY_ALIASES', 'Aliases limit of 3 exceeded, found 4.'],
    ['cost', servicesCosting(33), servicesCosting(34), 'QUERY_TOO_COMPLEX', 'Query cost 103 is over the limit of 100'],
    [
      'tokens',
      `{ ${'__typename '.repeat(98)}}`,
      `{ ${'__typename '.repeat(99)}}`,
      'GRAPHQL_PARSE_FAILED',
      'Syntax Error: Document contains more that 100 tokens. Parsing aborted.',
    ],
  ])('passes just under the %s limit and refuses just over it', async (_limit, under, over, code, message) => {
    const passed = await strict.client().raw(under);
    expect(passed.body.errors).toBeUndefined();
    const refused = await strict.client().raw(over);
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ errors: [{ message, extensions: { code } }] });
    expect(refused.body.data).toBeUndefined();
  });

  it('refuses batched requests and pages over 100', async () => {
    const batch = await fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    expect(batch.status).toBe(400);
    expect(await batch.json()).toEqual({ errors: [{ message: 'Operation batching disabled.', extensions: { code: 'BAD_REQUEST' } }] });
    expect(codes((await app.client().raw(servicesCosting(100))).body)).toBeUndefined();
    const over = await app.client().raw(servicesCosting(101));
    expect(over.body.errors).toEqual([
      {
        message: 'first must be between 0 and 100',
        path: ['services'],
        locations: [{ line: 1, column: 3 }],
        extensions: { code: 'BAD_USER_INPUT' },
      },
    ]);
  });
});

describe('limits over graphql-ws', () => {
  it('holds the same line on the WebSocket: codes for too deep, too costly and malformed operations', async () => {
    const seller = await new World(strict).seller();
    const run = async (query: string) => {
      const subscription = new LiveSubscription(strict.url, query, { cookie: seller.cookie });
      try {
        return await subscription.outcome();
      } finally {
        await subscription.close();
      }
    };
    expect((await run(deep(false))).data.services.edges).toEqual([]);
    const refusals = await Promise.all([deep(true), servicesCosting(34), aliased(4), '{ viewer {', '{ nope }'].map(run));
    expect(refusals.map((r) => r.errors.map((e: any) => e.extensions.code))).toEqual([
      ['QUERY_TOO_DEEP'],
      ['QUERY_TOO_COMPLEX'],
      ['TOO_MANY_ALIASES'],
      ['GRAPHQL_PARSE_FAILED'],
      ['GRAPHQL_VALIDATION_FAILED'],
    ]);
  });
});

describe('rate limits', () => {
  let rates: TestApp;
  let world: World;
  beforeAll(async () => {
    rates = await startTestApp({ limits: { pointsPerToken: 50, pointsPerSession: 60, pointsPerAddress: 1000 } });
    world = new World(rates);
  });
  afterAll(() => rates?.close());

  async function spend(client: GraphQLClient, cost: number) {
    const { status, body } = await client.raw(servicesCosting((cost - 1) / 3));
    return { status, body };
  }

  it('charges each token its own budget and refuses the request that goes over, with Retry-After', async () => {
    const member = await (await world.partner()).member();
    const { client: first } = await apiTokenClient(rates, member);
    const { client: second } = await apiTokenClient(rates, member);
    expect((await spend(first, 49)).body.extensions?.rateLimit.remaining).toBe(1);
    const response = await fetch(rates.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...first.headers },
      body: JSON.stringify({ query: servicesCosting(1) }),
    });
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = await response.json();
    expect(codes(body)).toEqual(['RATE_LIMITED']);
    expect(body.errors[0].message).toMatch(/^Rate limit exceeded: try again in \d+ s$/);
    expect((await spend(second, 49)).status).toBe(200);
  });

  it('charges a session its budget, and refuses a mutation over it without running it', async () => {
    const member = await (await world.partner()).member();
    // Creating the token cost the session 14 (the mutation's fields); 46 are left.
    const { apiToken } = await apiTokenClient(rates, member);
    expect((await spend(member, 43)).body.extensions?.rateLimit.remaining).toBe(3);
    const revoke = await member.raw(
      `mutation($input: RevokeApiTokenInput!) { revokeApiToken(input: $input) { apiToken { id revokedAt } userErrors { code } } }`,
      { input: { apiTokenId: apiToken.id } },
    );
    expect(revoke.status).toBe(429);
    expect(codes(revoke.body)).toEqual(['RATE_LIMITED']);
    const [stored] = await rates.orm.em.fork().getConnection().execute('select revoked_at from api_tokens where hint = ?', [apiToken.hint]);
    expect(stored.revoked_at).toBeNull();
  });

  it('charges every request to its address too', async () => {
    const byAddress = await startTestApp({ limits: { pointsPerAddress: 40 } });
    try {
      expect((await spend(byAddress.client(), 40)).body.extensions?.rateLimit.remaining).toBe(0);
      expect(codes((await spend(byAddress.client(), 1)).body)).toEqual(['RATE_LIMITED']);
    } finally {
      await byAddress.close();
    }
  });
});

const redisUp = await new Promise<boolean>((resolve) => {
  const socket = net.connect(6379, '127.0.0.1', () => {
    socket.end();
    resolve(true);
  });
  socket.on('error', () => resolve(false));
});

describe.runIf(redisUp)('rate limits shared through Redis', () => {
  it('lets two API processes draw on one budget', async () => {
    const limits = { pointsPerAddress: 30, rateKeyPrefix: `slp-test:${crypto.randomBytes(6).toString('hex')}` };
    const [one, two] = await Promise.all([1, 2].map(() => startTestApp({ limits, redisUrl: 'redis://127.0.0.1:6379' })));
    try {
      expect((await one.client().raw(servicesCosting(7))).body.extensions?.rateLimit.remaining).toBe(8);
      expect((await two.client().raw(servicesCosting(2))).body.extensions?.rateLimit.remaining).toBe(1);
      expect(codes((await one.client().raw(servicesCosting(1))).body)).toEqual(['RATE_LIMITED']);
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });
});

describe('errors in production', () => {
  it('hides internals: no SQL, no stack trace, just a code', async () => {
    const member = await (await new World(app).partner()).member();
    await app.orm.em.fork().getConnection().execute('alter table api_tokens rename to api_tokens_gone');
    const { status, body } = await member.raw('{ apiTokens { id } }');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      data: null,
      errors: [{ message: 'Internal server error', path: ['apiTokens'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
    });
    expect(JSON.stringify(body.errors)).not.toMatch(/api_tokens|select|stack|\.ts/i);
  });
});
