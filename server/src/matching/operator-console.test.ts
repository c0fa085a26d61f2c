import { beforeAll, describe, expect, it } from 'vitest';
import { InquiryStatus, LeadSource, LeadStatus, PartnerStatus, ProductCategory, RequestType, ServiceType } from '@slp/shared';
import type { GraphQLClient } from '../../test/harness.js';
import { inquiryInput, submitInquiry, type PartnerFixture } from '../../test/fixtures.js';
import { matchingSuite, RECOMMEND, type RecommendationJson } from '../../test/matching-fixtures.js';
import { toGlobalId } from '../graphql/node.js';
import type { Inquiry } from '../inquiries/inquiry.entity.js';
import type { Lead } from '../leads/lead.entity.js';

const t = matchingSuite();

const QUEUE = `query($first: Int, $after: String) { openInquiryQueue(first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`;
const ASSIGN = `mutation($input: AssignPartnersInput!) { assignPartners(input: $input) {
  leads { id status source partner { id } service { id } history { type actorRole } } userErrors { field message code } } }`;
const UNASSIGN = `mutation($input: UnassignLeadInput!) { unassignLead(input: $input) {
  lead { id status closeReason history { type actorRole } } userErrors { field message code } } }`;
const NODE = `query($id: ID!) { node(id: $id) { id ... on Lead { status closeReason inquiry { id } } } }`;

const leadId = (lead: Lead) => toGlobalId('Lead', lead.id);
const ids = (connection: { edges: { node: { id: string } }[] }) => connection.edges.map((e) => e.node.id);

async function inquiryWithLeads(statuses: LeadStatus[], overrides: Partial<Inquiry> = {}) {
  const made = await t.history.openInquiry(overrides);
  for (const status of statuses) await t.history.pastLead((await t.world.partner()).partner, { status, inquiry: made.inquiry });
  return made.id;
}

describe('openInquiryQueue', () => {
  it('lists ACTIVE OPEN inquiries with fewer than three active leads, oldest first, page by page', async () => {
    const empty = await inquiryWithLeads([]);
    await inquiryWithLeads([], { requestType: RequestType.TARGET, serviceType: null });
    await inquiryWithLeads([], { status: InquiryStatus.CLOSED });
    await inquiryWithLeads([LeadStatus.NEW, LeadStatus.FOLLOWING, LeadStatus.NEW]);
    const rejectedOne = await inquiryWithLeads([LeadStatus.NEW, LeadStatus.FOLLOWING, LeadStatus.REJECTED, LeadStatus.DEAL]);
    const all = (await t.operator.request(QUEUE, { first: 100 })).openInquiryQueue;
    expect(ids(all)).toEqual([empty, rejectedOne]);
    expect(all.totalCount).toBe(2);
    const page = (await t.operator.request(QUEUE, { first: 1 })).openInquiryQueue;
    expect(ids(page)).toEqual([empty]);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const next = (await t.operator.request(QUEUE, { first: 1, after: page.pageInfo.endCursor })).openInquiryQueue;
    expect(ids(next)).toEqual([rejectedOne]);
    expect(next.pageInfo.hasNextPage).toBe(false);
  });
});

