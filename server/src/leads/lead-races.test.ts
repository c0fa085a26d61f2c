import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type GraphQLClient, type TestApp } from '../../test/harness.js';
import { World, type PartnerFixture } from '../../test/fixtures.js';
import { grantAuthorization, historyTypes, leadAction, leadFor, readLead, type LeadPayloadShape } from '../../test/lead-fixtures.js';

let app: TestApp;
let world: World;
let partner: PartnerFixture;
let alice: GraphQLClient;
let bob: GraphQLClient;
let seller: GraphQLClient;

beforeAll(async () => {
  app = await startTestApp();
  world = new World(app);
  partner = await world.partner();
  [alice, bob, seller] = await Promise.all([partner.member(), partner.member(), world.seller()]);
});
afterAll(() => app?.close());

const ROUNDS = 4;
const codes = (results: LeadPayloadShape[]) => results.map((r) => r.userErrors.map((e) => e.code).join() || 'ok');
const changes = (lead: any) => historyTypes(lead).filter((type) => type !== 'CREATED' && type !== 'CONTACT_REVEALED');

/** Starts both requests at once over separate HTTP connections and waits for both. */
function race(...requests: (() => Promise<LeadPayloadShape>)[]) {
  return Promise.all(requests.map((request) => request()));
}

async function followedLead(): Promise<string> {
  const leadId = await leadFor(seller, partner);
  await leadAction(alice, 'followLead', { leadId });
  return leadId;
}

describe('two racing actions on one lead never both win', () => {
  it('two members of one partner following at once: one follows, the other is refused', async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const leadId = await leadFor(seller, partner);
      const results = await race(
        () => leadAction(alice, 'followLead', { leadId }),
        () => leadAction(bob, 'followLead', { leadId }),
      );
      expect(codes(results).sort()).toEqual(['INVALID_TRANSITION', 'ok']);
      expect(historyTypes(await readLead(seller, leadId))).toEqual(['CREATED', 'FOLLOWED_UP', 'CONTACT_REVEALED']);
    }
  });

  it('one member follows while another rejects: exactly one of them happens', async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const leadId = await leadFor(seller, partner);
      const [follow, reject] = await race(
        () => leadAction(alice, 'followLead', { leadId }),
        () => leadAction(bob, 'rejectLead', { leadId, reason: 'OTHER' }),
      );
      expect(codes([follow, reject]).sort()).toEqual(['INVALID_TRANSITION', 'ok']);
      const lead = await readLead(alice, leadId);
      expect(changes(lead)).toEqual([follow.userErrors.length ? 'REJECTED' : 'FOLLOWED_UP']);
      expect(lead.status).toBe(follow.userErrors.length ? 'REJECTED' : 'FOLLOWING');
    }
  });

  it('the seller closes while the partner rejects: exactly one of them happens', async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const leadId = await leadFor(seller, partner);
      const [close, reject] = await race(
        () => leadAction(seller, 'closeLead', { leadId }),
        () => leadAction(alice, 'rejectLead', { leadId, reason: 'NO_CAPACITY' }),
      );
      expect(codes([close, reject]).sort()).toEqual(['INVALID_TRANSITION', 'ok']);
      expect(changes(await readLead(alice, leadId))).toEqual([close.userErrors.length ? 'REJECTED' : 'SELLER_CLOSED']);
    }
  });

  it('the seller closes while the partner marks no agreement: exactly one of them happens', async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const leadId = await followedLead();
      const [close, noDeal] = await race(
        () => leadAction(seller, 'closeLead', { leadId }),
        () => leadAction(bob, 'markNoAgreement', { leadId }),
      );
      expect(codes([close, noDeal]).sort()).toEqual(['INVALID_TRANSITION', 'ok']);
      const lead = await readLead(alice, leadId);
      expect(changes(lead)).toEqual(['FOLLOWED_UP', close.userErrors.length ? 'NO_AGREEMENT' : 'SELLER_CLOSED']);
      expect(lead.closeReason).toBe(close.userErrors.length ? 'NO_AGREEMENT' : 'SELLER_CLOSED');
    }
  });

  it('the seller closes while the partner follows: the result is one of the two orders, never a mix', async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const leadId = await leadFor(seller, partner);
      const [close, follow] = await race(
        () => leadAction(seller, 'closeLead', { leadId }),
        () => leadAction(alice, 'followLead', { leadId }),
      );
      // Following first leaves a lead the seller may still close; closing first leaves nothing to follow.
      expect(close.userErrors).toEqual([]);
      const lead = await readLead(seller, leadId);
      expect(lead.status).toBe('CLOSED');
      if (follow.userErrors.length) {
        expect(follow.userErrors[0]).toMatchObject({ code: 'INVALID_TRANSITION', message: 'The seller has already closed this lead' });
        expect(historyTypes(lead)).toEqual(['CREATED', 'SELLER_CLOSED']);
      } else {
        expect(historyTypes(lead)).toEqual(['CREATED', 'FOLLOWED_UP', 'CONTACT_REVEALED', 'SELLER_CLOSED']);
      }
    }
  });

  it('the seller grants while the partner marks no agreement: the lead ends in exactly one of deal or closed', async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const grantor = await world.seller();
      const leadId = await leadFor(grantor, partner);
      await leadAction(alice, 'followLead', { leadId });
      const [grant, noDeal] = await Promise.all([
        grantAuthorization(grantor, partner.partnerId),
        leadAction(bob, 'markNoAgreement', { leadId }),
      ]);
      expect(grant.userErrors).toEqual([]);
      const lead = await readLead(alice, leadId);
      if (noDeal.userErrors.length) {
        expect(noDeal.userErrors[0].code).toBe('INVALID_TRANSITION');
        expect(lead).toMatchObject({ status: 'DEAL', authorization: { id: grant.authorization.id } });
        expect(changes(lead)).toEqual(['FOLLOWED_UP', 'AUTHORIZATION_MATCHED']);
      } else {
        expect(lead).toMatchObject({ status: 'CLOSED', authorization: null });
        expect(changes(lead)).toEqual(['FOLLOWED_UP', 'NO_AGREEMENT']);
      }
    }
  });
});
