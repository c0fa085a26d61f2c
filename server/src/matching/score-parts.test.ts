import { describe, expect, it } from 'vitest';
import { LeadSource, LeadStatus, PartnerStatus, ProductCategory, ServiceType } from '@slp/shared';
import { matchingSuite, RECOMMEND, partOf, recommendationOf, type RecommendationJson } from '../../test/matching-fixtures.js';
import type { Inquiry } from '../inquiries/inquiry.entity.js';

const t = matchingSuite();

async function recommend(overrides: Partial<Inquiry> = {}): Promise<RecommendationJson[]> {
  const { id } = await t.history.openInquiry(overrides);
  return (await t.operator.request(RECOMMEND, { id, first: 100 })).recommendedPartners;
}

describe('recommendedPartners: each score part', () => {
  it('scores a new partner that fits on every known point as the weighted sum of its parts', async () => {
    const partner = await t.world.partner({ services: [{ serviceType: ServiceType.TECHNOLOGY }] });
    const [only] = await recommend({ serviceType: ServiceType.TECHNOLOGY });
    expect(only).toEqual({
      partner: { id: partner.partnerId },
      service: { id: partner.services[0] },
      score: 0.8086,
      reasons: [
        { factor: 'productCategory', weight: 0.25, value: 1, explanation: 'Serves beauty personal care' },
        { factor: 'budget', weight: 0.15, value: 1, explanation: 'Budget $3,000.00 is within the price range $1,000.00 – $5,000.00' },
        { factor: 'region', weight: 0.15, value: 0.5, explanation: 'Serves every region; the partner gave no location' },
        { factor: 'language', weight: 0.1, value: 0.5, explanation: 'The partner lists no languages' },
        { factor: 'capacity', weight: 0.1, value: 1, explanation: '20 of 20 lead slots free (0 NEW or FOLLOWING)' },
        { factor: 'trackRecord', weight: 0.15, value: 0.5575, explanation: 'No leads answered yet: scored as a typical partner' },
        { factor: 'fairSpreading', weight: 0.1, value: 1, explanation: '0 platform-assigned leads in the last 30 days' },
      ],
    });
  });

  it('product category: served or not', async () => {
    const serving = await t.world.partner();
    const other = await t.world.partner({ services: [{ productCategories: [ProductCategory.MENSWEAR, ProductCategory.SHOES] }] });
    const list = await recommend();
    expect(partOf(list, serving.partnerId, 'productCategory')).toEqual({ value: 1, explanation: 'Serves beauty personal care' });
    expect(partOf(list, other.partnerId, 'productCategory')).toEqual({
      value: 0,
      explanation: 'Serves menswear, shoes; not beauty personal care',
    });
  });

  it('budget: within, below, above the range; other currency; no prices', async () => {
    const within = await t.world.partner({ services: [{ priceFromAmount: '3000', priceToAmount: '3000' }] });
    const below = await t.world.partner({ services: [{ priceFromAmount: '5000', priceToAmount: null }] });
    const above = await t.world.partner({ services: [{ priceFromAmount: null, priceToAmount: '2500.50' }] });
    const euro = await t.world.partner({ services: [{ currency: 'EUR' }] });
    const unpriced = await t.world.partner({ services: [{ priceFromAmount: null, priceToAmount: null, currency: null }] });
    const list = await recommend();
    expect(partOf(list, within.partnerId, 'budget')).toEqual({
      value: 1,
      explanation: 'Budget $3,000.00 is within the price range $3,000.00',
    });
    expect(partOf(list, below.partnerId, 'budget')).toEqual({
      value: 0.6,
      explanation: 'Budget $3,000.00 is 60% of the lowest price $5,000.00',
    });
    expect(partOf(list, above.partnerId, 'budget')).toEqual({
      value: 0.75,
      explanation: 'Budget $3,000.00 is above the highest price $2,500.50',
    });
    expect(partOf(list, euro.partnerId, 'budget')).toEqual({
      value: 0.5,
      explanation: 'Prices are in EUR, the budget in USD: not comparable without an exchange rate',
    });
    expect(partOf(list, unpriced.partnerId, 'budget')).toEqual({ value: 0.5, explanation: 'No price range published' });
  });

  it("region: regions served, the partner's city or country, elsewhere, unknown", async () => {
    const listed = await t.world.partner({ services: [{ regions: ['CA', 'US'] }] });
    const notListed = await t.world.partner({ services: [{ regions: ['DE'] }], location: 'Austin, US' });
    const sameCity = await t.world.partner({ location: 'austin , us' });
    const sameCountry = await t.world.partner({ location: 'Dallas, US' });
    const elsewhere = await t.world.partner({ location: 'Toronto, CA' });
    const list = await recommend();
    expect(partOf(list, listed.partnerId, 'region')).toEqual({ value: 1, explanation: 'Serves US, where the seller is' });
    expect(partOf(list, notListed.partnerId, 'region')).toEqual({ value: 0, explanation: 'Serves only DE; the seller is in Austin, US' });
    expect(partOf(list, sameCity.partnerId, 'region')).toEqual({ value: 1, explanation: "Based in austin , us, the seller's city" });
    expect(partOf(list, sameCountry.partnerId, 'region')).toEqual({
      value: 0.75,
      explanation: "Based in Dallas, US, the seller's country",
    });
    expect(partOf(list, elsewhere.partnerId, 'region')).toEqual({ value: 0.5, explanation: 'Serves every region; based in Toronto, CA' });
    const noLocation = await recommend({ location: null });
    expect(partOf(noLocation, listed.partnerId, 'region')).toEqual({ value: 0.5, explanation: 'The seller gave no location' });
  });

  it('language: spoken, not spoken, unknown on either side', async () => {
    const speaks = await t.world.partner({ languages: ['es', 'en'] });
    const doesNot = await t.world.partner({ languages: ['fr', 'de'] });
    const list = await recommend();
    expect(partOf(list, speaks.partnerId, 'language')).toEqual({ value: 1, explanation: 'Works in en' });
    expect(partOf(list, doesNot.partnerId, 'language')).toEqual({ value: 0, explanation: 'Works in fr, de; not en' });
    const unnamed = await recommend({ language: null });
    expect(partOf(unnamed, speaks.partnerId, 'language')).toEqual({ value: 0.5, explanation: 'The seller named no language' });
  });

  it('capacity: free slots against NEW and FOLLOWING leads; full is 0', async () => {
    const busy = await t.world.partner({ capacity: 4 });
    await t.history.pastLead(busy.partner, { status: LeadStatus.NEW });
    await t.history.pastLead(busy.partner, { status: LeadStatus.FOLLOWING, followedAfterHours: 0 });
    await t.history.pastLead(busy.partner, { status: LeadStatus.DEAL, followedAfterHours: 0 });
    await t.history.pastLead(busy.partner, { status: LeadStatus.REJECTED });
    const full = await t.world.partner({ capacity: 1 });
    await t.history.pastLead(full.partner, { status: LeadStatus.FOLLOWING, followedAfterHours: 0 });
    await t.history.pastLead(full.partner, { status: LeadStatus.NEW });
    const list = await recommend();
    expect(partOf(list, busy.partnerId, 'capacity')).toEqual({ value: 0.5, explanation: '2 of 4 lead slots free (2 NEW or FOLLOWING)' });
    expect(partOf(list, full.partnerId, 'capacity')).toEqual({ value: 0, explanation: '0 of 1 lead slots free (2 NEW or FOLLOWING)' });
  });

  it('track record: follow-up share, median time to follow up, expiries, deal rate and rating, smoothed toward a typical partner', async () => {
    const proven = await t.world.partner();
    for (const hours of [2, 4, 12, 12, 30, 40]) {
      await t.history.pastLead(proven.partner, { status: LeadStatus.FOLLOWING, hoursAgo: 100, followedAfterHours: hours });
    }
    for (const hours of [6, 20])
      await t.history.pastLead(proven.partner, { status: LeadStatus.DEAL, hoursAgo: 100, followedAfterHours: hours });
    await t.history.pastLead(proven.partner, { status: LeadStatus.REJECTED, hoursAgo: 100 });
    await t.history.pastLead(proven.partner, { status: LeadStatus.NEW, hoursAgo: 49 });
    await t.history.pastLead(proven.partner, { status: LeadStatus.NEW, hoursAgo: 47 });
    const list = await recommend();
    // 10 leads due (the 47-hour-old NEW lead is still in its grace period), 8 followed up, median 12 h, 2 deals,
    // 9 assignments past NEW and none expired, no reviews:
    // share (8 + 5×0.5)/(10 + 5) = 0.7; speed (8×1/(1 + 12/24) + 5×0.5)/13 = 0.60256; on time 1 − (0 + 5×0.2)/(9 + 5) = 0.92857;
    // deals (2 + 5×0.3)/13 = 0.26923; rating 0.75 (the prior);
    // value 0.2×0.7 + 0.25×0.60256 + 0.2×0.92857 + 0.2×0.26923 + 0.15×0.75 = 0.64270.
    expect(partOf(list, proven.partnerId, 'trackRecord')).toEqual({
      value: 0.6427,
      explanation:
        'Followed up 8 of 10 leads, median 12.0 h to follow up, 0 of 9 assigned leads expired, 2 deals, no reviews (smoothed toward a typical partner)',
    });
  });

  it('track record: a partner that never follows up falls below a new partner', async () => {
    const silent = await t.world.partner();
    for (let i = 0; i < 5; i += 1) await t.history.pastLead(silent.partner, { status: LeadStatus.REJECTED, hoursAgo: 10 });
    const list = await recommend();
    // share 2.5/10 = 0.25, speed 0.5, on time 1 − 1/10 = 0.9, deals 0.3, rating 0.75: 0.05 + 0.125 + 0.18 + 0.06 + 0.1125.
    expect(partOf(list, silent.partnerId, 'trackRecord')).toEqual({
      value: 0.5275,
      explanation:
        'Followed up 0 of 5 leads, no follow-ups yet, 0 of 5 assigned leads expired, 0 deals, no reviews (smoothed toward a typical partner)',
    });
  });

  it("track record: expired leads count against a partner, sellers' ratings for or against it, hidden reviews not at all", async () => {
    const sql = (query: string, params: unknown[]) => t.app.orm.em.fork().getConnection().execute(query, params);
    const late = await t.world.partner();
    for (let i = 0; i < 5; i += 1) {
      const lead = await t.history.pastLead(late.partner, { status: LeadStatus.NEW, hoursAgo: 100 });
      await sql(`update leads set status = 'CLOSED', close_reason = 'EXPIRED', closed_at = now() where id = ?`, [lead.id]);
    }
    const liked = await t.world.partner();
    for (const [rating, hidden] of [
      [5, false],
      [5, false],
      [1, true],
    ] as const) {
      const lead = await t.history.pastLead(liked.partner, { status: LeadStatus.DEAL, hoursAgo: 100, followedAfterHours: 2 });
      await sql(
        `insert into partner_reviews (lead_id, partner_id, author_id, rating, created_at, updated_at, hidden_at)
        select l.id, l.partner_id, i.seller_id, ?, now(), now(), ? from leads l join inquiries i on i.id = l.inquiry_id where l.id = ?`,
        [rating, hidden ? new Date() : null, lead.id],
      );
    }
    const list = await recommend();
    // Five expiries of five: on time 1 − (5 + 1)/10 = 0.4; the rest as a silent partner: 0.05 + 0.125 + 0.08 + 0.06 + 0.1125.
    expect(partOf(list, late.partnerId, 'trackRecord')).toEqual({
      value: 0.4275,
      explanation:
        'Followed up 0 of 5 leads, no follow-ups yet, 5 of 5 assigned leads expired, 0 deals, no reviews (smoothed toward a typical partner)',
    });
    // Three deals followed up after 2 h, two visible 5-star reviews (the hidden 1 star counts for nothing):
    // share 5.5/8, speed (3×1/(1 + 2/24) + 2.5)/8, on time 1 − 1/8, deals 4.5/8, rating ((10 − 2)/4 + 3.75)/7 = 0.82143.
    expect(partOf(list, liked.partnerId, 'trackRecord')).toEqual({
      value: 0.7129,
      explanation:
        'Followed up 3 of 3 leads, median 2.0 h to follow up, 0 of 3 assigned leads expired, 3 deals, rated 5.0 from 2 reviews (smoothed toward a typical partner)',
    });
  });

  it('fair spreading: platform assignments of the last 30 days only', async () => {
    const popular = await t.world.partner();
    for (let i = 0; i < 3; i += 1) await t.history.pastLead(popular.partner, { status: LeadStatus.REJECTED, hoursAgo: 24 * 29 });
    await t.history.pastLead(popular.partner, { status: LeadStatus.REJECTED, hoursAgo: 24 * 31 });
    await t.history.pastLead(popular.partner, { status: LeadStatus.REJECTED, source: LeadSource.SELLER_TARGETED });
    const list = await recommend();
    expect(partOf(list, popular.partnerId, 'fairSpreading')).toEqual({
      value: 0.625,
      explanation: '3 platform-assigned leads in the last 30 days',
    });
  });
});

