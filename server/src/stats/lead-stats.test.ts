import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type GraphQLClient, type TestApp } from '../../test/harness.js';
import { apiTokenClient, inquiryInput, submitInquiry, World, type PartnerFixture } from '../../test/fixtures.js';
import { fromGlobalId } from '../graphql/node.js';

const BUCKET = `start serviceType counts { new following deal closed rejected }
  funnel { received followedUp reachedDeal followUpRate dealRate } medianSecondsToFollowUp medianSecondsToDeal`;
const STATS = `query($from: DateTime!, $to: DateTime!, $groupBy: StatsInterval, $byServiceType: Boolean, $partnerId: ID) {
  leadStats(from: $from, to: $to, groupBy: $groupBy, byServiceType: $byServiceType, partnerId: $partnerId) {
    from to groupBy partner { id } total { ${BUCKET} } totalsByServiceType { ${BUCKET} } buckets { ${BUCKET} } } }`;
const RANGE = { from: '2026-03-01T00:00:00.000Z', to: '2026-03-04T00:00:00.000Z' };
const H = 3600;

type Status = 'NEW' | 'FOLLOWING' | 'DEAL' | 'CLOSED' | 'REJECTED';
interface Seeded {
  service: number;
  created: string;
  status: Status;
  followed?: string;
  deal?: string;
}

let app: TestApp;
let world: World;
let agency: PartnerFixture;
let other: PartnerFixture;
let member: GraphQLClient;

/** Sends one TARGET request per lead, then sets the lead's status and timestamps to fixed values. */
async function seed(fixture: PartnerFixture, leads: Seeded[]) {
  const seller = await world.seller();
  const connection = app.orm.em.fork().getConnection();
  for (const lead of leads) {
    const { inquiry } = await submitInquiry(seller, inquiryInput({ targetServiceIds: [fixture.services[lead.service]] }));
    const id = fromGlobalId(inquiry.leads.edges[0].node.id)!.id;
    await connection.execute('update leads set status = ?, created_at = ?, followed_at = ?, deal_at = ? where id = ?', [
      lead.status,
      lead.created,
      lead.followed ?? null,
      lead.deal ?? null,
      id,
    ]);
  }
}

const empty = (start: string, serviceType: string | null = null) => ({
  start,
  serviceType,
  counts: { new: 0, following: 0, deal: 0, closed: 0, rejected: 0 },
  funnel: { received: 0, followedUp: 0, reachedDeal: 0, followUpRate: null, dealRate: null },
  medianSecondsToFollowUp: null,
  medianSecondsToDeal: null,
});

beforeAll(async () => {
  // No delivery worker: its polling would show up in the statement count.
  app = await startTestApp({ notifications: { deliver: false } });
  world = new World(app);
  agency = await world.partner({ services: [{ serviceType: 'STORE_MANAGEMENT' as never }, { serviceType: 'LIVE_STREAMING' as never }] });
  other = await world.partner();
  member = await agency.member();
  await seed(agency, [
    { service: 0, created: '2026-03-01T10:00:00Z', status: 'NEW' },
    { service: 0, created: '2026-03-01T12:00:00Z', status: 'FOLLOWING', followed: '2026-03-01T14:00:00Z' },
    { service: 1, created: '2026-03-01T20:00:00Z', status: 'DEAL', followed: '2026-03-02T00:00:00Z', deal: '2026-03-03T20:00:00Z' },
    { service: 0, created: '2026-03-03T08:00:00Z', status: 'CLOSED', followed: '2026-03-03T09:00:00Z' },
    { service: 1, created: '2026-03-03T09:00:00Z', status: 'REJECTED' },
    // Outside the range: the last microsecond before it, and its exclusive end.
    { service: 0, created: '2026-02-28T23:59:59.999Z', status: 'NEW' },
    { service: 0, created: '2026-03-04T00:00:00Z', status: 'NEW' },
  ]);
  await seed(other, [{ service: 0, created: '2026-03-02T10:00:00Z', status: 'NEW' }]);
});
afterAll(() => app?.close());

