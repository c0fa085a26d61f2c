import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type GraphQLClient, type TestApp } from '../../test/harness.js';
import { CREATE_API_TOKEN, World, apiTokenClient, inquiryInput, submitInquiry, type PartnerFixture } from '../../test/fixtures.js';
import { leadAction, leadFor } from '../../test/lead-fixtures.js';
import { LiveSubscription } from '../../test/live.js';

/**
 * The reproductions of issue 14, each on the path it leaked through: a partner that is not
 * onboarded, node(id:) on services and partners, and filters on a lead whose inquiry is hidden.
 */

let app: TestApp;
let world: World;
let operator: GraphQLClient;
beforeAll(async () => {
  app = await startTestApp();
  world = new World(app);
  operator = await world.operator();
});
afterAll(() => app?.close());

const SET_STATUS = `mutation($input: SetPartnerStatusInput!) { setPartnerStatus(input: $input) { partner { status } userErrors { code } } }`;
const LEAD = `query($id: ID!) { node(id: $id) { ... on Lead { status partner { name } inquiry { companySize contact { email } contactAccess } } } }`;
const PUBLISH = `mutation($input: PublishServiceInput!) { publishService(input: $input) { service { title public } userErrors { message code } } }`;
const serviceInput = (isPublic: boolean) => ({
  title: 'Live shopping',
  serviceType: 'LIVE_STREAMING',
  productCategories: ['MENSWEAR'],
  public: isPublic,
});

async function setStatus(partner: PartnerFixture, status: string) {
  const { setPartnerStatus } = await operator.request(SET_STATUS, { input: { partnerId: partner.partnerId, status } });
  expect(setPartnerStatus).toEqual({ partner: { status }, userErrors: [] });
}

describe('a partner that is not onboarded', () => {
  const SUSPENDED = 'The platform has suspended your organisation, so it cannot do this';
  const PENDING = 'Your organisation is awaiting onboarding by the platform, so it cannot do this yet';
  let partner: PartnerFixture;
  let member: GraphQLClient;
  let seller: GraphQLClient;
  let token: GraphQLClient;
  let following: string;
  let fresh: string;

  beforeAll(async () => {
    partner = await world.partner();
    member = await partner.member();
    seller = await world.seller();
    following = await leadFor(seller, partner);
    fresh = await leadFor(seller, partner);
    await leadAction(member, 'followLead', { leadId: following });
    token = (await apiTokenClient(app, member, 'WORK_LEADS')).client;
  });

  it.each([
    ['SUSPENDED', SUSPENDED],
    ['PENDING', PENDING],
  ])('while %s sees its leads and their profile, no contact, and acts on nothing', async (status, message) => {
    await setStatus(partner, status);
    expect((await member.request(LEAD, { id: following })).node).toEqual({
      status: 'FOLLOWING',
      partner: { name: partner.partner.name },
      inquiry: { companySize: 'EMPLOYEES_5_30', contact: null, contactAccess: 'PARTNER_NOT_ONBOARDED' },
    });
    const refused = [{ message, code: 'FORBIDDEN' }];
    const follow = await leadAction(member, 'followLead', { leadId: fresh });
    expect(follow.userErrors.map(({ message, code }) => ({ message, code }))).toEqual(refused);
    const reject = await leadAction(token, 'rejectLead', { leadId: fresh, reason: 'NO_CAPACITY' });
    expect(reject.userErrors.map(({ message, code }) => ({ message, code }))).toEqual(refused);
    expect((await member.request(PUBLISH, { input: serviceInput(true) })).publishService).toEqual({ service: null, userErrors: refused });
    const created = (await member.request(CREATE_API_TOKEN, { input: { name: 'Another', scope: 'READ_ONLY' } })).createApiToken;
    expect([created.secret, created.userErrors.map(({ message, code }: any) => ({ message, code }))]).toEqual([null, refused]);
    // Reading stays: its tab, its badges, a private draft.
    const tab = await member.request(
      'query { leads(status: NEW) { edges { node { id inquiry { companySize } } } } leadCounts { new following } }',
    );
    expect(tab).toEqual({
      leads: { edges: [{ node: { id: fresh, inquiry: { companySize: 'EMPLOYEES_5_30' } } }] },
      leadCounts: { new: 1, following: 1 },
    });
    expect((await member.request(PUBLISH, { input: serviceInput(false) })).publishService).toEqual({
      service: { title: 'Live shopping', public: false },
      userErrors: [],
    });
    expect((await member.request(LEAD, { id: fresh })).node.status).toBe('NEW');
    // The seller still sees who works its request.
    expect((await seller.request(LEAD, { id: following })).node.partner).toEqual({ name: partner.partner.name });
  });

  it('gets live alerts without the contact while not onboarded', async () => {
    const alerts = new LiveSubscription(
      app.url,
      `subscription { leadAlerts { type lead { id inquiry { budget { amount } contact { email } contactAccess } } } }`,
      { cookie: member.cookie },
    );
    await alerts.ready();
    const { node } = await seller.request(`query($id: ID!) { node(id: $id) { ... on Lead { inquiry { id } } } }`, { id: following });
    await seller.request(`mutation($input: UpdateInquiryInput!) { updateInquiry(input: $input) { userErrors { code } } }`, {
      input: { inquiryId: node.inquiry.id, budget: '4500' },
    });
    expect((await alerts.nth(0)).data.leadAlerts).toEqual({
      type: 'INQUIRY_UPDATED',
      lead: { id: following, inquiry: { budget: { amount: '4500.00' }, contact: null, contactAccess: 'PARTNER_NOT_ONBOARDED' } },
    });
    await alerts.close();
  });

  it('reinstated, sees again what its leads allow and acts again', async () => {
    await setStatus(partner, 'ONBOARDED');
    expect((await member.request(LEAD, { id: following })).node.inquiry).toEqual({
      companySize: 'EMPLOYEES_5_30',
      contact: { email: 'dana@shop.test' },
      contactAccess: 'VISIBLE',
    });
    expect((await leadAction(token, 'followLead', { leadId: fresh })).lead.status).toBe('FOLLOWING');
  });
});

