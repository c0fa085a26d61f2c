import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import { LeadAction } from '@slp/shared';
import { eventually, startTestApp, type GraphQLClient, type TestApp } from '../../test/harness.js';
import { CREATE_API_TOKEN, World, inquiryInput, submitInquiry } from '../../test/fixtures.js';
import { moveLead, partnerWithMembers } from '../../test/notifications.js';
import { LiveSubscription, sessionToken } from '../../test/live.js';
import { idOfType } from '../graphql/node.js';
import { Lead } from '../leads/lead.entity.js';
import { newLeadEvent } from '../leads/lead-state-machine.js';
import { writeLeadEvents } from '../leads/lead-writes.js';

const LEAD_ALERTS = `subscription { leadAlerts { type lead { id status rejectReason
  inquiry { id budget { amount } contact { name email } contactAccess } } } }`;
const INQUIRY_UPDATES = `subscription { inquiryUpdates { type inquiry { id contact { email } } lead { id status rejectReason partner { name } } } }`;

let app: TestApp;
let world: World;
let seller: GraphQLClient;
let agency: Awaited<ReturnType<typeof partnerWithMembers>>;
let studio: Awaited<ReturnType<typeof partnerWithMembers>>;
const open: LiveSubscription[] = [];

beforeAll(async () => {
  app = await startTestApp({ notifications: { deliver: false } });
  world = new World(app);
  seller = await world.seller();
  agency = await partnerWithMembers(world, 1);
  studio = await partnerWithMembers(world, 1);
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});
afterAll(() => app?.close());

async function live(client: GraphQLClient | null, query: string, how: 'cookie' | 'token' = 'cookie') {
  const auth = !client ? {} : how === 'cookie' ? { cookie: client.cookie } : { authToken: sessionToken(client.cookie) };
  const subscription = new LiveSubscription(app.url, query, auth);
  open.push(subscription);
  return subscription;
}

async function submitTo(...services: string[]) {
  const { inquiry } = await submitInquiry(seller, inquiryInput({ targetServiceIds: services }));
  return { inquiry, leads: inquiry.leads.edges.map((e: any) => e.node.id) as string[] };
}

describe('who may connect', () => {
  it('closes a connection without a valid session with 4403 before any operation runs', async () => {
    for (const subscription of [await live(null, LEAD_ALERTS), new LiveSubscription(app.url, LEAD_ALERTS, { authToken: 'forged' })]) {
      open.push(subscription);
      await eventually(() => subscription.closeCode ?? undefined);
      expect(subscription.closeCode).toBe(4403);
      expect(subscription.received).toEqual([]);
    }
  });

  it("accepts a partner's API token as connectionParams.authorization", async () => {
    const { createApiToken } = await agency.members[0].client.request(CREATE_API_TOKEN, {
      input: { name: 'Wallboard', scope: 'READ_ONLY' },
    });
    const byApiToken = new LiveSubscription(app.url, LEAD_ALERTS, { authorization: `Bearer ${createApiToken.secret}` });
    const forged = new LiveSubscription(app.url, LEAD_ALERTS, { authorization: 'Bearer slp_forged' });
    open.push(byApiToken, forged);
    await byApiToken.ready();
    const { leads } = await submitTo(agency.services[0]);
    expect((await byApiToken.nth(0)).data.leadAlerts).toMatchObject({ type: 'NEW_LEAD', lead: { id: leads[0] } });
    await eventually(() => forged.closeCode ?? undefined);
    expect(forged.closeCode).toBe(4403);
  });

  it('refuses a subscription meant for another role with FORBIDDEN', async () => {
    const asSeller = await live(seller, LEAD_ALERTS);
    const asPartner = await live(agency.members[0].client, INQUIRY_UPDATES);
    for (const subscription of [asSeller, asPartner]) {
      const refused = await subscription.nth(0);
      expect(refused.errors.map((e: any) => e.extensions.code)).toEqual(['FORBIDDEN']);
    }
  });

  it('holds subscriptions to the same parse, validation and depth limits as HTTP', async () => {
    const client = agency.members[0].client;
    const deep = `subscription { leadAlerts { lead { inquiry { leads { edges { node { inquiry { leads { edges { node {
      inquiry { leads { edges { node { id } } } } } } } } } } } } } } }`;
    const cases = [
      ['subscription { leadAlerts {', 'GRAPHQL_PARSE_FAILED'],
      ['subscription { leadAlerts { nope } }', 'GRAPHQL_VALIDATION_FAILED'],
      [deep, 'QUERY_TOO_DEEP'],
    ];
    for (const [query, code] of cases) {
      const subscription = await live(client, query);
      await eventually(() => subscription.errors.length > 0);
      expect((subscription.errors[0] as { extensions: { code: string } }[]).map((e) => e.extensions.code)).toEqual([code]);
    }
  });
});

