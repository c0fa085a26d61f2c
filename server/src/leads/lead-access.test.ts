import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type GraphQLClient, type TestApp } from '../../test/harness.js';
import { World, inquiryInput, submitInquiry, type PartnerFixture } from '../../test/fixtures.js';
import { grantAuthorization, leadAction } from '../../test/lead-fixtures.js';

/**
 * SPEC section 4 as a matrix: every kind of viewer, on every path to an inquiry and its leads,
 * gets exactly the fields the table allows and null (or nothing) for the rest.
 */

// SUSPENDED and PENDING: a lead that was FOLLOWING when the operator suspended its partner or set it back to pending.
type Situation = 'NEW' | 'FOLLOWING' | 'DEAL' | 'NO_AGREEMENT' | 'SELLER_CLOSED' | 'REJECTED' | 'SUSPENDED' | 'PENDING';
const situations: Situation[] = ['NEW', 'FOLLOWING', 'DEAL', 'NO_AGREEMENT', 'SELLER_CLOSED', 'REJECTED', 'SUSPENDED', 'PENDING'];
const statusOf: Record<Situation, string> = {
  NEW: 'NEW',
  FOLLOWING: 'FOLLOWING',
  DEAL: 'DEAL',
  NO_AGREEMENT: 'CLOSED',
  SELLER_CLOSED: 'CLOSED',
  REJECTED: 'REJECTED',
  SUSPENDED: 'FOLLOWING',
  PENDING: 'FOLLOWING',
};
const TABS = ['NEW', 'FOLLOWING', 'DEAL', 'CLOSED'];
type Kind = 'owner' | 'operator' | 'stranger' | 'partner';
interface Viewer {
  name: string;
  kind: Kind;
  situation?: Situation;
  client: () => GraphQLClient;
}

const LEAD = 'id status rejectReason rejectNote closeNote partner { id }';
const INQUIRY = `id companySize budget { amount } otherDetails contact { name email } contactAccess leads { edges { node { ${LEAD} } } }`;
const CONTACT = { name: 'Dana Seller', email: 'dana@shop.test' };

let app: TestApp;
const partners = {} as Record<Situation, PartnerFixture>;
const leadIds = {} as Record<Situation, string>;
const clients: Record<string, GraphQLClient> = {};
let inquiryId: string;

beforeAll(async () => {
  app = await startTestApp();
  const world = new World(app);
  for (const situation of situations) partners[situation] = await world.partner();
  const owner = await world.seller();
  const { inquiry } = await submitInquiry(owner, inquiryInput({ targetServiceIds: situations.map((s) => partners[s].services[0]) }));
  inquiryId = inquiry.id;
  for (const [index, situation] of situations.entries()) {
    leadIds[situation] = inquiry.leads.edges[index].node.id;
    clients[situation] = await partners[situation].member();
  }
  const act = (situation: Situation, name: Parameters<typeof leadAction>[1], input: Record<string, unknown> = {}) =>
    leadAction(name === 'closeLead' ? owner : clients[situation], name, { leadId: leadIds[situation], ...input });
  for (const situation of ['FOLLOWING', 'DEAL', 'NO_AGREEMENT', 'SELLER_CLOSED', 'SUSPENDED', 'PENDING'] as const)
    await act(situation, 'followLead');
  await grantAuthorization(owner, partners.DEAL.partnerId);
  await act('NO_AGREEMENT', 'markNoAgreement', { note: 'Wanted a lower fee' });
  await act('SELLER_CLOSED', 'closeLead');
  await act('REJECTED', 'rejectLead', { reason: 'BUDGET_TOO_LOW', note: 'Too small for us' });
  Object.assign(clients, {
    owner,
    otherSeller: await world.seller(),
    anonymous: world.anonymous(),
    operator: await world.operator(),
    noLead: await (await world.partner()).member(),
    secondMember: await partners.FOLLOWING.member(),
  });
  for (const status of ['SUSPENDED', 'PENDING'] as const) {
    const { setPartnerStatus } = await clients.operator.request(
      `mutation($input: SetPartnerStatusInput!) {
      setPartnerStatus(input: $input) { userErrors { code } } }`,
      { input: { partnerId: partners[status].partnerId, status } },
    );
    expect(setPartnerStatus.userErrors).toEqual([]);
  }
});
afterAll(() => app?.close());

const viewers: Viewer[] = [
  { name: 'the owner seller', kind: 'owner', client: () => clients.owner },
  { name: 'another seller', kind: 'stranger', client: () => clients.otherSeller },
  { name: 'an anonymous visitor', kind: 'stranger', client: () => clients.anonymous },
  { name: 'an operator', kind: 'operator', client: () => clients.operator },
  { name: 'a partner without a lead', kind: 'stranger', client: () => clients.noLead },
  ...situations.map((situation): Viewer => ({
    name: `a partner whose lead is ${situation}`,
    kind: 'partner',
    situation,
    client: () => clients[situation],
  })),
  { name: 'a second member of the FOLLOWING partner', kind: 'partner', situation: 'FOLLOWING', client: () => clients.secondMember },
];

// ---- The SPEC section 4 table, written out on its own (not by calling the server's policy). ----

const seesEverything = (v: Viewer) => v.kind === 'owner' || v.kind === 'operator';
const seesProfile = (v: Viewer) => seesEverything(v) || (v.kind === 'partner' && v.situation !== 'REJECTED');

function contactAccess(v: Viewer): string {
  if (seesEverything(v)) return 'VISIBLE';
  if (v.kind !== 'partner' || v.situation === 'NEW') return 'LOCKED';
  if (v.situation === 'SUSPENDED' || v.situation === 'PENDING') return 'PARTNER_NOT_ONBOARDED';
  return v.situation === 'FOLLOWING' || v.situation === 'DEAL' ? 'VISIBLE' : 'REVOKED';
}

