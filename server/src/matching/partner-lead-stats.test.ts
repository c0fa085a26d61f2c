import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import { startTestApp, type GraphQLClient, type TestApp } from '../../test/harness.js';
import { World, inquiryInput, submitInquiry, type PartnerFixture } from '../../test/fixtures.js';
import { grantAuthorization, leadAction, leadFor } from '../../test/lead-fixtures.js';
import { RECOMMEND, partOf } from '../../test/matching-fixtures.js';
import { fromGlobalId } from '../graphql/node.js';

const UNASSIGN = `mutation($input: UnassignLeadInput!) { unassignLead(input: $input) { userErrors { code } } }`;

let app: TestApp;
let world: World;
let operator: GraphQLClient;

beforeAll(async () => {
  app = await startTestApp();
  world = new World(app);
  operator = await world.operator();
});
afterAll(() => app?.close());

interface StatsRow {
  partner_id: number;
  leads: number;
  active_leads: number;
  followed_up: number;
  deals: number;
  follow_up_counts: number[];
  follow_up_micros: string[];
}

const sql = <T>(query: string) => (app.orm.em.fork() as EntityManager).execute<T[]>(query);
const isEmpty = (row: StatsRow) =>
  [row.leads, row.active_leads, row.followed_up, row.deals, ...row.follow_up_counts, ...row.follow_up_micros.map(Number)].every(
    (n) => n === 0,
  );

/** The maintained rows and a from-scratch computation over every lead, read in one snapshot. */
async function keptAndRecomputed(): Promise<{ kept: StatsRow[]; recomputed: StatsRow[] }> {
  const [row] = await sql<{ kept: StatsRow[]; recomputed: StatsRow[] }>(`select
    (select coalesce(json_agg(s order by s.partner_id), '[]') from partner_lead_stats s) as kept,
    (select coalesce(json_agg(r order by r.partner_id), '[]') from (
       select d.*, slp_median_hours_to_follow_up(d.follow_up_counts, d.follow_up_micros) as median_hours_to_follow_up
       from slp_lead_stats_delta(array(select l from leads l), '{}') d) r) as recomputed`);
  // A partner whose only lead was taken back keeps a row of zeros; a recomputation has none.
  return { kept: row.kept.filter((stats) => !isEmpty(stats)), recomputed: row.recomputed };
}

describe('partner_lead_stats', () => {
  let partner: PartnerFixture;
  let member: GraphQLClient;

  beforeAll(async () => {
    partner = await world.partner({ capacity: 10 });
    member = await partner.member();
  });

  it('equals a recomputation from every lead after follow, reject, deal, no agreement, close, unassign', async () => {
    const other = await world.partner({ capacity: 10 });
    const seller = await world.seller();
    const leads = [];
    for (let i = 0; i < 6; i += 1) leads.push(await leadFor(seller, partner, { contactEmail: `s${i}@shop.test` }));
    const [deal, noAgreement, rejected, closed, following] = leads;
    await leadAction(member, 'followLead', { leadId: deal });
    // Granting the partner matches the lead it follows for this seller at that moment: a DEAL.
    await grantAuthorization(seller, partner.partnerId);
    for (const leadId of [noAgreement, following]) await leadAction(member, 'followLead', { leadId });
    await leadAction(member, 'markNoAgreement', { leadId: noAgreement });
    await leadAction(member, 'rejectLead', { leadId: rejected, reason: 'NO_CAPACITY' });
    await leadAction(seller, 'closeLead', { leadId: closed });
    // An OPEN request assigns both partners; the operator takes the first partner's lead back.
    const open = await submitInquiry(seller, inquiryInput({ requestType: 'OPEN', serviceType: 'STORE_MANAGEMENT' }));
    const assigned = open.inquiry.leads.edges.map((edge: any) => edge.node);
    expect(assigned.map((lead: any) => lead.partner.id).sort()).toEqual([partner.partnerId, other.partnerId].sort());
    const taken = assigned.find((lead: any) => lead.partner.id === partner.partnerId);
    expect((await operator.request(UNASSIGN, { input: { leadId: taken.id } })).unassignLead.userErrors).toEqual([]);

    const { kept, recomputed } = await keptAndRecomputed();
    expect(kept).toEqual(recomputed);
    // 6 leads (the unassigned one counts for nothing): NEW and FOLLOWING active, 3 followed up, 1 deal.
    const mine = kept.find((row) => row.partner_id === partner.partner.id)!;
    expect([mine.leads, mine.active_leads, mine.followed_up, mine.deals]).toEqual([6, 2, 3, 1]);
    expect(mine.follow_up_counts[0]).toBe(3);
    const theirs = kept.find((row) => row.partner_id === other.partner.id)!;
    expect([theirs.leads, theirs.active_leads, theirs.followed_up, theirs.deals]).toEqual([1, 1, 0, 0]);

    // What matching reads: the fresh NEW lead is not yet due.
    const probe = await submitInquiry(
      seller,
      inquiryInput({ requestType: 'OPEN', serviceType: 'STORE_MANAGEMENT', productCategory: 'HEALTH' }),
    );
    const list = (await operator.request(RECOMMEND, { id: probe.inquiry.id, first: 10 })).recommendedPartners;
    expect(partOf(list, partner.partnerId, 'trackRecord').explanation).toBe(
      'Followed up 3 of 5 leads, median 0.0 h to follow up, 0 of 0 assigned leads expired, 1 deals, no reviews (smoothed toward a typical partner)',
    );
  });
});

describe('slp_median_hours_to_follow_up', () => {
  const hours = (h: number) => h * 3_600_000_000;
  const median = async (counts: number[], micros: number[]) =>
    (await sql<{ median: number | null }>(`select slp_median_hours_to_follow_up('{${counts}}', '{${micros}}') as median`))[0].median;

  it('takes each follow-up at its bucket mean and interpolates like percentile_cont', async () => {
    expect(await median([0, 0], [0, 0])).toBeNull();
    expect(await median([1, 0, 0], [hours(0.5), 0, 0])).toBe(0.5);
    // 2, 4 | 12, 12 | 20: the middle one is in the second bucket, whose mean is 12.
    expect(await median([2, 2, 1], [hours(6), hours(24), hours(20)])).toBe(12);
    // 2, 4 | 20, 30: halfway between the first bucket's mean 3 and the second's 25.
    expect(await median([2, 2], [hours(6), hours(50)])).toBe(14);
    // A removal's delta (the row an upsert proposes before it adds to the stored one) has no median.
    expect(await median([0, -1], [0, -hours(2)])).toBeNull();
  });

  it('lets leads be deleted: the upsert proposes a row of negative counts first', async () => {
    const partner = await world.partner({ capacity: 10 });
    const seller = await world.seller();
    const leadId = await leadFor(seller, partner, { contactEmail: 'deleted@shop.test' });
    await leadAction(await partner.member(), 'followLead', { leadId });
    const id = fromGlobalId(leadId)!.id;
    // Followed up after two hours: a bucket past the first, as the bench's removals had.
    await sql(`update leads set followed_at = created_at + interval '2 hours' where id = ${id}`);
    for (const table of ['outbox_emails', 'lead_events']) await sql(`delete from ${table} where lead_id = ${id}`);
    await sql(`delete from leads where id = ${id}`);
    const [stats] = await sql<{ leads: number; followed_up: number; median: number | null }>(
      `select leads, followed_up, median_hours_to_follow_up as median from partner_lead_stats where partner_id = ${partner.partner.id}`,
    );
    expect(stats).toEqual({ leads: 0, followed_up: 0, median: null });
  });
});
