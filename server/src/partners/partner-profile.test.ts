import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PartnerStatus } from '@slp/shared';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { World } from '../../test/fixtures.js';

const UPDATE = `mutation($input: UpdatePartnerProfileInput!) { updatePartnerProfile(input: $input) {
  partner { id description } userErrors { field message code } } }`;
const SET_STATUS = `mutation($input: SetPartnerStatusInput!) { setPartnerStatus(input: $input) {
  partner { id status statusReason } userErrors { field message code } } }`;
const PARTNER = `query($id: ID!) { node(id: $id) { ... on Partner { name description status statusReason statusChangedAt } } }`;
const OWN = `{ viewer { partner { status statusReason statusChangedAt } } }`;

let app: TestApp;
let world: World;
beforeAll(async () => {
  app = await startTestApp({ notifications: { deliver: false } });
  world = new World(app);
});
afterAll(() => app?.close());

describe("a partner's description", () => {
  it('is written by its members, bounded, and shown to everyone on its page', async () => {
    const fixture = await world.partner();
    const member = await fixture.member();
    const text = '  We run TikTok Shop stores for beauty brands.\nLive sessions every week.  ';
    expect((await member.request(UPDATE, { input: { description: text } })).updatePartnerProfile).toEqual({
      partner: { id: fixture.partnerId, description: 'We run TikTok Shop stores for beauty brands.\nLive sessions every week.' },
      userErrors: [],
    });
    expect((await world.anonymous().request(PARTNER, { id: fixture.partnerId })).node).toMatchObject({
      name: fixture.partner.name,
      description: 'We run TikTok Shop stores for beauty brands.\nLive sessions every week.',
    });

    const tooLong = await member.request(UPDATE, { input: { description: 'x'.repeat(2001) } });
    expect(tooLong.updatePartnerProfile).toEqual({
      partner: null,
      userErrors: [{ field: ['description'], message: 'Description must be at most 2000 characters', code: 'INVALID' }],
    });
    const control = await member.request(UPDATE, { input: { description: 'Bell\u0007' } });
    expect(control.updatePartnerProfile.userErrors).toEqual([
      { field: ['description'], message: 'Description must not contain control characters', code: 'INVALID' },
    ]);
    expect((await world.anonymous().request(PARTNER, { id: fixture.partnerId })).node.description).toBe(
      'We run TikTok Shop stores for beauty brands.\nLive sessions every week.',
    );

    expect((await member.request(UPDATE, { input: { description: '   ' } })).updatePartnerProfile.partner).toEqual({
      id: fixture.partnerId,
      description: null,
    });
  });

  it("is only its own members' to write: a pending partner's too, never a seller's or an operator's", async () => {
    const pending = await world.partner({ status: PartnerStatus.PENDING });
    expect(
      (await (await pending.member()).request(UPDATE, { input: { description: 'Soon onboarded' } })).updatePartnerProfile.userErrors,
    ).toEqual([]);
    const other = await world.partner();
    for (const client of [await world.seller(), await world.operator()]) {
      expect((await client.request(UPDATE, { input: { description: 'Hijack' } })).updatePartnerProfile).toEqual({
        partner: null,
        userErrors: [{ field: null, message: expect.any(String), code: 'FORBIDDEN' }],
      });
    }
    expect((await world.anonymous().request(UPDATE, { input: { description: 'Hijack' } })).updatePartnerProfile.userErrors[0].code).toBe(
      'UNAUTHENTICATED',
    );
    expect((await world.anonymous().request(PARTNER, { id: other.partnerId })).node.description).toBeNull();
  });
});

describe('the reason for a partner status', () => {
  it('is kept when an operator suspends a partner, and read by its members and operators only', async () => {
    const fixture = await world.partner();
    const member = await fixture.member();
    const operator = await world.operator();
    const before = Date.now();
    const suspend = await operator.request(SET_STATUS, {
      input: { partnerId: fixture.partnerId, status: 'SUSPENDED', reason: ' Sellers reported unanswered leads. ' },
    });
    expect(suspend.setPartnerStatus).toEqual({
      partner: { id: fixture.partnerId, status: 'SUSPENDED', statusReason: 'Sellers reported unanswered leads.' },
      userErrors: [],
    });
    const own = (await member.request(OWN)).viewer.partner;
    expect(own).toMatchObject({ status: 'SUSPENDED', statusReason: 'Sellers reported unanswered leads.' });
    expect(new Date(own.statusChangedAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
    const list = await operator.request(`{ partners(status: SUSPENDED, first: 100) { edges { node { id statusReason } } } }`);
    expect(list.partners.edges.map((e: any) => e.node)).toContainEqual({
      id: fixture.partnerId,
      statusReason: 'Sellers reported unanswered leads.',
    });

    // Reinstated with a reason of its own: the public page shows the partner but neither reason nor date.
    await operator.request(SET_STATUS, { input: { partnerId: fixture.partnerId, status: 'ONBOARDED', reason: 'Leads answered again' } });
    expect((await world.anonymous().request(PARTNER, { id: fixture.partnerId })).node).toMatchObject({
      status: 'ONBOARDED',
      statusReason: null,
      statusChangedAt: null,
    });
    expect((await (await world.seller()).request(PARTNER, { id: fixture.partnerId })).node.statusReason).toBeNull();
    expect(
      (await (await world.partner()).member().then((other) => other.request(PARTNER, { id: fixture.partnerId }))).node.statusReason,
    ).toBeNull();
    expect((await member.request(OWN)).viewer.partner.statusReason).toBe('Leads answered again');
  });

  it('is bounded plain text, refused with the field named and nothing changed; without one, the change keeps none', async () => {
    const fixture = await world.partner();
    const operator = await world.operator();
    const refused = await operator.request(SET_STATUS, {
      input: { partnerId: fixture.partnerId, status: 'SUSPENDED', reason: 'r'.repeat(501) },
    });
    expect(refused.setPartnerStatus).toEqual({
      partner: null,
      userErrors: [{ field: ['reason'], message: 'Reason must be at most 500 characters', code: 'INVALID' }],
    });
    expect((await operator.request(PARTNER, { id: fixture.partnerId })).node).toMatchObject({
      status: 'ONBOARDED',
      statusReason: null,
      statusChangedAt: null,
    });
    await operator.request(SET_STATUS, { input: { partnerId: fixture.partnerId, status: 'SUSPENDED', reason: 'Fake reviews' } });
    const plain = await operator.request(SET_STATUS, { input: { partnerId: fixture.partnerId, status: 'ONBOARDED' } });
    expect(plain.setPartnerStatus.partner).toEqual({ id: fixture.partnerId, status: 'ONBOARDED', statusReason: null });
  });
});
