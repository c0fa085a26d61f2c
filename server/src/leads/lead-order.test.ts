import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type GraphQLClient, type TestApp } from '../../test/harness.js';
import { World, inquiryInput, submitInquiry, type PartnerFixture } from '../../test/fixtures.js';

/** A tab at volume over the API: every order across pages, search, budget and sync filters. */

let app: TestApp;
let partner: PartnerFixture;
let member: GraphQLClient;
let seller: GraphQLClient;
const leads: { id: string; inquiryId: string; budget: number; gmv: number; size: string; product: string }[] = [];
const SIZES = ['EMPLOYEES_0_5', 'EMPLOYEES_5_30', 'EMPLOYEES_30_100', 'EMPLOYEES_100_500', 'EMPLOYEES_500_PLUS'];
const PRODUCTS = ['Vitamin serum', 'Leather boots', 'Phone case', 'Silk scarf'];

beforeAll(async () => {
  app = await startTestApp({ notifications: { deliver: false } });
  const world = new World(app);
  partner = await world.partner({ services: [{ title: 'Livestream studio' }] });
  member = await partner.member();
  seller = await world.seller();
  for (let i = 0; i < 23; i += 1) {
    // Budgets repeat (ties broken by id), GMV and size vary on their own.
    const lead = { budget: 1000 + (i % 7) * 250, gmv: 50_000 - i * 1000, size: SIZES[i % 5], product: PRODUCTS[i % 4] };
    const { inquiry, userErrors } = await submitInquiry(
      seller,
      inquiryInput({
        targetServiceIds: partner.services,
        budget: String(lead.budget),
        shopGmv: String(lead.gmv),
        companySize: lead.size,
        hotSaleProduct: lead.product,
        contactName: `Contact ${i}`,
      }),
    );
    expect(userErrors).toEqual([]);
    leads.push({ id: inquiry.leads.edges[0].node.id, inquiryId: inquiry.id, ...lead });
  }
});
afterAll(() => app?.close());

const PAGE = `query($orderBy: LeadOrder, $after: String, $search: String, $filter: LeadFilter) {
  leads(status: NEW, first: 10, after: $after, orderBy: $orderBy, search: $search, filter: $filter) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id updatedAt } } } }`;

async function everyPage(variables: Record<string, unknown>): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (;;) {
    const { leads: page }: { leads: any } = await member.request(PAGE, { ...variables, after });
    expect(page.totalCount).toBe(leads.length);
    ids.push(...page.edges.map((edge: any) => edge.node.id));
    if (!page.pageInfo.hasNextPage) return ids;
    after = page.pageInfo.endCursor;
  }
}

const idNumber = (id: string) => Number(Buffer.from(id, 'base64url').toString().split(':')[1]);
const byKey = (key: (lead: (typeof leads)[number]) => number, direction: 1 | -1) =>
  [...leads].sort((a, b) => direction * (key(a) - key(b)) || direction * (idNumber(a.id) - idNumber(b.id))).map((lead) => lead.id);