describe('leadAlerts', () => {
  it("alerts the targeted partner's members, by cookie or token, and no other partner", async () => {
    const byCookie = await live(agency.members[0].client, LEAD_ALERTS);
    const byToken = await live(agency.members[0].client, LEAD_ALERTS, 'token');
    const other = await live(studio.members[0].client, LEAD_ALERTS);
    await Promise.all([byCookie.ready(), byToken.ready(), other.ready()]);
    const { inquiry, leads } = await submitTo(agency.services[0]);
    for (const subscription of [byCookie, byToken]) {
      expect(await subscription.nth(0)).toEqual({
        data: {
          leadAlerts: {
            type: 'NEW_LEAD',
            lead: {
              id: leads[0],
              status: 'NEW',
              rejectReason: null,
              inquiry: { id: inquiry.id, budget: { amount: '3000.00' }, contact: null, contactAccess: 'LOCKED' },
            },
          },
        },
      });
    }
    // The other partner's first alert is about its own lead, so it never got the agency's.
    const own = await submitTo(studio.services[0]);
    expect((await other.nth(0)).data.leadAlerts.lead.id).toBe(own.leads[0]);
    expect(other.received).toHaveLength(1);
  });

  it('alerts when the seller edits or closes, with what the partner may see at that moment', async () => {
    const { inquiry, leads } = await submitTo(agency.services[0]);
    await moveLead(app, leads[0], LeadAction.FOLLOW_UP, agency.members[0].email);
    const alerts = await live(agency.members[0].client, LEAD_ALERTS);
    await alerts.ready();
    await seller.request(`mutation($input: UpdateInquiryInput!) { updateInquiry(input: $input) { userErrors { code } } }`, {
      input: { inquiryId: inquiry.id, budget: '4500' },
    });
    const edited = (await alerts.nth(0)).data.leadAlerts;
    expect(edited).toMatchObject({
      type: 'INQUIRY_UPDATED',
      lead: {
        id: leads[0],
        status: 'FOLLOWING',
        inquiry: { budget: { amount: '4500.00' }, contact: { name: 'Dana Seller', email: 'dana@shop.test' }, contactAccess: 'VISIBLE' },
      },
    });
    await seller.request(`mutation($input: UpdateInquiryInput!) { updateInquiry(input: $input) { userErrors { code } } }`, {
      input: { inquiryId: inquiry.id, language: 'fr' },
    });
    expect((await alerts.nth(1)).data.leadAlerts).toMatchObject({ type: 'INQUIRY_UPDATED', lead: { id: leads[0] } });
    await seller.request(`mutation($input: CloseInquiryInput!) { closeInquiry(input: $input) { userErrors { code } } }`, {
      input: { inquiryId: inquiry.id },
    });
    const closed = (await alerts.nth(2)).data.leadAlerts;
    expect(closed).toMatchObject({
      type: 'SELLER_CLOSED',
      lead: { id: leads[0], status: 'CLOSED', inquiry: { contact: null, contactAccess: 'REVOKED' } },
    });
    // Closing is not an edit: one alert for it, not two.
    expect(alerts.received).toHaveLength(3);
  });

  it('sends nothing for a change that rolled back', async () => {
    const { leads } = await submitTo(agency.services[0]);
    const alerts = await live(agency.members[0].client, LEAD_ALERTS);
    await alerts.ready();
    const em = app.orm.em.fork() as EntityManager;
    await expect(
      em.transactional(async (tx) => {
        await writeLeadEvents(tx, [newLeadEvent(await tx.findOneOrFail(Lead, idOfType(leads[0], 'Lead')!), 'SELLER_CLOSED', null, null)]);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    const next = await submitTo(agency.services[0]);
    expect((await alerts.nth(0)).data.leadAlerts).toMatchObject({ type: 'NEW_LEAD', lead: { id: next.leads[0] } });
    expect(alerts.received).toHaveLength(1);
  });
});

describe('inquiryUpdates', () => {
  it("tells the seller what each partner did, never a rejection's reason, and nothing of other sellers", async () => {
    const updates = await live(seller, INQUIRY_UPDATES);
    const otherSeller = await live(await world.seller(), INQUIRY_UPDATES);
    await Promise.all([updates.ready(), otherSeller.ready()]);
    const { inquiry, leads } = await submitTo(agency.services[0], studio.services[0]);
    await moveLead(app, leads[0], LeadAction.FOLLOW_UP, agency.members[0].email);
    await moveLead(app, leads[0], LeadAction.ACCEPT_COOPERATION, agency.members[0].email);
    await moveLead(app, leads[1], LeadAction.REJECT, studio.members[0].email);
    const received = await Promise.all([0, 1, 2].map((n) => updates.nth(n)));
    expect(received.map((r) => r.data.inquiryUpdates)).toEqual([
      {
        type: 'FOLLOWED',
        inquiry: { id: inquiry.id, contact: { email: 'dana@shop.test' } },
        lead: { id: leads[0], status: 'FOLLOWING', rejectReason: null, partner: { name: agency.partner.name } },
      },
      {
        type: 'DEAL',
        inquiry: { id: inquiry.id, contact: { email: 'dana@shop.test' } },
        lead: { id: leads[0], status: 'DEAL', rejectReason: null, partner: { name: agency.partner.name } },
      },
      {
        type: 'REJECTED',
        inquiry: { id: inquiry.id, contact: { email: 'dana@shop.test' } },
        lead: { id: leads[1], status: 'REJECTED', rejectReason: null, partner: { name: studio.partner.name } },
      },
    ]);
    expect(otherSeller.received).toEqual([]);
  });

  it('ends the subscription once the session is logged out', async () => {
    const client = await world.seller();
    const { inquiry } = await submitInquiry(client, inquiryInput({ targetServiceIds: [agency.services[0]] }));
    const updates = await live(client, INQUIRY_UPDATES);
    await updates.ready();
    await client.request('mutation { logOut }');
    await moveLead(app, inquiry.leads.edges[0].node.id, LeadAction.FOLLOW_UP, agency.members[0].email);
    await eventually(() => updates.errors.length > 0);
    expect(updates.errors).toEqual([[{ message: 'The session has ended', extensions: { code: 'UNAUTHENTICATED' } }]]);
    expect(updates.received).toEqual([]);
  });
});
