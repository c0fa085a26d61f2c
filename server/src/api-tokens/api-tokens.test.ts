import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { apiTokenClient, CREATE_API_TOKEN, inquiryInput, submitInquiry, World } from '../../test/fixtures.js';
import { LiveSubscription } from '../../test/live.js';
import { MAX_ACTIVE_TOKENS } from './api-tokens.service.js';

const LIST = `query($all: Boolean) { apiTokens(includeRevoked: $all) { id name scope hint lastUsedAt revokedAt } }`;
const REVOKE = `mutation($input: RevokeApiTokenInput!) { revokeApiToken(input: $input) { apiToken { id revokedAt } userErrors { field code } } }`;
const VIEWER = `{ viewer { user { email role } partner { id } } }`;
const PUBLISH = `mutation($input: PublishServiceInput!) { publishService(input: $input) { service { id } userErrors { code } } }`;
const INQUIRY_AS_PARTNER = `query($id: ID!) { node(id: $id) { ... on Inquiry {
  id budget { amount } contactAccess contact { email } leads { totalCount edges { node { status rejectReason partner { id } } } } } } }`;

let app: TestApp;
let world: World;
// No delivery worker: its polling would show up in the statement counts.
beforeAll(async () => {
  app = await startTestApp({ notifications: { deliver: false } });
  world = new World(app);
});
afterAll(() => app?.close());

