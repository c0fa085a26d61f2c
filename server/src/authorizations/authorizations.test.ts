import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type GraphQLClient, type TestApp } from '../../test/harness.js';
import { World, type PartnerFixture } from '../../test/fixtures.js';
import {
  grantAuthorization,
  historyTypes,
  leadAction,
  leadFor,
  leadParties,
  readLead,
  revokeAuthorization,
} from '../../test/lead-fixtures.js';

let app: TestApp;
let world: World;

beforeAll(async () => {
  app = await startTestApp();
  world = new World(app);
});
afterAll(() => app?.close());

const MINE = 'query { myAuthorizations { id authorizationId grantedAt revokedAt partner { id name } } }';

async function following(seller: GraphQLClient, partner: PartnerFixture, member: GraphQLClient): Promise<string> {
  const leadId = await leadFor(seller, partner);
  await leadAction(member, 'followLead', { leadId });
  return leadId;
}

describe('grantAuthorization', () => {
  it('moves every lead the partner follows for this seller to a deal, with the authorization attached, and nothing else', async () => {
    const { seller, partner, member } = await leadParties(world);
    const followed = [await following(seller, partner, member), await following(seller, partner, member)];
    const fresh = await leadFor(seller, partner);
    const otherSeller = await world.seller();
    const othersLead = await following(otherSeller, partner, member);
    const rival = await world.partner();
    const rivalsLead = await following(seller, rival, await rival.member());

    const { authorization, userErrors } = await grantAuthorization(seller, partner.partnerId);
    expect(userErrors).toEqual([]);
    expect(authorization).toMatchObject({
      authorizationId: expect.stringMatching(/^AUTH-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/),
      revokedAt: null,
      partner: { id: partner.partnerId },
    });
    for (const leadId of followed) {
      const lead = await readLead(member, leadId);
      expect(lead).toMatchObject({
        status: 'DEAL',
        dealAt: expect.any(String),
        authorization: { id: authorization.id, authorizationId: authorization.authorizationId },
      });
      expect(lead.history.at(-1)).toEqual({ type: 'AUTHORIZATION_MATCHED', actorRole: 'SELLER' });
    }
    expect((await readLead(member, fresh)).status).toBe('NEW');
    expect((await readLead(member, othersLead)).status).toBe('FOLLOWING');
    expect((await readLead(seller, rivalsLead)).status).toBe('FOLLOWING');
  });

  it('refuses a second live grant to the same partner, unknown or not onboarded partners, and non-sellers', async () => {
    const { seller, partner, member } = await leadParties(world);
    expect((await grantAuthorization(seller, partner.partnerId)).userErrors).toEqual([]);
    expect((await grantAuthorization(seller, partner.partnerId)).userErrors).toEqual([
      { field: ['partnerId'], message: 'This partner already holds a live authorization from you', code: 'CONFLICT' },
    ]);
    const pending = await world.partner({ status: 'PENDING' as never });
    for (const partnerId of [pending.partnerId, 'bogus', partner.services[0]]) {
      expect((await grantAuthorization(seller, partnerId)).userErrors).toEqual([
        { field: ['partnerId'], message: 'No such partner', code: 'NOT_FOUND' },
      ]);
    }
    expect((await grantAuthorization(member, partner.partnerId)).userErrors[0].code).toBe('FORBIDDEN');
    expect((await grantAuthorization(world.anonymous(), partner.partnerId)).userErrors[0].code).toBe('UNAUTHENTICATED');
  });

  it('lets only one of two racing grants through', async () => {
    const { seller, partner } = await leadParties(world);
    const results = await Promise.all([grantAuthorization(seller, partner.partnerId), grantAuthorization(seller, partner.partnerId)]);
    expect(results.map((r) => r.userErrors.map((e) => e.code)).sort()).toEqual([[], ['CONFLICT']]);
    expect((await seller.request(MINE)).myAuthorizations).toHaveLength(1);
  });
});