describe('assignPartners', () => {
  let inquiry: { id: string; inquiry: Inquiry };
  let a: PartnerFixture;
  let b: PartnerFixture;

  beforeAll(async () => {
    inquiry = await t.history.openInquiry({ serviceType: ServiceType.CREATOR_MARKETING });
    a = await t.world.partner({ services: [{ serviceType: ServiceType.CREATOR_MARKETING, productCategories: [ProductCategory.SHOES] }] });
    b = await t.world.partner({ services: [{ serviceType: ServiceType.CREATOR_MARKETING, public: false }], capacity: 0 });
  });

  it('gives the inquiry to the chosen partners, even ones matching would not pick', async () => {
    const { assignPartners } = await t.operator.request(ASSIGN, {
      input: { inquiryId: inquiry.id, partnerIds: [b.partnerId, a.partnerId] },
    });
    expect(assignPartners.userErrors).toEqual([]);
    expect(assignPartners.leads.map((l: any) => ({ ...l, id: undefined }))).toEqual(
      [b, a].map((p) => ({
        id: undefined,
        status: 'NEW',
        source: 'PLATFORM_ASSIGNED',
        partner: { id: p.partnerId },
        service: { id: p.services[0] },
        history: [{ type: 'CREATED', actorRole: 'OPERATOR' }],
      })),
    );
    const member = await a.member();
    expect((await member.request(NODE, { id: assignPartners.leads[1].id })).node.inquiry).toEqual({ id: inquiry.id });
  });

  it('refuses, naming each entry, partners already on it, not onboarded, without the service type, or unknown; assigns none', async () => {
    const fresh = await t.world.partner({ services: [{ serviceType: ServiceType.CREATOR_MARKETING }] });
    const pending = await t.world.partner({ status: PartnerStatus.PENDING, services: [{ serviceType: ServiceType.CREATOR_MARKETING }] });
    const suspended = await t.world.partner({
      status: PartnerStatus.SUSPENDED,
      services: [{ serviceType: ServiceType.CREATOR_MARKETING }],
    });
    const otherType = await t.world.partner({ services: [{ serviceType: ServiceType.LOGISTICS }] });
    const { assignPartners } = await t.operator.request(ASSIGN, {
      input: {
        inquiryId: inquiry.id,
        partnerIds: [
          fresh.partnerId,
          a.partnerId,
          pending.partnerId,
          suspended.partnerId,
          otherType.partnerId,
          'bogus',
          toGlobalId('Partner', 999999),
        ],
      },
    });
    expect(assignPartners).toEqual({
      leads: [],
      userErrors: [
        {
          field: ['partnerIds', '1'],
          message: 'This partner has had this inquiry already, and a partner never gets the same inquiry twice',
          code: 'CONFLICT',
        },
        { field: ['partnerIds', '2'], message: 'Only onboarded partners receive leads; this one is PENDING', code: 'INVALID' },
        { field: ['partnerIds', '3'], message: 'Only onboarded partners receive leads; this one is SUSPENDED', code: 'INVALID' },
        { field: ['partnerIds', '4'], message: 'This partner offers no CREATOR_MARKETING service', code: 'INVALID' },
        { field: ['partnerIds', '5'], message: 'No such partner', code: 'NOT_FOUND' },
        { field: ['partnerIds', '6'], message: 'No such partner', code: 'NOT_FOUND' },
      ],
    });
    const recommended = (await t.operator.request(RECOMMEND, { id: inquiry.id })).recommendedPartners;
    expect(recommended.map((r: RecommendationJson) => r.partner.id)).toEqual([fresh.partnerId]);
  });

  it('refuses a closed, unknown or targeted inquiry, an empty list and a partner given twice', async () => {
    const closed = await t.history.openInquiry({ status: InquiryStatus.CLOSED, serviceType: ServiceType.CREATOR_MARKETING });
    const targeted = await t.history.openInquiry({ requestType: RequestType.TARGET, serviceType: null });
    const cases: [Record<string, unknown>, unknown][] = [
      [
        { inquiryId: closed.id, partnerIds: [a.partnerId] },
        { field: ['inquiryId'], message: 'A closed inquiry takes no new partners', code: 'NOT_EDITABLE' },
      ],
      [
        { inquiryId: toGlobalId('Inquiry', 999999), partnerIds: [a.partnerId] },
        { field: ['inquiryId'], message: 'No such inquiry', code: 'NOT_FOUND' },
      ],
      [
        { inquiryId: a.partnerId, partnerIds: [a.partnerId] },
        { field: ['inquiryId'], message: 'No such inquiry', code: 'NOT_FOUND' },
      ],
      [
        { inquiryId: targeted.id, partnerIds: [a.partnerId] },
        { field: ['inquiryId'], message: 'Only OPEN inquiries are matched by the platform', code: 'INVALID' },
      ],
      [
        { inquiryId: closed.id, partnerIds: [] },
        { field: ['partnerIds'], message: 'Choose at least one partner', code: 'INVALID' },
      ],
      [
        { inquiryId: closed.id, partnerIds: [a.partnerId, a.partnerId] },
        { field: ['partnerIds'], message: 'Each partner can be chosen once', code: 'INVALID' },
      ],
    ];
    for (const [input, error] of cases) {
      expect((await t.operator.request(ASSIGN, { input })).assignPartners).toEqual({ leads: [], userErrors: [error] });
    }
  });
});