describe('API tokens', () => {
  it('shows the secret once and lists tokens by name, scope and hint only', async () => {
    const member = await (await world.partner()).member();
    const { createApiToken } = await member.request(CREATE_API_TOKEN, { input: { name: '  Sales dashboard ', scope: 'WORK_LEADS' } });
    expect(createApiToken.userErrors).toEqual([]);
    expect(createApiToken.secret).toMatch(/^slp_[A-Za-z0-9_-]{43}$/);
    expect(createApiToken.apiToken).toMatchObject({
      name: 'Sales dashboard',
      scope: 'WORK_LEADS',
      hint: `${createApiToken.secret.slice(0, 8)}…`,
      lastUsedAt: null,
      revokedAt: null,
    });
    const { apiTokens } = await member.request(LIST);
    expect(apiTokens).toEqual([
      {
        id: createApiToken.apiToken.id,
        name: 'Sales dashboard',
        scope: 'WORK_LEADS',
        hint: createApiToken.apiToken.hint,
        lastUsedAt: null,
        revokedAt: null,
      },
    ]);
    const [stored] = await app.orm.em
      .fork()
      .getConnection()
      .execute('select secret_hash from api_tokens where name = ?', ['Sales dashboard']);
    expect(stored.secret_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.secret_hash).not.toContain(createApiToken.secret.slice(4));
  });

  it('acts for its partner over HTTP with exactly what a member sees', async () => {
    const fixture = await world.partner();
    const member = await fixture.member();
    const { client: token } = await apiTokenClient(app, member);
    const { client: otherToken } = await apiTokenClient(app, await (await world.partner()).member());
    const { inquiry } = await submitInquiry(await world.seller(), inquiryInput({ targetServiceIds: fixture.services }));
    const asMember = await member.request(INQUIRY_AS_PARTNER, { id: inquiry.id });
    expect(asMember.node).toMatchObject({ contactAccess: 'LOCKED', contact: null, leads: { totalCount: 1 } });
    expect(await token.request(INQUIRY_AS_PARTNER, { id: inquiry.id })).toEqual(asMember);
    expect(await otherToken.request(INQUIRY_AS_PARTNER, { id: inquiry.id })).toEqual({ node: null });
    expect((await token.request(VIEWER)).viewer).toMatchObject({ user: { role: 'PARTNER' }, partner: { id: fixture.partnerId } });
  });

  it('refuses unknown, malformed and revoked tokens with UNAUTHENTICATED, the moment they are revoked', async () => {
    const member = await (await world.partner()).member();
    const { client: token, apiToken } = await apiTokenClient(app, member);
    expect((await token.request(VIEWER)).viewer).not.toBeNull();
    const revoked = await member.request(REVOKE, { input: { apiTokenId: apiToken.id } });
    expect(revoked.revokeApiToken).toMatchObject({ apiToken: { id: apiToken.id }, userErrors: [] });
    expect(revoked.revokeApiToken.apiToken.revokedAt).not.toBeNull();
    for (const authorization of [token.headers.authorization, 'Bearer slp_unknown', `Basic ${apiToken.id}`, 'Bearer']) {
      const { status, body } = await app.client().raw(VIEWER, {}, { authorization });
      expect(status).toBe(401);
      expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
      expect(body.data).toBeUndefined();
    }
    const { apiTokens } = await member.request(LIST, { all: false });
    expect(apiTokens).toEqual([]);
    expect((await member.request(LIST, { all: true })).apiTokens).toHaveLength(1);
  });

  it('records the last use to the minute, without a write on every request', async () => {
    const member = await (await world.partner()).member();
    const { client: token, apiToken } = await apiTokenClient(app, member);
    const first = await app.countStatements(() => token.request(VIEWER));
    const second = await app.countStatements(() => token.request(VIEWER));
    expect(first.statements - second.statements).toBe(1);
    const [listed] = (await member.request(LIST)).apiTokens;
    expect(listed.id).toBe(apiToken.id);
    expect(Date.now() - Date.parse(listed.lastUsedAt)).toBeLessThan(60_000);
  });

  it('lets a READ_ONLY token run no mutation, and no token manage tokens or the partner', async () => {
    const fixture = await world.partner();
    const member = await fixture.member();
    const service = { title: 'Ads', serviceType: 'ADS_MANAGEMENT', public: true, productCategories: ['SHOES'] };
    for (const scope of ['READ_ONLY', 'WORK_LEADS']) {
      const { client: token } = await apiTokenClient(app, member, scope);
      const publish = await token.raw(PUBLISH, { input: service });
      expect(publish.body.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([
        ['FORBIDDEN', `An API token with scope ${scope} may not run publishService`],
      ]);
      const mint = await token.raw(CREATE_API_TOKEN, { input: { name: 'More', scope: 'WORK_LEADS' } });
      expect(mint.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const logOut = await token.raw('mutation { logOut }');
      expect(logOut.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect((await member.request(LIST)).apiTokens).toHaveLength(2);
    const services = await member.request(`query($id: ID!) { node(id: $id) { ... on Partner { services { totalCount } } } }`, {
      id: fixture.partnerId,
    });
    expect(services.node.services.totalCount).toBe(1);
  });

  it('lets a WORK_LEADS token work leads, and runs a document with any refused mutation not at all', async () => {
    const fixture = await world.partner();
    const member = await fixture.member();
    const { inquiry } = await submitInquiry(await world.seller(), inquiryInput({ targetServiceIds: fixture.services }));
    const leadId = inquiry.leads.edges[0].node.id;
    const FOLLOW = `mutation($input: FollowLeadInput!) { followLead(input: $input) { lead { id status } userErrors { code } } }`;
    const MIXED = `mutation($input: FollowLeadInput!) { followLead(input: $input) { lead { status } } logOut }`;
    const { client: reader } = await apiTokenClient(app, member, 'READ_ONLY');
    const { client: worker } = await apiTokenClient(app, member, 'WORK_LEADS');
    expect((await reader.raw(FOLLOW, { input: { leadId } })).body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const mixed = await worker.raw(MIXED, { input: { leadId } });
    expect(mixed.body.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([
      ['FORBIDDEN', 'An API token with scope WORK_LEADS may not run logOut'],
    ]);
    const node = `query($id: ID!) { node(id: $id) { ... on Lead { status } } }`;
    expect((await member.request(node, { id: leadId })).node.status).toBe('NEW');
    expect((await worker.request(FOLLOW, { input: { leadId } })).followLead).toEqual({
      lead: { id: leadId, status: 'FOLLOWING' },
      userErrors: [],
    });
  });

  it('refuses a bad name, other partners and other roles, and more than the active-token limit', async () => {
    const member = await (await world.partner()).member();
    const bad = await member.request(CREATE_API_TOKEN, { input: { name: ' ', scope: 'READ_ONLY' } });
    expect(bad.createApiToken).toEqual({
      apiToken: null,
      secret: null,
      userErrors: [{ field: ['name'], message: 'Token name is required', code: 'INVALID' }],
    });
    const seller = await (await world.seller()).request(CREATE_API_TOKEN, { input: { name: 'Mine', scope: 'READ_ONLY' } });
    expect(seller.createApiToken.userErrors[0].code).toBe('FORBIDDEN');
    const listBySeller = await (await world.seller()).raw(LIST);
    expect(listBySeller.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const ids: string[] = [];
    for (let n = 0; n < MAX_ACTIVE_TOKENS; n += 1) ids.push((await apiTokenClient(app, member, 'READ_ONLY', `t${n}`)).apiToken.id);
    const over = await member.request(CREATE_API_TOKEN, { input: { name: 'one more', scope: 'READ_ONLY' } });
    expect(over.createApiToken.userErrors).toEqual([
      { field: null, code: 'LIMIT_EXCEEDED', message: `A partner can have at most ${MAX_ACTIVE_TOKENS} active tokens; revoke one first` },
    ]);

    const stranger = await (await world.partner()).member();
    const foreign = await stranger.request(REVOKE, { input: { apiTokenId: ids[0] } });
    expect(foreign.revokeApiToken).toEqual({ apiToken: null, userErrors: [{ field: ['apiTokenId'], code: 'NOT_FOUND' }] });
    await member.request(REVOKE, { input: { apiTokenId: ids[0] } });
    const again = await member.request(CREATE_API_TOKEN, { input: { name: 'one more', scope: 'READ_ONLY' } });
    expect(again.createApiToken.userErrors).toEqual([]);
  });

  it('holds the token limit under 40 concurrent creations', async () => {
    const member = await (await world.partner()).member();
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, n) => member.request(CREATE_API_TOKEN, { input: { name: `burst ${n}`, scope: 'READ_ONLY' } })),
    );
    const codes = results.map((r) => r.createApiToken.userErrors[0]?.code ?? 'CREATED');
    expect(codes.filter((code) => code === 'CREATED')).toHaveLength(MAX_ACTIVE_TOKENS);
    expect(codes.filter((code) => code === 'LIMIT_EXCEEDED')).toHaveLength(40 - MAX_ACTIVE_TOKENS);
    expect((await member.request(LIST)).apiTokens).toHaveLength(MAX_ACTIVE_TOKENS);
  });
});

describe('API tokens over graphql-ws', () => {
  const ALERTS = 'subscription { leadAlerts { type lead { id } } }';
  const open: LiveSubscription[] = [];
  afterAll(async () => {
    await Promise.all(open.map((s) => s.close()));
  });
  const live = (query: string, authorization: string) => {
    const subscription = new LiveSubscription(app.url, query, { authorization });
    open.push(subscription);
    return subscription;
  };

  it('reads as the member, keeps to its scope, and stops the moment it is revoked', async () => {
    const fixture = await world.partner();
    const member = await fixture.member();
    const { client: token, apiToken } = await apiTokenClient(app, member);
    const authorization = token.headers.authorization;
    const alerts = live(ALERTS, authorization);
    await alerts.ready();
    expect((await live(VIEWER, authorization).nth(0)).data.viewer.partner).toEqual({ id: fixture.partnerId });
    const publish = await live(
      `mutation { publishService(input: { title: "Ads", serviceType: ADS_MANAGEMENT, public: true,
      productCategories: [SHOES] }) { service { id } } }`,
      authorization,
    ).outcome();
    expect(publish.errors.map((e: any) => e.extensions.code)).toEqual(['FORBIDDEN']);

    await member.request(REVOKE, { input: { apiTokenId: apiToken.id } });
    await submitInquiry(await world.seller(), inquiryInput({ targetServiceIds: fixture.services }));
    const alert = await alerts.outcome();
    expect(alert.errors.map((e: any) => e.extensions.code)).toEqual(['UNAUTHENTICATED']);
    const closed = live(VIEWER, authorization);
    await expect.poll(() => closed.closeCode).toBe(4403);
  });
});
