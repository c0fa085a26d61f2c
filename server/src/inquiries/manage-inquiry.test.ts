import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type GraphQLClient, type TestApp } from '../../test/harness.js';
import { INQUIRY_FIELDS, World, inquiryInput, submitInquiry, type PartnerFixture } from '../../test/fixtures.js';

const UPDATE = `mutation($input: UpdateInquiryInput!) { updateInquiry(input: $input) { inquiry { ${INQUIRY_FIELDS} } userErrors { field message code } } }`;
const CLOSE = `mutation($input: CloseInquiryInput!) { closeInquiry(input: $input) { inquiry { ${INQUIRY_FIELDS} } userErrors { field message code } } }`;
const CLOSE_LEAD = `mutation($input: CloseLeadInput!) { closeLead(input: $input) { lead { id status closeReason closedAt } userErrors { field message code } } }`;
const MY = `query($status: InquiryStatus, $first: Int, $after: String) { myInquiries(status: $status, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { node { id status leads { edges { node { status partner { name } } } } } } } }`;

let app: TestApp;
let world: World;
let seller: GraphQLClient;
let agency: PartnerFixture;
let studio: PartnerFixture;

beforeAll(async () => {
  app = await startTestApp();
  world = new World(app);
  seller = await world.seller();
  agency = await world.partner();
  studio = await world.partner();
});
afterAll(() => app?.close());

async function newInquiry(client = seller) {
  const { inquiry } = await submitInquiry(client, inquiryInput({ targetServiceIds: [agency.services[0], studio.services[0]] }));
  return inquiry;
}

describe('updateInquiry', () => {
  it('changes the editable fields and leaves the rest as they were', async () => {
    const inquiry = await newInquiry();
    const { updateInquiry } = await seller.request(UPDATE, {
      input: {
        inquiryId: inquiry.id,
        contactName: 'Dana S.',
        budget: '4500.5',
        companySize: 'EMPLOYEES_30_100',
        location: null,
        hotSaleProduct: 'Toner',
      },
    });
    expect(updateInquiry.userErrors).toEqual([]);
    expect(updateInquiry.inquiry).toMatchObject({
      contact: { name: 'Dana S.', email: 'dana@shop.test' },
      budget: { amount: '4500.50', currency: 'USD' },
      companySize: 'EMPLOYEES_30_100',
      location: null,
      hotSaleProduct: 'Toner',
      shopGmv: { amount: '42000.50', currency: 'USD' },
      otherDetails: 'Launching soon',
      productCategory: 'BEAUTY_PERSONAL_CARE',
    });
    expect(new Date(updateInquiry.inquiry.updatedAt) >= new Date(inquiry.updatedAt)).toBe(true);
  });

  it('checks stored amounts against a new currency', async () => {
    const inquiry = await newInquiry();
    const { updateInquiry } = await seller.request(UPDATE, { input: { inquiryId: inquiry.id, currency: 'JPY' } });
    expect(updateInquiry.userErrors).toEqual([
      { field: ['shopGmv'], message: 'JPY amounts take at most 0 decimal places', code: 'INVALID' },
    ]);
    const fixed = await seller.request(UPDATE, { input: { inquiryId: inquiry.id, currency: 'JPY', shopGmv: '42000' } });
    expect(fixed.updateInquiry.inquiry.budget).toEqual({ amount: '3000', currency: 'JPY' });
  });

  it('refuses to clear a required field or set a bad value, and keeps what was stored', async () => {
    const inquiry = await newInquiry();
    const cleared = await seller.request(UPDATE, { input: { inquiryId: inquiry.id, contactName: null, budget: '-5' } });
    expect(cleared.updateInquiry.userErrors.map((e: any) => [e.field, e.code])).toEqual([
      [['contactName'], 'INVALID'],
      [['budget'], 'INVALID'],
    ]);
    const { node } = await seller.request(`query($id: ID!) { node(id: $id) { ... on Inquiry { contact { name } budget { amount } } } }`, {
      id: inquiry.id,
    });
    expect(node).toEqual({ contact: { name: 'Dana Seller' }, budget: { amount: '3000.00' } });
  });

  it('refuses contact email, request type and services with NOT_EDITABLE', async () => {
    const inquiry = await newInquiry();
    const { updateInquiry } = await seller.request(UPDATE, {
      input: {
        inquiryId: inquiry.id,
        contactEmail: 'new@shop.test',
        requestType: 'OPEN',
        targetServiceIds: [studio.services[0]],
      },
    });
    expect(updateInquiry.userErrors.map((e: any) => [e.field[0], e.code])).toEqual([
      ['contactEmail', 'NOT_EDITABLE'],
      ['requestType', 'NOT_EDITABLE'],
      ['targetServiceIds', 'NOT_EDITABLE'],
    ]);
  });

  it('refuses another seller, anonymous visitors and a closed inquiry', async () => {
    const inquiry = await newInquiry();
    const other = await (await world.seller()).request(UPDATE, { input: { inquiryId: inquiry.id, contactName: 'Hijack' } });
    expect(other.updateInquiry.userErrors).toEqual([{ field: ['inquiryId'], message: 'No such inquiry', code: 'NOT_FOUND' }]);
    const anonymous = await world.anonymous().request(UPDATE, { input: { inquiryId: inquiry.id, contactName: 'Hijack' } });
    expect(anonymous.updateInquiry.userErrors[0].code).toBe('UNAUTHENTICATED');
    await seller.request(CLOSE, { input: { inquiryId: inquiry.id } });
    const closed = await seller.request(UPDATE, { input: { inquiryId: inquiry.id, contactName: 'Late' } });
    expect(closed.updateInquiry.userErrors).toEqual([{ field: null, message: 'A closed inquiry cannot be edited', code: 'NOT_EDITABLE' }]);
  });
});