describe('unassignLead', () => {
  it('closes a NEW platform lead as UNASSIGNED: the partner loses the inquiry, cannot get it again, and it returns to the queue', async () => {
    const partner = await t.world.partner({ services: [{ serviceType: ServiceType.CONTENT_CREATION }] });
    const seller = await t.world.seller();
    const { inquiry } = await submitInquiry(seller, inquiryInput({ requestType: 'OPEN', serviceType: 'CONTENT_CREATION' }));
    const lead = inquiry.leads.edges[0].node;
    expect(lead.partner.id).toBe(partner.partnerId);
    expect(ids((await t.operator.request(QUEUE, { first: 100 })).openInquiryQueue)).toContain(inquiry.id);

    const { unassignLead } = await t.operator.request(UNASSIGN, { input: { leadId: lead.id } });
    expect(unassignLead).toEqual({
      userErrors: [],
      lead: {
        id: lead.id,
        status: 'CLOSED',
        closeReason: 'UNASSIGNED',
        history: [
          { type: 'CREATED', actorRole: null },
          { type: 'UNASSIGNED', actorRole: 'OPERATOR' },
        ],
      },
    });
    const member = await partner.member();
    expect((await member.request(NODE, { id: lead.id })).node).toEqual({
      id: lead.id,
      status: 'CLOSED',
      closeReason: 'UNASSIGNED',
      inquiry: null,
    });
    expect((await member.request(NODE, { id: inquiry.id })).node).toBeNull();
    const again = (await t.operator.request(ASSIGN, { input: { inquiryId: inquiry.id, partnerIds: [partner.partnerId] } })).assignPartners;
    expect(again.userErrors).toEqual([
      {
        field: ['partnerIds', '0'],
        message: 'This partner has had this inquiry already, and a partner never gets the same inquiry twice',
        code: 'CONFLICT',
      },
    ]);
  });

  it("keeps the operator's reason on the UNASSIGNED history entry, for the partner and operators but not the seller", async () => {
    const partner = await t.world.partner({ services: [{ serviceType: ServiceType.TRAINING }] });
    const seller = await t.world.seller();
    const { inquiry } = await submitInquiry(seller, inquiryInput({ requestType: 'OPEN', serviceType: 'TRAINING' }));
    const lead = inquiry.leads.edges[0].node;
    const WITH_NOTE = `mutation($input: UnassignLeadInput!) { unassignLead(input: $input) {
      lead { status history { type note } } userErrors { field message code } } }`;
    // Bounded plain text: too long, or a control character, is refused with the field named; nothing changes.
    for (const [reason, message] of [
      ['x'.repeat(501), 'Reason must be at most 500 characters'],
      ['bad\u0007reason', 'Reason must not contain control characters'],
    ]) {
      expect((await t.operator.request(WITH_NOTE, { input: { leadId: lead.id, reason } })).unassignLead).toEqual({
        lead: null,
        userErrors: [{ field: ['reason'], message, code: 'INVALID' }],
      });
    }
    const { unassignLead } = await t.operator.request(WITH_NOTE, {
      input: { leadId: lead.id, reason: '  Seller asked for a local agency\nonly.  ' },
    });
    expect(unassignLead).toEqual({
      userErrors: [],
      lead: {
        status: 'CLOSED',
        history: [
          { type: 'CREATED', note: null },
          { type: 'UNASSIGNED', note: 'Seller asked for a local agency\nonly.' },
        ],
      },
    });
    const HISTORY = `query($id: ID!) { node(id: $id) { ... on Lead { history { type note } } } }`;
    expect((await (await partner.member()).request(HISTORY, { id: lead.id })).node.history[1]).toEqual({
      type: 'UNASSIGNED',
      note: 'Seller asked for a local agency\nonly.',
    });
    expect((await (await t.world.partner()).member().then((other) => other.request(HISTORY, { id: lead.id }))).node).toBeNull();
    const asSeller = await seller.request(
      `query($id: ID!) { node(id: $id) { ... on Inquiry { leads { edges { node { history { type note } } } } } } }`,
      { id: inquiry.id },
    );
    expect(asSeller.node.leads.edges[0].node.history).toEqual([
      { type: 'CREATED', note: null },
      { type: 'UNASSIGNED', note: null },
    ]);
  });

  it('takes no reason from an older caller: the entry has none', async () => {
    const partner = await t.world.partner({ services: [{ serviceType: ServiceType.CUSTOMER_SERVICE }] });
    const { inquiry } = await submitInquiry(await t.world.seller(), inquiryInput({ requestType: 'OPEN', serviceType: 'CUSTOMER_SERVICE' }));
    const { unassignLead } = await t.operator.request(
      `mutation($input: UnassignLeadInput!) { unassignLead(input: $input) {
      lead { history { type note } } userErrors { code } } }`,
      { input: { leadId: inquiry.leads.edges[0].node.id, reason: '   ' } },
    );
    expect(unassignLead).toEqual({
      userErrors: [],
      lead: {
        history: [
          { type: 'CREATED', note: null },
          { type: 'UNASSIGNED', note: null },
        ],
      },
    });
    expect(partner.partnerId).toBe(inquiry.leads.edges[0].node.partner.id);
  });

  it('refuses a lead past NEW, a lead the seller chose, and an unknown lead', async () => {
    const partner = (await t.world.partner()).partner;
    const following = await t.history.pastLead(partner, { status: LeadStatus.FOLLOWING, followedAfterHours: 0 });
    const targeted = await t.history.pastLead(partner, { source: LeadSource.SELLER_TARGETED });
    const refusal = async (id: string) => (await t.operator.request(UNASSIGN, { input: { leadId: id } })).unassignLead;
    expect(await refusal(leadId(following))).toEqual({
      lead: null,
      userErrors: [{ field: null, message: 'This lead is already being followed up', code: 'INVALID_TRANSITION' }],
    });
    expect(await refusal(leadId(targeted))).toEqual({
      lead: null,
      userErrors: [
        {
          field: ['leadId'],
          message: 'The seller chose this partner; only leads the platform assigned can be taken back',
          code: 'INVALID',
        },
      ],
    });
    expect(await refusal(toGlobalId('Lead', 999999))).toEqual({
      lead: null,
      userErrors: [{ field: ['leadId'], message: 'No such lead', code: 'NOT_FOUND' }],
    });
  });
});

