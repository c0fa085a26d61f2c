import { afterAll, beforeAll, expect, it } from 'vitest';
import { LeadAction } from '@slp/shared';
import { GraphQLClient, startTestApp, type TestApp } from '../../test/harness.js';
import { World, inquiryInput, submitInquiry } from '../../test/fixtures.js';
import { moveLead, partnerWithMembers } from '../../test/notifications.js';
import { LiveSubscription } from '../../test/live.js';
import { startServerProcess, type ServerProcess } from '../../test/server-process.js';

let app: TestApp;
let processA: ServerProcess;
let processB: ServerProcess;
const open: LiveSubscription[] = [];

// Two real API processes on one database, as behind a load balancer; the test app only prepares data.
beforeAll(async () => {
  app = await startTestApp({ notifications: { deliver: false } });
  [processA, processB] = await Promise.all([1, 2].map(() => startServerProcess({ DATABASE_URL: app.databaseUrl })));
});
afterAll(async () => {
  await Promise.all(open.map((subscription) => subscription.close()));
  await Promise.all([processA, processB].map((server) => server?.kill()));
  await app?.close();
});

/** The same logged-in user, talking to another process. */
function via(server: ServerProcess, client: GraphQLClient): GraphQLClient {
  const moved = new GraphQLClient(server.url);
  moved.cookie = client.cookie;
  return moved;
}

function subscribe(server: ServerProcess, client: GraphQLClient, query: string): LiveSubscription {
  const subscription = new LiveSubscription(server.url, query, { cookie: client.cookie });
  open.push(subscription);
  return subscription;
}

it('alerts a partner connected to one process when the seller submits through another, and no other partner', async () => {
  const world = new World(app);
  const seller = await world.seller();
  const agency = await partnerWithMembers(world, 1);
  const studio = await partnerWithMembers(world, 1);
  const agencyAlerts = subscribe(processA, agency.members[0].client, 'subscription { leadAlerts { type lead { id status } } }');
  const studioAlerts = subscribe(processA, studio.members[0].client, 'subscription { leadAlerts { type lead { id status } } }');
  const sellerUpdates = subscribe(processB, seller, 'subscription { inquiryUpdates { type lead { id status } } }');
  await Promise.all([agencyAlerts.ready(), studioAlerts.ready(), sellerUpdates.ready()]);

  const { inquiry } = await submitInquiry(via(processB, seller), inquiryInput({ targetServiceIds: [agency.services[0]] }));
  const lead = inquiry.leads.edges[0].node.id;
  expect(await agencyAlerts.nth(0)).toEqual({ data: { leadAlerts: { type: 'NEW_LEAD', lead: { id: lead, status: 'NEW' } } } });

  // A third process (this test's) follows up: the seller on process B hears of it.
  await moveLead(app, lead, LeadAction.FOLLOW_UP, agency.members[0].email);
  expect(await sellerUpdates.nth(0)).toEqual({ data: { inquiryUpdates: { type: 'FOLLOWED', lead: { id: lead, status: 'FOLLOWING' } } } });

  // The studio's first alert is about its own lead: it never heard of the agency's.
  const own = await submitInquiry(via(processA, seller), inquiryInput({ targetServiceIds: [studio.services[0]] }));
  expect((await studioAlerts.nth(0)).data.leadAlerts.lead.id).toBe(own.inquiry.leads.edges[0].node.id);
  expect(studioAlerts.received).toHaveLength(1);
  expect(agencyAlerts.received).toHaveLength(1);
});
