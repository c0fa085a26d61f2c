import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type GraphQLClient, type TestApp } from '../../test/harness.js';
import { World, apiTokenClient, type PartnerFixture } from '../../test/fixtures.js';
import { grantAuthorization, leadAction, leadFor } from '../../test/lead-fixtures.js';
import { csvObjects, parseCsv } from '../../test/csv-parse.js';
import { download } from '../../test/export-fixtures.js';
import { LEAD_EXPORT_COLUMNS } from './lead-export.js';

let app: TestApp;
let world: World;
let seller: GraphQLClient;
let partner: PartnerFixture;
let member: GraphQLClient;
/** The partner's leads by what the test did with them. */
const leads: Record<'fresh' | 'followed' | 'deal' | 'rejected', string[]> = { fresh: [], followed: [], deal: [], rejected: [] };
let authorizationCode: string;

async function csvOf(client: GraphQLClient, params: Record<string, string>) {
  const { response, text } = await download(app, client, params);
  expect(response.status, text).toBe(200);
  return csvObjects(text);
}

const LEADS = `query($status: LeadStatus!, $filter: LeadFilter, $orderBy: LeadOrder, $search: String) {
  leads(status: $status, first: 100, filter: $filter, orderBy: $orderBy, search: $search) { totalCount edges { node { id } } } }`;

async function listed(client: GraphQLClient, variables: Record<string, unknown>): Promise<string[]> {
  const { leads: page } = await client.request(LEADS, variables);
  return page.edges.map((edge: { node: { id: string } }) => edge.node.id);
}

beforeAll(async () => {
  // Three rows a chunk, so a tab of seven crosses two chunk boundaries.
  app = await startTestApp({ notifications: { deliver: false }, limits: { exportChunkRows: 3, exportCost: 1 } });
  world = new World(app);
  seller = await world.seller();
  partner = await world.partner({ services: [{ title: 'Store management' }, { title: 'Ads, "growth" & more' }] });
  member = await partner.member();
  const budgets = ['1500', '9000', '3000', '3000', '700', '12000', '4500'];
  for (const [i, budget] of budgets.entries()) {
    leads.fresh.push(
      await leadFor(seller, partner, {
        budget,
        shopGmv: `${10_000 + i}.5`,
        hotSaleProduct: i === 2 ? '=HYPERLINK("http://evil.test","click")' : `Product ${i}`,
        otherDetails: i === 3 ? 'Two lines,\nwith "quotes"' : null,
        productCategory: i % 2 ? 'WOMENSWEAR' : 'BEAUTY_PERSONAL_CARE',
        ...(i === 4 ? { targetServiceIds: partner.services } : {}),
      }),
    );
  }
  for (let i = 0; i < 4; i += 1) {
    const lead = await leadFor(seller, partner, {
      contactName: `Follower ${i}`,
      contactEmail: `follower${i}@shop.test`,
      hotSaleProduct: `Kept ${i}`,
    });
    const { userErrors } = await leadAction(member, 'followLead', { leadId: lead });
    if (userErrors.length) throw new Error(JSON.stringify(userErrors));
    leads.followed.push(lead);
  }
  // Another seller: a grant turns every lead its seller has with the partner into a deal.
  const dealer = await world.seller();
  const dealLead = await leadFor(dealer, partner, { contactName: 'Deal Maker', contactEmail: 'deal@shop.test' });
  await leadAction(member, 'followLead', { leadId: dealLead });
  const { authorization } = await grantAuthorization(dealer, partner.partnerId);
  authorizationCode = authorization.authorizationId;
  await leadAction(member, 'acceptCooperation', { leadId: dealLead, authorizationId: authorizationCode });
  leads.deal.push(dealLead);
  const rejected = await leadFor(seller, partner, { contactName: 'Turned Down', hotSaleProduct: 'Secret' });
  await leadAction(member, 'rejectLead', { leadId: rejected, reason: 'BUDGET_TOO_LOW', note: 'Too small, sorry' });
  leads.rejected.push(rejected);
}, 120_000);
afterAll(() => app?.close());

