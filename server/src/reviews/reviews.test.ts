import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LeadStatus } from '@slp/shared';
import { GraphQLClient, startTestApp, type TestApp } from '../../test/harness.js';
import { World, type PartnerFixture } from '../../test/fixtures.js';
import { grantAuthorization, leadAction, leadFor } from '../../test/lead-fixtures.js';
import { MatchingWorld } from '../../test/matching-fixtures.js';

let app: TestApp;
let world: World;
let partner: PartnerFixture;
let member: GraphQLClient;

beforeAll(async () => {
  app = await startTestApp({ deadlineJobs: { run: false } });
  world = new World(app);
  partner = await world.partner();
  member = await partner.member();
});
afterAll(() => app?.close());

const REVIEW = `mutation($input: ReviewPartnerInput!) { reviewPartner(input: $input) {
  review { id rating comment createdAt updatedAt hiddenAt hiddenReason } userErrors { field message code } } }`;
const HIDE = `mutation($input: HideReviewInput!) { hideReview(input: $input) {
  review { id hiddenAt hiddenReason } userErrors { field message code } } }`;
const PAGE = `query($id: ID!) { node(id: $id) { ... on Partner { rating reviewCount medianHoursToFollowUp expiredLeadShare
  reviews(first: 10) { totalCount edges { node { id rating comment hiddenReason } } } } } }`;

async function review(client: GraphQLClient, input: Record<string, unknown>) {
  return (await client.request(REVIEW, { input })).reviewPartner;
}

/** A fresh seller's lead with the partner, moved to DEAL by the seller's authorization. */
async function dealLead(seller: GraphQLClient, status: LeadStatus = LeadStatus.DEAL): Promise<string> {
  const leadId = await leadFor(seller, partner);
  if (status === LeadStatus.NEW) return leadId;
  await leadAction(member, 'followLead', { leadId });
  if (status === LeadStatus.DEAL) await grantAuthorization(seller, partner.partnerId);
  return leadId;
}

const page = async (client: GraphQLClient) => (await client.request(PAGE, { id: partner.partnerId })).node;
const visitor = () => new GraphQLClient(app.url);

describe('reviewPartner', () => {
  let seller: GraphQLClient;
  let leadId: string;
  let first: { id: string; createdAt: string };

  beforeAll(async () => {
    seller = await world.seller();
    leadId = await dealLead(seller);
  });

  it('lets the seller of a DEAL lead review its partner; the partner page shows it', async () => {
    const { review: written, userErrors } = await review(seller, { leadId, rating: 5, comment: '  Quick and thorough.  ' });
    expect(userErrors).toEqual([]);
    expect(written).toMatchObject({ rating: 5, comment: 'Quick and thorough.', hiddenAt: null, hiddenReason: null });
    first = written;
    expect(await page(visitor())).toMatchObject({
      rating: 5,
      reviewCount: 1,
      reviews: { totalCount: 1, edges: [{ node: { id: written.id, rating: 5, comment: 'Quick and thorough.' } }] },
    });
  });

  it('edits the same review when the seller reviews the same lead again', async () => {
    const { review: edited, userErrors } = await review(seller, { leadId, rating: 3, comment: null });
    expect(userErrors).toEqual([]);
    expect(edited).toMatchObject({ id: first.id, rating: 3, comment: null, createdAt: first.createdAt });
    expect(new Date(edited.updatedAt).getTime()).toBeGreaterThan(new Date(first.createdAt).getTime());
    expect(await page(visitor())).toMatchObject({ rating: 3, reviewCount: 1 });
  });

  it('averages the visible reviews, newest first', async () => {
    const other = await world.seller();
    const second = (await review(other, { leadId: await dealLead(other), rating: 4, comment: 'Good' })).review;
    expect(await page(await world.seller())).toMatchObject({
      rating: 3.5,
      reviewCount: 2,
      reviews: { totalCount: 2, edges: [{ node: { id: second.id } }, { node: { id: first.id } }] },
    });
  });

  it('refuses everyone else and every lead not at DEAL, and changes nothing', async () => {
    const reviewsShown = async () => {
      const { rating, reviewCount, reviews } = await page(visitor());
      return { rating, reviewCount, reviews };
    };
    const before = await reviewsShown();
    const followed = await dealLead(seller, LeadStatus.FOLLOWING);
    const fresh = await dealLead(seller, LeadStatus.NEW);
    const refused = async (client: GraphQLClient, input: Record<string, unknown>) => (await review(client, input)).userErrors;
    expect(await refused(seller, { leadId: followed, rating: 4 })).toEqual([
      { field: ['leadId'], code: 'INVALID', message: 'Only a lead that reached a deal can be reviewed; this one is FOLLOWING' },
    ]);
    expect((await refused(seller, { leadId: fresh, rating: 4 }))[0].code).toBe('INVALID');
    expect(await refused(await world.seller(), { leadId, rating: 1 })).toEqual([
      { field: ['leadId'], code: 'NOT_FOUND', message: 'No such lead' },
    ]);
    expect(await refused(seller, { leadId: 'nonsense', rating: 1 })).toEqual([
      { field: ['leadId'], code: 'NOT_FOUND', message: 'No such lead' },
    ]);
    // The partner cannot review itself or edit a review; nor can an operator or a visitor.
    expect(await refused(member, { leadId, rating: 5 })).toEqual([
      { field: null, code: 'FORBIDDEN', message: 'Only a seller can do this' },
    ]);
    expect((await refused(await world.operator(), { leadId, rating: 5 }))[0].code).toBe('FORBIDDEN');
    expect(await refused(visitor(), { leadId, rating: 5 })).toEqual([{ field: null, code: 'UNAUTHENTICATED', message: 'Log in first' }]);
    // Bounds: a rating of 1 to 5, a comment of at most 2,000 characters.
    for (const rating of [0, 6]) {
      expect(await refused(seller, { leadId, rating })).toEqual([
        { field: ['rating'], code: 'INVALID', message: 'Choose a rating from 1 to 5' },
      ]);
    }
    expect(await refused(seller, { leadId, rating: 4, comment: 'x'.repeat(2001) })).toEqual([
      { field: ['comment'], code: 'INVALID', message: 'The comment must be at most 2000 characters' },
    ]);
    const { body } = await seller.raw(REVIEW, { input: { leadId, rating: 4.5 } });
    expect(body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await reviewsShown()).toEqual(before);
  });
});