describe('recommendedPartners: ranking', () => {
  it("ranks by score, breaks ties by the older partner, and offers each partner's best service", async () => {
    const type = { serviceType: ServiceType.CUSTOMER_SERVICE };
    const twinA = await t.world.partner({ services: [type] });
    const twinB = await t.world.partner({ services: [type] });
    const twoServices = await t.world.partner({
      services: [{ ...type, productCategories: [ProductCategory.TOYS_HOBBIES] }, type],
      languages: ['en'],
    });
    const list = await recommend(type);
    expect(list.map((r) => r.partner.id)).toEqual([twoServices.partnerId, twinA.partnerId, twinB.partnerId]);
    expect(recommendationOf(list, twinA.partnerId).score).toBe(recommendationOf(list, twinB.partnerId).score);
    expect(recommendationOf(list, twoServices.partnerId).service).toEqual({ id: twoServices.services[1] });
    expect(list[0].score).toBe(0.8586);
    const firstTwo = (await t.operator.request(RECOMMEND, { id: (await t.history.openInquiry(type)).id, first: 2 })).recommendedPartners;
    expect(firstTwo.map((r: RecommendationJson) => r.partner.id)).toEqual([twoServices.partnerId, twinA.partnerId]);
  });
});

describe('recommendedPartners: who is eligible', () => {
  it('onboarded partners with a service of the type, public or private, and never one already on the inquiry', async () => {
    const type = { serviceType: ServiceType.LOGISTICS };
    const listed = await t.world.partner({ services: [type] });
    const privateOnly = await t.world.partner({ services: [{ ...type, public: false }] });
    await t.world.partner({ services: [type], status: PartnerStatus.PENDING });
    await t.world.partner({ services: [type], status: PartnerStatus.SUSPENDED });
    await t.world.partner({ services: [{ serviceType: ServiceType.TRAINING }] });
    const rejected = await t.world.partner({ services: [type] });
    const unassigned = await t.world.partner({ services: [type] });
    const { id, inquiry } = await t.history.openInquiry(type);
    await t.history.pastLead(rejected.partner, { status: LeadStatus.REJECTED, inquiry });
    await t.history.pastLead(unassigned.partner, { status: LeadStatus.CLOSED, inquiry });
    const list: RecommendationJson[] = (await t.operator.request(RECOMMEND, { id })).recommendedPartners;
    expect(list.map((r) => r.partner.id)).toEqual([listed.partnerId, privateOnly.partnerId]);
  });
});

describe('recommendedPartners: cost', () => {
  it('runs the same number of SQL statements for 2 candidates with no history as for 12 with leads', async () => {
    const few = { serviceType: ServiceType.CONTENT_CREATION };
    for (let i = 0; i < 2; i += 1) await t.world.partner({ services: [few] });
    const many = { serviceType: ServiceType.CREATOR_MARKETING };
    for (let i = 0; i < 12; i += 1) {
      const partner = await t.world.partner({ services: [many, many] });
      await t.history.pastLead(partner.partner, { status: LeadStatus.FOLLOWING, followedAfterHours: 1 });
    }
    const count = async (type: typeof few) => {
      const { id } = await t.history.openInquiry(type);
      const { result, statements } = await t.app.countStatements(() => t.operator.request(RECOMMEND, { id, first: 100 }));
      return { candidates: result.recommendedPartners.length, statements };
    };
    const small = await count(few);
    const large = await count(many);
    expect([small.candidates, large.candidates]).toEqual([2, 12]);
    expect(large.statements).toBe(small.statements);
  });
});