describe('node(id:) keeps the directory rules', () => {
  const SERVICE = `query($id: ID!) { node(id: $id) { ... on Service { title public } } }`;
  const PARTNER = `query($id: ID!) { node(id: $id) { ... on Partner { name status } } }`;

  it('shows a private service only to its partner and operators', async () => {
    const owner = await world.partner({ services: [{ title: 'Secret launch plan', public: false }] });
    const viewers = {
      visitor: world.anonymous(),
      otherPartner: await (await world.partner()).member(),
      seller: await world.seller(),
      member: await owner.member(),
      operator,
    };
    const seen = Object.fromEntries(
      await Promise.all(
        Object.entries(viewers).map(async ([name, client]) => [name, (await client.request(SERVICE, { id: owner.services[0] })).node]),
      ),
    );
    const service = { title: 'Secret launch plan', public: false };
    expect(seen).toEqual({ visitor: null, otherPartner: null, seller: null, member: service, operator: service });
    const listed = await world.anonymous().request(`query { services(filter: { search: "Secret launch" }) { totalCount } }`);
    expect(listed.services.totalCount).toBe(0);
    const onItsPage = await world
      .anonymous()
      .request(`query($id: ID!) { node(id: $id) { ... on Partner { services { totalCount } } } }`, { id: owner.partnerId });
    expect(onItsPage.node.services.totalCount).toBe(0);
  });

  it('shows a partner that is not onboarded, and its public services, only to its members and operators', async () => {
    const pending = await world.partner({ status: 'PENDING' as never, services: [{ title: 'Waiting for review' }] });
    const member = await pending.member();
    for (const client of [world.anonymous(), await world.seller(), await (await world.partner()).member()]) {
      expect((await client.request(PARTNER, { id: pending.partnerId })).node).toBeNull();
      expect((await client.request(SERVICE, { id: pending.services[0] })).node).toBeNull();
    }
    for (const client of [member, operator]) {
      expect((await client.request(PARTNER, { id: pending.partnerId })).node).toEqual({ name: pending.partner.name, status: 'PENDING' });
      expect((await client.request(SERVICE, { id: pending.services[0] })).node).toEqual({ title: 'Waiting for review', public: true });
    }
  });
});

describe('filters on a lead whose inquiry the partner may no longer see', () => {
  const CLOSED_TAB = `query($filter: LeadFilter) { leads(status: CLOSED, filter: $filter) { totalCount edges { node { id closeReason inquiry { id } } } } }`;

  it('after unassignLead, no filter on the hidden profile changes what the CLOSED tab returns', async () => {
    const partner = await world.partner({ services: [{ serviceType: 'TRAINING' as never }] });
    const member = await partner.member();
    const seller = await world.seller();
    const { inquiry, userErrors } = await submitInquiry(
      seller,
      inquiryInput({
        requestType: 'OPEN',
        serviceType: 'TRAINING',
        companySize: 'EMPLOYEES_100_500',
        productCategory: 'BEAUTY_PERSONAL_CARE',
      }),
    );
    expect(userErrors).toEqual([]);
    const leadId = inquiry.leads.edges[0].node.id;
    const { unassignLead } = await operator.request(
      `mutation($input: UnassignLeadInput!) { unassignLead(input: $input) { userErrors { code } } }`,
      { input: { leadId } },
    );
    expect(unassignLead.userErrors).toEqual([]);

    const tab = async (filter: Record<string, string> | null) => (await member.request(CLOSED_TAB, { filter })).leads;
    expect(await tab(null)).toEqual({ totalCount: 1, edges: [{ node: { id: leadId, closeReason: 'UNASSIGNED', inquiry: null } }] });
    const nothing = { totalCount: 0, edges: [] };
    for (const filter of <Record<string, string>[]>[
      { companySize: 'EMPLOYEES_100_500' },
      { companySize: 'EMPLOYEES_0_5' },
      { productCategory: 'BEAUTY_PERSONAL_CARE' },
      { productCategory: 'MENSWEAR' },
      { serviceType: 'TRAINING' },
      { serviceType: 'LOGISTICS' },
    ]) {
      expect(await tab(filter), JSON.stringify(filter)).toEqual(nothing);
    }
    // The operator, who may see the inquiry, filters it as usual.
    const asOperator = (await operator.request(CLOSED_TAB, { filter: { companySize: 'EMPLOYEES_100_500' } })).leads;
    expect(asOperator.edges.map((edge: any) => edge.node.id)).toEqual([leadId]);
  });
});