describe('hideReview', () => {
  it('lets only an operator hide a review, with a reason; it then shows only to its author and operators, and counts for nothing', async () => {
    const author = await world.seller();
    const leadId = await dealLead(author);
    const target = (await review(author, { leadId, rating: 1, comment: 'Abusive words' })).review;
    const counted = await page(visitor());
    const hide = async (client: GraphQLClient, input: Record<string, unknown>) => (await client.request(HIDE, { input })).hideReview;
    expect((await hide(author, { reviewId: target.id, reason: 'mine' })).userErrors[0].code).toBe('FORBIDDEN');
    expect((await hide(member, { reviewId: target.id, reason: 'unfair' })).userErrors[0].code).toBe('FORBIDDEN');
    const operator = await world.operator();
    expect((await hide(operator, { reviewId: target.id, reason: '  ' })).userErrors).toEqual([
      { field: ['reason'], code: 'INVALID', message: 'Say why the review is hidden' },
    ]);
    expect((await hide(operator, { reviewId: 'UGFydG5lclJldmlldzo5OTk5', reason: 'x' })).userErrors[0].code).toBe('NOT_FOUND');

    const hidden = await hide(operator, { reviewId: target.id, reason: 'Insults the partner' });
    expect(hidden.userErrors).toEqual([]);
    expect(hidden.review).toMatchObject({ id: target.id, hiddenReason: 'Insults the partner' });
    expect(hidden.review.hiddenAt).not.toBeNull();
    expect((await hide(operator, { reviewId: target.id, reason: 'again' })).userErrors[0].code).toBe('INVALID');

    const outside = await page(visitor());
    expect(outside.reviewCount).toBe(counted.reviewCount - 1);
    expect(outside.reviews.edges.map((e: any) => e.node.id)).not.toContain(target.id);
    expect(outside.reviews.totalCount).toBe(counted.reviews.totalCount - 1);
    const own = await page(author);
    expect(own.reviews.edges[0].node).toEqual({ id: target.id, rating: 1, comment: 'Abusive words', hiddenReason: 'Insults the partner' });
    expect(own.reviewCount).toBe(outside.reviewCount);
    expect((await page(operator)).reviews.totalCount).toBe(counted.reviews.totalCount);
    const byId = `query($id: ID!) { node(id: $id) { id } }`;
    expect((await visitor().request(byId, { id: target.id })).node).toBeNull();
    expect((await member.request(byId, { id: target.id })).node).toBeNull();
    expect((await author.request(byId, { id: target.id })).node).toEqual({ id: target.id });
    // The author may still edit it; it stays hidden.
    const edited = (await review(author, { leadId, rating: 2, comment: 'Calmer words' })).review;
    expect(edited).toMatchObject({ rating: 2, hiddenReason: 'Insults the partner' });
    expect((await page(visitor())).rating).toBe(outside.rating);
  });
});

describe("the partner page's track record", () => {
  it('shows the median time to follow up and the share of assigned leads that expired', async () => {
    const history = new MatchingWorld(app);
    const fresh = await world.partner();
    const shown = async () => (await visitor().request(PAGE, { id: fresh.partnerId })).node;
    expect(await shown()).toMatchObject({ rating: null, reviewCount: 0, medianHoursToFollowUp: null, expiredLeadShare: null });
    await history.pastLead(fresh.partner, { status: LeadStatus.FOLLOWING, hoursAgo: 10, followedAfterHours: 2 });
    await history.pastLead(fresh.partner, { status: LeadStatus.DEAL, hoursAgo: 10, followedAfterHours: 4 });
    await history.pastLead(fresh.partner, { status: LeadStatus.NEW, hoursAgo: 1 });
    const expired = await history.pastLead(fresh.partner, { status: LeadStatus.NEW, hoursAgo: 60 });
    await app.orm.em
      .fork()
      .getConnection()
      .execute(`update leads set status = 'CLOSED', close_reason = 'EXPIRED', closed_at = now() where id = ?`, [expired.id]);
    // Three assigned leads are decided (the NEW one is not yet), one of which expired.
    expect(await shown()).toMatchObject({ medianHoursToFollowUp: 3, expiredLeadShare: 1 / 3 });
  });
});