describe('leads(orderBy:)', () => {
  it.each([
    ['BUDGET', (lead: (typeof leads)[number]) => lead.budget],
    ['SHOP_GMV', (lead: (typeof leads)[number]) => lead.gmv],
    ['COMPANY_SIZE', (lead: (typeof leads)[number]) => SIZES.indexOf(lead.size)],
  ] as const)('orders the whole tab by %s in both directions across pages, ties by id, none skipped or repeated', async (field, key) => {
    expect(await everyPage({ orderBy: { field, direction: 'ASC' } })).toEqual(byKey(key, 1));
    expect(await everyPage({ orderBy: { field, direction: 'DESC' } })).toEqual(byKey(key, -1));
  });

  it('walks the same order backwards from the last page (last, before), as the SPA does for Previous and Last', async () => {
    const BACK = `query($orderBy: LeadOrder, $before: String) { leads(status: NEW, last: 10, before: $before, orderBy: $orderBy) {
      pageInfo { hasPreviousPage hasNextPage startCursor } edges { node { id } } } }`;
    const orderBy = { field: 'BUDGET', direction: 'DESC' };
    const pages: string[][] = [];
    let before: string | null = null;
    let more = true;
    while (more) {
      const { leads: page }: { leads: any } = await member.request(BACK, { orderBy, before });
      pages.unshift(page.edges.map((edge: any) => edge.node.id));
      expect(page.pageInfo.hasNextPage).toBe(before != null);
      ({ hasPreviousPage: more, startCursor: before } = page.pageInfo);
    }
    expect(pages.map((page) => page.length)).toEqual([3, 10, 10]);
    expect(pages.flat()).toEqual(byKey((lead) => lead.budget, -1));
    const mixed = await member.raw('query { leads(status: NEW, first: 5, last: 5) { totalCount } }');
    expect(mixed.body.errors?.map((e) => [e.message, e.extensions?.code])).toEqual([
      ['Page forwards (first, after) or backwards (last, before), not both', 'BAD_USER_INPUT'],
    ]);
  });

  it('orders by RECEIVED, newest first by default', async () => {
    const newestFirst = [...leads].reverse().map((lead) => lead.id);
    expect(await everyPage({})).toEqual(newestFirst);
    expect(await everyPage({ orderBy: { field: 'RECEIVED', direction: 'ASC' } })).toEqual([...newestFirst].reverse());
  });

  it("refuses another order's cursor and a forged one", async () => {
    const { leads: page } = await member.request(PAGE, { orderBy: { field: 'BUDGET', direction: 'ASC' } });
    const other = await member.raw(PAGE, { orderBy: { field: 'SHOP_GMV', direction: 'ASC' }, after: page.pageInfo.endCursor });
    expect(other.body.errors?.map((e) => [e.message, e.extensions?.code])).toEqual([
      ['This cursor belongs to another order: start again from the first page', 'BAD_USER_INPUT'],
    ]);
    const forged = await member.raw(PAGE, { after: Buffer.from('["RECEIVED_DESC","x\'; drop table leads",1]').toString('base64url') });
    expect(forged.body.errors?.map((e) => [e.message, e.extensions?.code])).toEqual([['Invalid cursor', 'BAD_USER_INPUT']]);
  });
});

describe('leads(search:)', () => {
  const found = async (search: string) => (await member.request(PAGE, { search })).leads.edges.map((edge: any) => edge.node.id).sort();
  const withProduct = (product: string) =>
    leads
      .filter((lead) => lead.product === product)
      .map((lead) => lead.id)
      .sort();

  it('finds the hot-sale product, product category and service title by word prefix', async () => {
    expect(await found('leath')).toEqual(withProduct('Leather boots'));
    expect(await found('SERUM vitamin')).toEqual(withProduct('Vitamin serum'));
    expect((await member.request(PAGE, { search: 'beauty' })).leads.totalCount).toBe(leads.length);
    expect((await member.request(PAGE, { search: 'livestream' })).leads.totalCount).toBe(leads.length);
    expect(await found('boots scarf')).toEqual([]);
  });

  it('never searches the contact details', async () => {
    expect(await found('Contact')).toEqual([]);
    expect(await found('dana')).toEqual([]);
  });

  it('refuses a search too long to be a search', async () => {
    const { body } = await member.raw(PAGE, { search: 'x'.repeat(101) });
    expect(body.errors?.map((e) => [e.message, e.extensions?.code])).toEqual([['Search for at most 100 characters', 'INVALID']]);
  });
});

describe('leads(filter: { budgetMin, budgetMax, updatedAfter })', () => {
  it('keeps the leads whose budget is within the bounds', async () => {
    const { leads: page } = await member.request(PAGE, {
      filter: { budgetMin: '1500', budgetMax: '2000' },
      orderBy: { field: 'BUDGET', direction: 'ASC' },
    });
    const expected = byKey((lead) => lead.budget, 1).filter((id) => {
      const b = leads.find((l) => l.id === id)!.budget;
      return b >= 1500 && b <= 2000;
    });
    expect(page.edges.map((edge: any) => edge.node.id)).toEqual(expected.slice(0, 10));
    expect(page.totalCount).toBe(expected.length);
  });

  it('returns exactly the leads whose inquiry changed since a time, with their new updatedAt', async () => {
    const before = (await member.request(PAGE, {})).leads.edges[0].node.updatedAt;
    const since = new Date().toISOString();
    const edited = leads.slice(3, 5);
    for (const lead of edited) {
      await seller.request(`mutation($input: UpdateInquiryInput!) { updateInquiry(input: $input) { userErrors { code } } }`, {
        input: { inquiryId: lead.inquiryId, otherDetails: 'Now with a bigger team' },
      });
    }
    const { leads: changed } = await member.request(PAGE, { filter: { updatedAfter: since } });
    expect(changed.edges.map((edge: any) => edge.node.id).sort()).toEqual(edited.map((lead) => lead.id).sort());
    for (const edge of changed.edges) expect(new Date(edge.node.updatedAt).getTime()).toBeGreaterThan(new Date(since).getTime());
    expect(new Date(before).getTime()).toBeLessThan(new Date(since).getTime());
  });
});