describe('acceptCooperation', () => {
  it('accepts the code this seller granted this partner, whatever its case and spacing', async () => {
    const { seller, partner, member } = await leadParties(world);
    const { authorization } = await grantAuthorization(seller, partner.partnerId);
    const leadId = await following(seller, partner, member);
    const { lead, userErrors } = await leadAction(member, 'acceptCooperation', {
      leadId,
      authorizationId: ` ${authorization.authorizationId.toLowerCase()} `,
    });
    expect(userErrors).toEqual([]);
    expect(lead).toMatchObject({ status: 'DEAL', authorization: { id: authorization.id } });
    expect(historyTypes(lead).at(-1)).toBe('COOPERATION_ACCEPTED');
  });

  it("refuses an unknown code, another seller's code, a code for another partner and a revoked code", async () => {
    const { seller, partner, member } = await leadParties(world);
    const leadId = await following(seller, partner, member);
    const otherSeller = await world.seller();
    const othersCode = (await grantAuthorization(otherSeller, partner.partnerId)).authorization.authorizationId;
    const rival = await world.partner();
    const rivalsCode = (await grantAuthorization(seller, rival.partnerId)).authorization.authorizationId;
    const missing = {
      field: ['authorizationId'],
      message: 'This seller has not given your organisation this authorization ID',
      code: 'NOT_FOUND',
    };
    for (const code of ['AUTH-AAAA-AAAA', othersCode, rivalsCode]) {
      expect((await leadAction(member, 'acceptCooperation', { leadId, authorizationId: code })).userErrors).toEqual([missing]);
    }
    // Granting would match the lead at once; a revoked grant from before must not.
    const rivalLead = await following(seller, rival, await rival.member());
    expect((await readLead(seller, rivalLead)).status).toBe('FOLLOWING');
    const early = await world.seller();
    const earlyLead = await leadFor(early, partner);
    const { authorization } = await grantAuthorization(early, partner.partnerId);
    await revokeAuthorization(early, authorization.id);
    await leadAction(member, 'followLead', { leadId: earlyLead });
    expect(
      (await leadAction(member, 'acceptCooperation', { leadId: earlyLead, authorizationId: authorization.authorizationId })).userErrors,
    ).toEqual([{ field: ['authorizationId'], message: 'The seller revoked this authorization', code: 'INVALID' }]);
    expect((await readLead(member, earlyLead)).status).toBe('FOLLOWING');
    expect((await readLead(member, leadId)).status).toBe('FOLLOWING');
  });
});

describe('revokeAuthorization and myAuthorizations', () => {
  it('keeps deals reached, notes the revocation in their history, and allows a new grant', async () => {
    const { seller, partner, member } = await leadParties(world);
    const leadId = await following(seller, partner, member);
    const { authorization } = await grantAuthorization(seller, partner.partnerId);
    const revoked = await revokeAuthorization(seller, authorization.id);
    expect(revoked).toMatchObject({ userErrors: [], authorization: { id: authorization.id, revokedAt: expect.any(String) } });
    const lead = await readLead(member, leadId);
    expect(lead).toMatchObject({ status: 'DEAL', authorization: { id: authorization.id, revokedAt: revoked.authorization.revokedAt } });
    expect(historyTypes(lead).slice(-2)).toEqual(['AUTHORIZATION_MATCHED', 'AUTHORIZATION_REVOKED']);
    expect((await revokeAuthorization(seller, authorization.id)).userErrors).toEqual([
      { field: ['authorizationId'], message: 'This authorization is already revoked', code: 'INVALID_TRANSITION' },
    ]);
    const again = await grantAuthorization(seller, partner.partnerId);
    expect(again.userErrors).toEqual([]);
    const mine = (await seller.request(MINE)).myAuthorizations;
    expect(mine.map((a: any) => [a.id, a.revokedAt === null, a.partner.id])).toEqual([
      [again.authorization.id, true, partner.partnerId],
      [authorization.id, false, partner.partnerId],
    ]);
  });

  it("refuses another seller's authorization and lists only one's own", async () => {
    const { seller, partner, member } = await leadParties(world);
    const { authorization } = await grantAuthorization(seller, partner.partnerId);
    const other = await world.seller();
    expect((await revokeAuthorization(other, authorization.id)).userErrors).toEqual([
      { field: ['authorizationId'], message: 'No such authorization', code: 'NOT_FOUND' },
    ]);
    expect((await revokeAuthorization(member, authorization.id)).userErrors[0].code).toBe('FORBIDDEN');
    expect((await other.request(MINE)).myAuthorizations).toEqual([]);
    expect((await member.raw(MINE)).body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await world.anonymous().raw(MINE)).body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('shows an authorization by node(id:) to its seller, its partner and operators only', async () => {
    const { seller, partner, member } = await leadParties(world);
    const { authorization } = await grantAuthorization(seller, partner.partnerId);
    const query = 'query($id: ID!) { node(id: $id) { ... on SellerAuthorization { authorizationId } } }';
    for (const client of [seller, member, await world.operator()]) {
      expect((await client.request(query, { id: authorization.id })).node).toEqual({ authorizationId: authorization.authorizationId });
    }
    for (const client of [await world.seller(), await (await world.partner()).member(), world.anonymous()]) {
      expect((await client.request(query, { id: authorization.id })).node).toBeNull();
    }
  });
});