describe('leadStats', () => {
  it("gives a partner's day series with empty days, counts per status, the funnel and medians", async () => {
    const { leadStats } = await member.request(STATS, RANGE);
    expect(leadStats).toEqual({
      from: RANGE.from,
      to: RANGE.to,
      groupBy: 'DAY',
      partner: { id: agency.partnerId },
      totalsByServiceType: [],
      total: {
        start: null,
        serviceType: null,
        counts: { new: 1, following: 1, deal: 1, closed: 1, rejected: 1 },
        funnel: { received: 5, followedUp: 3, reachedDeal: 1, followUpRate: 0.6, dealRate: 1 / 3 },
        medianSecondsToFollowUp: 2 * H,
        medianSecondsToDeal: 48 * H,
      },
      buckets: [
        {
          start: '2026-03-01T00:00:00.000Z',
          serviceType: null,
          counts: { new: 1, following: 1, deal: 1, closed: 0, rejected: 0 },
          funnel: { received: 3, followedUp: 2, reachedDeal: 1, followUpRate: 2 / 3, dealRate: 0.5 },
          medianSecondsToFollowUp: 3 * H,
          medianSecondsToDeal: 48 * H,
        },
        empty('2026-03-02T00:00:00.000Z'),
        {
          start: '2026-03-03T00:00:00.000Z',
          serviceType: null,
          counts: { new: 0, following: 0, deal: 0, closed: 1, rejected: 1 },
          funnel: { received: 2, followedUp: 1, reachedDeal: 0, followUpRate: 0.5, dealRate: 0 },
          medianSecondsToFollowUp: 1 * H,
          medianSecondsToDeal: null,
        },
      ],
    });
  });

  it('groups by ISO week and by month, partial buckets included', async () => {
    const weeks = (await member.request(STATS, { ...RANGE, groupBy: 'WEEK' })).leadStats.buckets;
    expect(weeks.map((b: any) => [b.start, b.funnel.received])).toEqual([
      ['2026-02-23T00:00:00.000Z', 3],
      ['2026-03-02T00:00:00.000Z', 2],
    ]);
    const months = (await member.request(STATS, { ...RANGE, groupBy: 'MONTH' })).leadStats.buckets;
    expect(months.map((b: any) => [b.start, b.funnel.received, b.counts.deal])).toEqual([['2026-03-01T00:00:00.000Z', 5, 1]]);
  });

  it('splits buckets and totals by service type', async () => {
    const { leadStats } = await member.request(STATS, { ...RANGE, byServiceType: true });
    expect(leadStats.total.funnel.received).toBe(5);
    expect(
      leadStats.totalsByServiceType.map((b: any) => [b.serviceType, b.funnel.received, b.funnel.followedUp, b.medianSecondsToFollowUp]),
    ).toEqual([
      ['LIVE_STREAMING', 2, 1, 4 * H],
      ['STORE_MANAGEMENT', 3, 2, 1.5 * H],
    ]);
    expect(leadStats.buckets.map((b: any) => [b.start.slice(0, 10), b.serviceType, b.funnel.received])).toEqual([
      ['2026-03-01', 'LIVE_STREAMING', 1],
      ['2026-03-01', 'STORE_MANAGEMENT', 2],
      ['2026-03-02', 'LIVE_STREAMING', 0],
      ['2026-03-02', 'STORE_MANAGEMENT', 0],
      ['2026-03-03', 'LIVE_STREAMING', 1],
      ['2026-03-03', 'STORE_MANAGEMENT', 1],
    ]);
  });

  it('computes in one SQL statement, whatever the range', async () => {
    const long = { from: '2025-03-04T00:00:00Z', to: RANGE.to, byServiceType: true };
    const { statements, result } = await app.countStatements(() => member.request(STATS, long));
    // The session lookup, then the statistics.
    expect(statements).toBe(2);
    expect(result.leadStats.buckets).toHaveLength(365 * 2);
  });

  it("gives operators the platform's statistics or one partner's", async () => {
    const operator = await world.operator();
    const platform = (await operator.request(STATS, RANGE)).leadStats;
    expect(platform.partner).toBeNull();
    expect(platform.total.funnel.received).toBe(6);
    expect(platform.buckets[1].counts.new).toBe(1);
    const one = (await operator.request(STATS, { ...RANGE, partnerId: other.partnerId })).leadStats;
    expect([one.partner.id, one.total.funnel.received]).toEqual([other.partnerId, 1]);
  });

  it('answers an API token exactly as a member', async () => {
    const { client } = await apiTokenClient(app, member);
    expect(await client.request(STATS, RANGE)).toEqual(await member.request(STATS, RANGE));
  });

  it('refuses other partners, sellers, visitors and bad ranges with a code', async () => {
    const codeOf = async (client: GraphQLClient, variables: Record<string, unknown>) => {
      const { body } = await client.raw(STATS, variables);
      return [body.errors?.[0].extensions?.code, body.errors?.[0].message];
    };
    expect(await codeOf(member, { ...RANGE, partnerId: other.partnerId })).toEqual(['FORBIDDEN', 'A partner sees only its own statistics']);
    expect((await codeOf(await world.seller(), RANGE))[0]).toBe('FORBIDDEN');
    expect((await codeOf(world.anonymous(), RANGE))[0]).toBe('UNAUTHENTICATED');
    expect(await codeOf(member, { from: RANGE.to, to: RANGE.from })).toEqual(['INVALID', '`to` must be after `from`']);
    expect(await codeOf(member, { from: '2025-01-01T00:00:00Z', to: '2026-03-01T00:00:00Z' })).toEqual([
      'INVALID',
      'At most 400 buckets: choose a shorter range or a longer interval',
    ]);
    expect((await codeOf(member, { from: '2025-01-01T00:00:00Z', to: '2026-03-01T00:00:00Z', groupBy: 'WEEK' }))[0]).toBeUndefined();
    expect(await codeOf(await world.operator(), { ...RANGE, partnerId: 'bm9wZQ' })).toEqual(['NOT_FOUND', 'No such partner']);
  });
});