describe('access', () => {
  it('lets only operators reach the console: others get FORBIDDEN, visitors UNAUTHENTICATED', async () => {
    const { id } = await t.history.openInquiry();
    const partner = await t.world.partner();
    const lead = await t.history.pastLead(partner.partner);
    const callers: [GraphQLClient, string, string][] = [
      [await t.world.seller(), 'FORBIDDEN', 'Only an operator can do this'],
      [await partner.member(), 'FORBIDDEN', 'Only an operator can do this'],
      [t.world.anonymous(), 'UNAUTHENTICATED', 'Log in first'],
    ];
    for (const [client, code, message] of callers) {
      for (const [query, variables] of [
        [QUEUE, {}],
        [RECOMMEND, { id }],
      ] as const) {
        const { body } = await client.raw(query, variables);
        expect(body.errors).toEqual([expect.objectContaining({ message, extensions: { code } })]);
      }
      const assign = (await client.request(ASSIGN, { input: { inquiryId: id, partnerIds: [partner.partnerId] } })).assignPartners;
      expect(assign).toEqual({ leads: [], userErrors: [{ field: null, message, code }] });
      const unassign = (await client.request(UNASSIGN, { input: { leadId: leadId(lead) } })).unassignLead;
      expect(unassign).toEqual({ lead: null, userErrors: [{ field: null, message, code }] });
    }
  });

  it('answers recommendedPartners for an unknown or targeted inquiry with a coded error', async () => {
    const targeted = await t.history.openInquiry({ requestType: RequestType.TARGET, serviceType: null });
    const unknown = await t.operator.raw(RECOMMEND, { id: toGlobalId('Inquiry', 999999) });
    expect(unknown.body.errors).toEqual([expect.objectContaining({ message: 'No such inquiry', extensions: { code: 'NOT_FOUND' } })]);
    const target = await t.operator.raw(RECOMMEND, { id: targeted.id });
    expect(target.body.errors).toEqual([
      expect.objectContaining({ message: 'Only OPEN inquiries are matched by the platform', extensions: { code: 'INVALID' } }),
    ]);
  });
});