describe('GET /export/leads.csv', () => {
  it('streams the whole NEW tab across chunk boundaries, each lead once, newest first, with a header row and no contact', async () => {
    const { response, text } = await download(app, member, { status: 'NEW' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="leads-new-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const [header] = parseCsv(text);
    expect(header).toEqual(LEAD_EXPORT_COLUMNS.map(([name]) => name));
    const rows = csvObjects(text);
    expect(rows.map((row) => row.id)).toEqual([...leads.fresh].reverse());
    expect(leads.fresh.every((id) => Buffer.from(id, 'base64url').toString().startsWith('Lead:'))).toBe(true);
    expect(rows.map((row) => row.id)).toEqual(await listed(member, { status: 'NEW' }));
    for (const row of rows) {
      expect(row).toMatchObject({ status: 'NEW', contactAccess: 'LOCKED', contactName: '', contactEmail: '', rejectReason: '' });
    }
    // The first lead, every column as the API shows it.
    const first = rows.at(-1)!;
    const { node } = await member.request(
      `query($id: ID!) { node(id: $id) { ... on Lead { id createdAt updatedAt source
      inquiry { id createdAt updatedAt } } } }`,
      { id: leads.fresh[0] },
    );
    expect(first).toEqual({
      id: leads.fresh[0],
      status: 'NEW',
      source: 'SELLER_TARGETED',
      createdAt: node.createdAt,
      updatedAt: node.updatedAt,
      respondBy: '',
      followedAt: '',
      dealAt: '',
      closedAt: '',
      closeReason: '',
      rejectedAt: '',
      rejectReason: '',
      rejectNote: '',
      closeNote: '',
      services: 'Store management',
      authorizationId: '',
      inquiryId: node.inquiry.id,
      requestType: 'TARGET',
      inquiryStatus: 'ACTIVE',
      serviceType: '',
      productCategory: 'BEAUTY_PERSONAL_CARE',
      companySize: 'EMPLOYEES_5_30',
      location: 'Austin, US',
      language: '',
      currency: 'USD',
      budget: '1500.00',
      shopGmv: '10000.50',
      otherChannelsGmv: '1000.00',
      hotSaleProduct: 'Product 0',
      otherDetails: '',
      inquiryCreatedAt: node.inquiry.createdAt,
      inquiryUpdatedAt: node.inquiry.updatedAt,
      contactAccess: 'LOCKED',
      contactName: '',
      contactEmail: '',
    });
    // Escaping: a formula is text, quotes and line breaks survive; both services of a two-service lead, its own first.
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.get(leads.fresh[2])!.hotSaleProduct).toBe('\'=HYPERLINK("http://evil.test","click")');
    expect(byId.get(leads.fresh[3])!.otherDetails).toBe('Two lines,\nwith "quotes"');
    expect(byId.get(leads.fresh[4])!.services).toBe('Store management; Ads, "growth" & more');
    expect(text).toContain('"\'=HYPERLINK(""http://evil.test"",""click"")"');
  });

  it('fills the contact where the access policy shows it: FOLLOWING and DEAL, never a rejected lead', async () => {
    const following = await csvOf(member, { status: 'FOLLOWING' });
    expect(following.map((row) => [row.id, row.contactAccess, row.contactName, row.contactEmail, row.hotSaleProduct])).toEqual(
      [...leads.followed].reverse().map((id, i) => [id, 'VISIBLE', `Follower ${3 - i}`, `follower${3 - i}@shop.test`, `Kept ${3 - i}`]),
    );
    expect(following.every((row) => row.followedAt !== '' && row.status === 'FOLLOWING')).toBe(true);
    const [deal] = await csvOf(member, { status: 'DEAL' });
    expect(deal).toMatchObject({
      id: leads.deal[0],
      contactAccess: 'VISIBLE',
      contactName: 'Deal Maker',
      contactEmail: 'deal@shop.test',
      authorizationId: authorizationCode,
    });
    expect(deal.dealAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    // Rejected: the partner's own reason and note, nothing of the seller's inquiry.
    const [rejected] = await csvOf(member, { status: 'REJECTED' });
    expect(rejected).toMatchObject({
      id: leads.rejected[0],
      status: 'REJECTED',
      rejectReason: 'BUDGET_TOO_LOW',
      rejectNote: 'Too small, sorry',
      contactAccess: 'REVOKED',
      contactName: '',
      contactEmail: '',
      inquiryId: '',
      hotSaleProduct: '',
      budget: '',
      productCategory: '',
      services: 'Store management',
    });
  });

  it('takes the leads query’s filters, order and search, and lists exactly what it lists', async () => {
    const cases: [Record<string, string>, Record<string, unknown>][] = [
      [{ status: 'NEW', orderBy: 'BUDGET', direction: 'ASC' }, { orderBy: { field: 'BUDGET', direction: 'ASC' } }],
      [{ status: 'NEW', orderBy: 'SHOP_GMV' }, { orderBy: { field: 'SHOP_GMV', direction: 'DESC' } }],
      [{ status: 'NEW', budgetMin: '3000', budgetMax: '9000' }, { filter: { budgetMin: '3000', budgetMax: '9000' } }],
      [
        { status: 'NEW', productCategory: 'WOMENSWEAR', orderBy: 'BUDGET', direction: 'DESC' },
        { filter: { productCategory: 'WOMENSWEAR' }, orderBy: { field: 'BUDGET', direction: 'DESC' } },
      ],
      [{ status: 'NEW', search: 'product' }, { search: 'product' }],
      [{ status: 'FOLLOWING', search: 'kept' }, { search: 'kept' }],
      [{ status: 'NEW', source: 'PLATFORM_ASSIGNED' }, { filter: { source: 'PLATFORM_ASSIGNED' } }],
    ];
    for (const [params, variables] of cases) {
      const exported = (await csvOf(member, params)).map((row) => row.id);
      expect(exported, JSON.stringify(params)).toEqual(await listed(member, { status: params.status, ...variables }));
    }
    // Spelled out, so the comparison above cannot pass on two empty lists.
    const byBudget = (await csvOf(member, { status: 'NEW', orderBy: 'BUDGET', direction: 'ASC' })).map((row) => row.budget);
    expect(byBudget).toEqual(['700.00', '1500.00', '3000.00', '3000.00', '4500.00', '9000.00', '12000.00']);
    const ranged = await csvOf(member, { status: 'NEW', budgetMin: '3000', budgetMax: '9000', orderBy: 'BUDGET', direction: 'ASC' });
    expect(ranged.map((row) => row.budget)).toEqual(['3000.00', '3000.00', '4500.00', '9000.00']);
    expect((await csvOf(member, { status: 'NEW', search: 'product 1' })).map((row) => row.hotSaleProduct)).toEqual(['Product 1']);
    expect((await csvOf(member, { status: 'NEW', productCategory: 'WOMENSWEAR' })).map((row) => row.id)).toEqual([
      leads.fresh[5],
      leads.fresh[3],
      leads.fresh[1],
    ]);
    // Incremental: only what changed after a time.
    const since = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await leadAction(member, 'followLead', { leadId: leads.fresh[6] });
    expect((await csvOf(member, { status: 'FOLLOWING', updatedAfter: since })).map((row) => row.id)).toEqual([leads.fresh[6]]);
    leads.followed.push(leads.fresh.pop()!);
  });

  it('answers a session or an API token of either scope, only with its own partner’s leads', async () => {
    const readOnly = await apiTokenClient(app, member, 'READ_ONLY');
    const workLeads = await apiTokenClient(app, member, 'WORK_LEADS', 'Worker');
    const expected = (await csvOf(member, { status: 'FOLLOWING' })).map((row) => row.id);
    expect(expected.length).toBe(leads.followed.length);
    for (const client of [readOnly.client, workLeads.client]) {
      expect((await csvOf(client, { status: 'FOLLOWING' })).map((row) => row.id)).toEqual(expected);
    }
    // A token wins over a cookie, as on /graphql: another partner's token with this member's cookie.
    const other = await world.partner();
    const otherMember = await other.member();
    expect(await csvOf(otherMember, { status: 'FOLLOWING' })).toEqual([]);
    const otherToken = await apiTokenClient(app, otherMember);
    otherToken.client.cookie = member.cookie;
    expect(await csvOf(otherToken.client, { status: 'FOLLOWING' })).toEqual([]);
    // A revoked token is refused outright.
    await member.request(`mutation($input: RevokeApiTokenInput!) { revokeApiToken(input: $input) { userErrors { code } } }`, {
      input: { apiTokenId: readOnly.apiToken.id },
    });
    const revoked = await download(app, readOnly.client, { status: 'FOLLOWING' });
    expect(revoked.response.status).toBe(401);
    expect(JSON.parse(revoked.text)).toEqual({
      errors: [{ message: 'Unknown or revoked API token', extensions: { code: 'UNAUTHENTICATED' } }],
    });
  });

  it('refuses visitors, sellers and operators with a coded JSON reason, before reading any lead', async () => {
    const refusal = async (client: GraphQLClient) => {
      const { response, text } = await download(app, client, { status: 'NEW' });
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      return [response.status, JSON.parse(text).errors[0]];
    };
    expect(await refusal(world.anonymous())).toEqual([
      401,
      { message: 'Log in, or send an API token as "Authorization: Bearer <token>"', extensions: { code: 'UNAUTHENTICATED' } },
    ]);
    const notPartner = { message: "Only a partner's members can export its leads", extensions: { code: 'FORBIDDEN' } };
    expect(await refusal(seller)).toEqual([403, notPartner]);
    expect(await refusal(await world.operator())).toEqual([403, notPartner]);
    const garbage = world.anonymous();
    garbage.headers = { authorization: 'Bearer nope' };
    expect((await refusal(garbage))[0]).toBe(401);
  });

  it('refuses bad parameters with 400 and says which', async () => {
    const cases: [string, string][] = [
      ['', 'status is required: one of NEW, FOLLOWING, DEAL, CLOSED, REJECTED'],
      ['status=OPEN', 'status must be one of NEW, FOLLOWING, DEAL, CLOSED, REJECTED'],
      ['status=NEW&status=DEAL', 'status must be given once'],
      [
        'status=NEW&sort=BUDGET',
        'Unknown parameter sort; known: status, orderBy, direction, search, budgetMin, budgetMax, updatedAfter, serviceType, productCategory, companySize, source',
      ],
      ['status=NEW&orderBy=PRICE', 'orderBy must be one of RECEIVED, BUDGET, SHOP_GMV, COMPANY_SIZE'],
      ['status=NEW&direction=ASC', 'direction needs orderBy'],
      ['status=NEW&budgetMin=lots', 'budgetMin: Decimal values are strings of digits with an optional decimal point, e.g. "12500.00"'],
      [
        'status=NEW&companySize=HUGE',
        'companySize must be one of EMPLOYEES_0_5, EMPLOYEES_5_30, EMPLOYEES_30_100, EMPLOYEES_100_500, EMPLOYEES_500_PLUS',
      ],
      [
        'status=REJECTED&search=serum',
        "Rejected leads no longer show the seller's business profile, so they can only be filtered by source",
      ],
    ];
    for (const [query, message] of cases) {
      const { response, text } = await download(app, member, query);
      expect([response.status, JSON.parse(text)], query).toEqual([400, { errors: [{ message, extensions: { code: 'INVALID' } }] }]);
    }
    const { response, text } = await download(app, member, 'status=NEW&updatedAfter=yesterday');
    expect(response.status).toBe(400);
    expect(JSON.parse(text).errors[0].message).toMatch(/^updatedAfter: /);
  });

  it('is charged to the rate budgets, so exports cannot be hammered (429 with Retry-After)', async () => {
    const limited = await startTestApp({ notifications: { deliver: false }, limits: { exportCost: 900_000 } });
    try {
      const p = await new World(limited).partner();
      const m = await p.member();
      const get = () => download(limited, m, { status: 'NEW' });
      expect((await get()).response.status).toBe(200);
      expect((await get()).response.status).toBe(200);
      const { response, text } = await get();
      expect(response.status).toBe(429);
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(JSON.parse(text).errors[0]).toMatchObject({ extensions: { code: 'RATE_LIMITED' } });
      expect(JSON.parse(text).errors[0].message).toMatch(/^Rate limit exceeded: try again in \d+ s$/);
    } finally {
      await limited.close();
    }
  });
});
