import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import { LeadSource, LeadStatus } from '@slp/shared';
import { startTestApp, type GraphQLClient, type TestApp } from '../../test/harness.js';
import { World, inquiryInput, submitInquiry, type PartnerFixture } from '../../test/fixtures.js';
import { leadAction, leadFor } from '../../test/lead-fixtures.js';
import { toGlobalId } from '../graphql/node.js';
import { Inquiry } from '../inquiries/inquiry.entity.js';
import { Lead } from './lead.entity.js';

let app: TestApp;
let world: World;
let seller: GraphQLClient;
let partner: PartnerFixture;
let member: GraphQLClient;

beforeAll(async () => {
  // No delivery worker: its statements would mix into the counted ones.
  app = await startTestApp({ notifications: { deliver: false } });
  world = new World(app);
  seller = await world.seller();
  partner = await world.partner({ services: [{}, { serviceType: 'LIVE_STREAMING' as never, title: 'Live studio' }] });
  member = await partner.member();
});
afterAll(() => app?.close());

const TAB = `query($status: LeadStatus!, $first: Int, $after: String, $filter: LeadFilter) {
  leads(status: $status, first: $first, after: $after, filter: $filter) {
    totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { id } } } }`;
const COUNTS = 'query { leadCounts { new following deal closed } }';

async function tab(client: GraphQLClient, variables: Record<string, unknown>) {
  return (await client.request(TAB, variables)).leads;
}
const ids = (connection: any) => connection.edges.map((edge: any) => edge.node.id);
const em = () => app.orm.em.fork() as EntityManager;