describe('closeInquiry and closeLead', () => {
  it('closes the inquiry and every open lead, with the seller-closed reason', async () => {
    const inquiry = await newInquiry();
    const { closeInquiry } = await seller.request(CLOSE, { input: { inquiryId: inquiry.id } });
    expect(closeInquiry.userErrors).toEqual([]);
    expect(closeInquiry.inquiry.status).toBe('CLOSED');
    expect(closeInquiry.inquiry.closedAt).not.toBeNull();
    expect(closeInquiry.inquiry.leads.edges.map((e: any) => e.node.status)).toEqual(['CLOSED', 'CLOSED']);
    const again = await seller.request(CLOSE, { input: { inquiryId: inquiry.id } });
    expect(again.closeInquiry.userErrors).toEqual([{ field: null, message: 'This inquiry is already closed', code: 'INVALID_TRANSITION' }]);
  });

  it("closes one partner's lead and leaves the others", async () => {
    const inquiry = await newInquiry();
    const [first, second] = inquiry.leads.edges.map((e: any) => e.node);
    const { closeLead } = await seller.request(CLOSE_LEAD, { input: { leadId: first.id } });
    expect(closeLead).toMatchObject({ lead: { id: first.id, status: 'CLOSED', closeReason: 'SELLER_CLOSED' }, userErrors: [] });
    const { node } = await seller.request(
      `query($id: ID!) { node(id: $id) { ... on Inquiry { status leads { edges { node { id status } } } } } }`,
      { id: inquiry.id },
    );
    expect(node).toEqual({
      status: 'ACTIVE',
      leads: { edges: [{ node: { id: first.id, status: 'CLOSED' } }, { node: { id: second.id, status: 'NEW' } }] },
    });
    const twice = await seller.request(CLOSE_LEAD, { input: { leadId: first.id } });
    expect(twice.closeLead.userErrors).toEqual([
      { field: null, code: 'INVALID_TRANSITION', message: 'The seller has already closed this lead' },
    ]);
  });

  it("refuses to close another seller's inquiry or lead", async () => {
    const inquiry = await newInquiry();
    const other = await world.seller();
    expect((await other.request(CLOSE, { input: { inquiryId: inquiry.id } })).closeInquiry.userErrors[0].code).toBe('NOT_FOUND');
    const leadId = inquiry.leads.edges[0].node.id;
    expect((await other.request(CLOSE_LEAD, { input: { leadId } })).closeLead.userErrors).toEqual([
      { field: ['leadId'], message: 'No such lead', code: 'NOT_FOUND' },
    ]);
    expect((await (await agency.member()).request(CLOSE_LEAD, { input: { leadId } })).closeLead.userErrors[0].code).toBe('FORBIDDEN');
  });
});

describe('myInquiries', () => {
  it("lists only the seller's own inquiries, newest first, with each partner's status, paged and filtered", async () => {
    const me = await world.seller();
    const ids = [];
    for (let i = 0; i < 3; i += 1) ids.push((await newInquiry(me)).id);
    await newInquiry(await world.seller());
    await me.request(CLOSE, { input: { inquiryId: ids[0] } });
    const page1 = (await me.request(MY, { first: 2 })).myInquiries;
    expect(page1.totalCount).toBe(3);
    expect(page1.edges.map((e: any) => e.node.id)).toEqual([ids[2], ids[1]]);
    expect(page1.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(page1.edges[0].node.leads.edges.map((e: any) => [e.node.status, e.node.partner.name])).toEqual([
      ['NEW', expect.stringMatching(/^Partner/)],
      ['NEW', expect.stringMatching(/^Partner/)],
    ]);
    const page2 = (await me.request(MY, { first: 2, after: page1.pageInfo.endCursor })).myInquiries;
    expect(page2.edges.map((e: any) => e.node.id)).toEqual([ids[0]]);
    expect(page2.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const closed = (await me.request(MY, { status: 'CLOSED' })).myInquiries;
    expect(closed.edges.map((e: any) => e.node.id)).toEqual([ids[0]]);
    // The total alone, and a page past the last: the count still covers every inquiry.
    expect((await me.request(MY, { first: 0 })).myInquiries).toMatchObject({ totalCount: 3, edges: [], pageInfo: { hasNextPage: false } });
    expect((await me.request(MY, { first: 2, after: page2.pageInfo.endCursor })).myInquiries).toMatchObject({
      totalCount: 3,
      edges: [],
      pageInfo: { hasNextPage: false, endCursor: null },
    });
  });

  it('caps the page size and refuses anonymous visitors and partners with a code', async () => {
    const tooMany = await seller.raw(MY, { first: 101 });
    expect(tooMany.body.errors?.[0]).toMatchObject({ message: 'first must be between 0 and 100', extensions: { code: 'BAD_USER_INPUT' } });
    const anonymous = await world.anonymous().raw(MY);
    expect(anonymous.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const partner = await (await agency.member()).raw(MY);
    expect(partner.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('reading an inquiry by any path', () => {
  it('gives another seller and an anonymous visitor nothing, through node(id:) or a lead', async () => {
    const inquiry = await newInquiry();
    const query = `query($id: ID!) { node(id: $id) { id ... on Inquiry { contact { email } } ... on Lead { status inquiry { id } } } }`;
    for (const client of [await world.seller(), world.anonymous()]) {
      expect(await client.request(query, { id: inquiry.id })).toEqual({ node: null });
      expect(await client.request(query, { id: inquiry.leads.edges[0].node.id })).toEqual({ node: null });
    }
    expect((await seller.request(query, { id: inquiry.id })).node).toEqual({ id: inquiry.id, contact: { email: 'dana@shop.test' } });
  });
});