const seesLead = (v: Viewer, of: Situation) => seesEverything(v) || v.situation === of;
const seesPartnerNotes = (v: Viewer, of: Situation) => v.kind === 'operator' || v.situation === of;

function leadView(v: Viewer, of: Situation) {
  const notes = seesPartnerNotes(v, of);
  return {
    id: leadIds[of],
    status: statusOf[of],
    partner: { id: partners[of].partnerId },
    rejectReason: notes && of === 'REJECTED' ? 'BUDGET_TOO_LOW' : null,
    rejectNote: notes && of === 'REJECTED' ? 'Too small for us' : null,
    closeNote: notes && of === 'NO_AGREEMENT' ? 'Wanted a lower fee' : null,
  };
}

function inquiryView(v: Viewer) {
  if (!seesProfile(v)) return null;
  const access = contactAccess(v);
  const listed = situations.filter((of) => seesLead(v, of));
  return {
    id: inquiryId,
    companySize: 'EMPLOYEES_5_30',
    budget: { amount: '3000.00' },
    otherDetails: 'Launching soon',
    contact: access === 'VISIBLE' ? CONTACT : null,
    contactAccess: access,
    leads: { edges: listed.map((of) => ({ node: leadView(v, of) })) },
  };
}

const expectedLead = (v: Viewer, of: Situation) => (seesLead(v, of) ? { ...leadView(v, of), inquiry: inquiryView(v) } : null);

// ---- The paths. ----

describe.each(viewers)('$name', (v) => {
  it('node(id:) of the inquiry, with Inquiry.leads', async () => {
    const { node } = await v.client().request(`query($id: ID!) { node(id: $id) { ... on Inquiry { ${INQUIRY} } } }`, { id: inquiryId });
    expect(node).toEqual(inquiryView(v));
  });

  it.each(situations)('node(id:) of the %s lead, with lead.inquiry', async (of) => {
    const { node } = await v
      .client()
      .request(`query($id: ID!) { node(id: $id) { ... on Lead { ${LEAD} inquiry { ${INQUIRY} } } } }`, { id: leadIds[of] });
    expect(node).toEqual(expectedLead(v, of));
  });

  it('leads(status:) in every tab, with lead.inquiry', async () => {
    for (const status of ['NEW', 'FOLLOWING', 'DEAL', 'CLOSED', 'REJECTED']) {
      const { body } = await v
        .client()
        .raw(`query($status: LeadStatus!) { leads(status: $status, first: 100) { edges { node { ${LEAD} inquiry { ${INQUIRY} } } } } }`, {
          status,
        });
      if (v.kind === 'owner' || (v.kind === 'stranger' && v.name !== 'a partner without a lead')) {
        expect(body.errors?.[0].extensions?.code).toBe(v.name === 'an anonymous visitor' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
        continue;
      }
      // Newest first: leads created together come in descending id order.
      const expected = situations
        .filter((of) => statusOf[of] === status && seesLead(v, of))
        .reverse()
        .map((of) => expectedLead(v, of));
      expect(body.data.leads.edges.map((edge: any) => edge.node)).toEqual(expected);
    }
  });

  it('leads(status:, filter:) on the business profile: a matching filter keeps the tab, another empties it', async () => {
    for (const status of TABS) {
      const tab = (companySize: string) =>
        v.client().raw(
          `query($status: LeadStatus!, $size: CompanySize) {
        leads(status: $status, first: 100, filter: { companySize: $size }) { totalCount edges { node { id } } } }`,
          { status, size: companySize },
        );
      const [matching, other] = await Promise.all([tab('EMPLOYEES_5_30'), tab('EMPLOYEES_500_PLUS')]);
      if (v.kind === 'owner' || (v.kind === 'stranger' && v.name !== 'a partner without a lead')) {
        expect(matching.body.errors?.[0].extensions?.code).toBe(v.name === 'an anonymous visitor' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
        continue;
      }
      const expected = situations
        .filter((of) => statusOf[of] === status && seesLead(v, of))
        .reverse()
        .map((of) => ({ node: { id: leadIds[of] } }));
      expect(matching.body.data.leads).toEqual({ totalCount: expected.length, edges: expected });
      expect(other.body.data.leads).toEqual({ totalCount: 0, edges: [] });
    }
  });

  it('leadCounts', async () => {
    const { body } = await v.client().raw('query { leadCounts { new following deal closed } }');
    if (v.kind === 'owner' || (v.kind === 'stranger' && v.name !== 'a partner without a lead')) {
      expect(body.errors?.[0].extensions?.code).toBe(v.name === 'an anonymous visitor' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
      return;
    }
    const count = (status: string) => situations.filter((of) => statusOf[of] === status && seesLead(v, of)).length;
    expect(body.data.leadCounts).toEqual({
      new: count('NEW'),
      following: count('FOLLOWING'),
      deal: count('DEAL'),
      closed: count('CLOSED'),
    });
  });

  it('myInquiries', async () => {
    const { body } = await v.client().raw(`query { myInquiries { edges { node { ${INQUIRY} } } } }`);
    if (v.kind === 'owner') expect(body.data.myInquiries.edges).toEqual([{ node: inquiryView(v) }]);
    else if (v.name === 'another seller') expect(body.data.myInquiries.edges).toEqual([]);
    else expect(body.errors?.[0].extensions?.code).toBe(v.name === 'an anonymous visitor' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
  });
});