describe('leads(status:)', () => {
  it("lists the viewer's partner's tab newest first, in pages that neither skip nor repeat", async () => {
    const p = await world.partner();
    const m = await p.member();
    const created: string[] = [];
    for (let i = 0; i < 5; i += 1) created.push(await leadFor(seller, p));
    await leadAction(m, 'followLead', { leadId: created[1] });
    const newest = [...created].reverse().filter((id) => id !== created[1]);
    const page1 = await tab(m, { status: 'NEW', first: 3 });
    expect(ids(page1)).toEqual(newest.slice(0, 3));
    expect(page1).toMatchObject({ totalCount: 4, pageInfo: { hasNextPage: true, hasPreviousPage: false } });
    const page2 = await tab(m, { status: 'NEW', first: 3, after: page1.pageInfo.endCursor });
    expect(ids(page2)).toEqual(newest.slice(3));
    expect(page2).toMatchObject({ totalCount: 4, pageInfo: { hasNextPage: false, hasPreviousPage: true } });
    expect(ids(await tab(m, { status: 'FOLLOWING' }))).toEqual([created[1]]);
    // Past the last lead, and a page of none: the total still counts the whole tab.
    const beyond = await tab(m, { status: 'NEW', first: 3, after: page2.pageInfo.endCursor });
    expect(beyond).toMatchObject({ totalCount: 4, edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: true, endCursor: null } });
    expect(await tab(m, { status: 'NEW', first: 0 })).toMatchObject({ totalCount: 4, edges: [], pageInfo: { hasNextPage: false } });
    expect(await tab(m, { status: 'DEAL', first: 3 })).toMatchObject({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false } });
    expect(ids(await tab(await p.member(), { status: 'NEW', first: 3 }))).toEqual(newest.slice(0, 3));
  });

  it('breaks ties of the same instant by id, across a page boundary', async () => {
    const p = await world.partner();
    const leads = [await leadFor(seller, p), await leadFor(seller, p), await leadFor(seller, p)];
    const sameInstant = new Date('2026-01-01T00:00:00.000Z');
    await em().nativeUpdate(Lead, { partner: p.partner.id }, { createdAt: sameInstant });
    const m = await p.member();
    const first = await tab(m, { status: 'NEW', first: 2 });
    const rest = await tab(m, { status: 'NEW', first: 2, after: first.pageInfo.endCursor });
    expect([...ids(first), ...ids(rest)]).toEqual([...leads].reverse());
  });

  it('filters by service type, product category, company size and source, together', async () => {
    const p = await world.partner({ services: [{}, { serviceType: 'LIVE_STREAMING' as never }] });
    const m = await p.member();
    const beauty = await leadFor(seller, p);
    const live = await leadFor(seller, p, {
      targetServiceIds: [p.services[1]],
      productCategory: 'SHOES',
      companySize: 'EMPLOYEES_500_PLUS',
    });
    const shoes = await leadFor(seller, p, { productCategory: 'SHOES' });
    // An open request's lead as the platform assigns it: no chosen service, only the requested type.
    // Nobody here offers training, so matching leaves it to be placed by hand.
    const { inquiry } = await submitInquiry(seller, inquiryInput({ requestType: 'OPEN', serviceType: 'TRAINING' }));
    const fork = em();
    const inquiryRow = fork.getReference(Inquiry, Number(Buffer.from(inquiry.id, 'base64url').toString().split(':')[1]));
    const assigned = fork.create(Lead, { inquiry: inquiryRow, partner: p.partner.id, source: LeadSource.PLATFORM_ASSIGNED });
    await fork.flush();
    const assignedId = toGlobalId('Lead', assigned.id);
    const cases: [Record<string, unknown>, string[]][] = [
      [{}, [assignedId, shoes, live, beauty]],
      [{ serviceType: 'LIVE_STREAMING' }, [live]],
      [{ serviceType: 'TRAINING' }, [assignedId]],
      [{ serviceType: 'STORE_MANAGEMENT' }, [shoes, beauty]],
      [{ productCategory: 'SHOES' }, [shoes, live]],
      [{ companySize: 'EMPLOYEES_500_PLUS' }, [live]],
      [{ source: 'PLATFORM_ASSIGNED' }, [assignedId]],
      [{ source: 'SELLER_TARGETED', serviceType: 'LIVE_STREAMING' }, [live]],
      [{ productCategory: 'SHOES', serviceType: 'STORE_MANAGEMENT' }, [shoes]],
      [{ productCategory: 'TOYS_HOBBIES' }, []],
    ];
    for (const [filter, expected] of cases) {
      const connection = await tab(m, { status: 'NEW', filter });
      expect({ filter, ids: ids(connection), totalCount: connection.totalCount }).toEqual({
        filter,
        ids: expected,
        totalCount: expected.length,
      });
    }
  });

  it("refuses to filter rejected leads by the seller's profile, which the partner may no longer read", async () => {
    const { body } = await member.raw(TAB, { status: 'REJECTED', filter: { productCategory: 'SHOES' } });
    expect(body.errors?.[0]).toMatchObject({
      message: "Rejected leads no longer show the seller's business profile, so they can only be filtered by source",
      extensions: { code: 'INVALID' },
    });
    expect((await member.raw(TAB, { status: 'REJECTED', filter: { source: 'SELLER_TARGETED' } })).body.errors).toBeUndefined();
  });

  it('shows operators every partner, refuses sellers and visitors, and rejects a bad cursor', async () => {
    const p = await world.partner();
    const q = await world.partner();
    const leads = [await leadFor(seller, p), await leadFor(seller, q)];
    const everything = await tab(await world.operator(), { status: 'NEW', first: 100 });
    expect(ids(everything).slice(0, 2)).toEqual([...leads].reverse());
    expect((await seller.raw(TAB, { status: 'NEW' })).body.errors?.[0]).toMatchObject({
      message: 'Only a partner can do this',
      extensions: { code: 'FORBIDDEN' },
    });
    expect((await world.anonymous().raw(TAB, { status: 'NEW' })).body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await member.raw(TAB, { status: 'NEW', after: 'nonsense' })).body.errors?.[0]).toMatchObject({
      message: 'Invalid cursor',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});

describe('leadCounts', () => {
  it("counts the four tabs of the viewer's partner; operators count every partner", async () => {
    const p = await world.partner();
    const m = await p.member();
    const leads = [];
    for (let i = 0; i < 6; i += 1) leads.push(await leadFor(seller, p));
    for (const leadId of leads.slice(0, 4)) await leadAction(m, 'followLead', { leadId });
    await leadAction(m, 'markNoAgreement', { leadId: leads[0] });
    await leadAction(seller, 'closeLead', { leadId: leads[1] });
    await leadAction(m, 'rejectLead', { leadId: leads[4], reason: 'OTHER' });
    expect((await m.request(COUNTS)).leadCounts).toEqual({ new: 1, following: 2, deal: 0, closed: 2 });
    expect((await (await world.partner()).member().then((c) => c.request(COUNTS))).leadCounts).toEqual({
      new: 0,
      following: 0,
      deal: 0,
      closed: 0,
    });
    const all = (await (await world.operator()).request(COUNTS)).leadCounts;
    const total = await em().count(Lead, { status: { $in: [LeadStatus.NEW, LeadStatus.FOLLOWING, LeadStatus.DEAL, LeadStatus.CLOSED] } });
    expect(all.new + all.following + all.deal + all.closed).toBe(total);
    expect((await seller.raw(COUNTS)).body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('a page of leads with everything nested', () => {
  const PAGE = `query($first: Int) { leads(status: NEW, first: $first) { totalCount edges { node {
    id status source createdAt partner { id name } service { id title partner { name } }
    history { type at actorRole } authorization { authorizationId }
    inquiry { id companySize budget { amount currency } contact { name } contactAccess targetServices { id }
      leads { totalCount edges { node { id status } } } } } } } }`;

  it('runs the same fixed number of SQL statements for 10 leads as for 50', async () => {
    const p = await world.partner({ services: [{}, { serviceType: 'LIVE_STREAMING' as never }] });
    const m = await p.member();
    for (let i = 0; i < 50; i += 1) await leadFor(seller, p, { targetServiceIds: [p.services[i % 2]] });
    const run = async (first: number) => {
      const { result, statements } = await app.countStatements(() => m.request(PAGE, { first }));
      expect(result.leads.edges).toHaveLength(first);
      expect(result.leads.edges[0].node.inquiry.contactAccess).toBe('LOCKED');
      return statements;
    };
    const counts = { 10: await run(10), 50: await run(50) };
    // Session; the page with its total; inquiries, partners, services and events together; then
    // target services, and the leads of each inquiry.
    expect(counts).toEqual({ 10: 5, 50: 5 });
  });

  it('reads the inquiries, partners and services a page asks for in one statement, and only those', async () => {
    const p = await world.partner();
    const m = await p.member();
    for (let i = 0; i < 3; i += 1) await leadFor(seller, p, { companySize: 'EMPLOYEES_5_30' });
    const run = async (query: string, variables: Record<string, unknown> = {}) => {
      const { result, statements } = await app.countStatements(() => m.request(query, variables));
      return { nodes: result.leads.edges.map((edge: any) => edge.node), statements };
    };
    const idsOnly = await run('{ leads(status: NEW) { edges { node { id } } } }');
    expect(idsOnly.statements).toBe(2);
    const skipped = await run('query($skip: Boolean!) { leads(status: NEW) { edges { node { id inquiry @skip(if: $skip) { id } } } } }', {
      skip: true,
    });
    expect(skipped.statements).toBe(2);
    const nested = await run(`{ leads(status: NEW) { edges { node { ...Card } } } }
      fragment Card on Lead { owner: partner { name } inquiry { companySize contactAccess } service { title } }`);
    expect(nested.statements).toBe(3);
    expect(nested.nodes).toEqual(
      Array(3).fill({
        owner: { name: p.partner.name },
        inquiry: { companySize: 'EMPLOYEES_5_30', contactAccess: 'LOCKED' },
        service: { title: expect.any(String) },
      }),
    );
  });
});
