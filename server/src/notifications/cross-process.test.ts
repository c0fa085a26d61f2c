import { afterAll, beforeAll, expect, it } from 'vitest';
import { LeadAction } from '@slp/shared';
import { GraphQLClient, eventually, startTestApp, type TestApp } from '../../test/harness.js';
import { World, inquiryInput, submitInquiry } from '../../test/fixtures.js';
import { moveLead, partnerWithMembers } from '../../test/notifications.js';
import { LiveSubscription, sessionToken } from '../../test/live.js';
import { startServerProcess, type ServerProcess } from '../../test/server-process.js';
import { sha256 } from '../auth/digest.js';

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

function subscribe(server: ServerProcess | TestApp, client: GraphQLClient, query: string): LiveSubscription {
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

const alertsOf = (subscription: LiveSubscription) => subscription.received.map((r) => r.data.leadAlerts);

it('runs no statement for changes none of its subscribers may hear of, and four for all the alerts a notice sends', async () => {
  const world = new World(app);
  const seller = via(processB, await world.seller());
  const agency = await partnerWithMembers(world, 1);
  const studio = await partnerWithMembers(world, 3);
  const query = 'subscription { leadAlerts { type lead { id status inquiry { id budget { amount } } } } }';
  const agencyAlerts = subscribe(processA, agency.members[0].client, query);
  // The test app's process holds only the studio's subscribers, and counts its own statements.
  const studioAlerts = [
    ...studio.members.map((member) => subscribe(app, member.client, query)),
    new LiveSubscription(app.url, query, { authToken: sessionToken(studio.members[0].client.cookie) }),
  ];
  open.push(studioAlerts[3]);
  await Promise.all([agencyAlerts, ...studioAlerts].map((subscription) => subscription.ready()));
  // A query on the same socket can be answered before a subscription is taken (each message is
  // handled on its own): under load the last one's session lookup fell into the count below.
  await eventually(() => app.notifications.hub.listenerCount({ partnerId: studio.partner.id }) === 4);

  const { result: own, statements } = await app.countStatements(async () => {
    for (let n = 0; n < 3; n += 1) await submitInquiry(seller, inquiryInput({ targetServiceIds: [agency.services[0]] }));
    await agencyAlerts.nth(2);
    // Notices are handled in commit order: once the studio's alerts are out, the agency's were handled too.
    const submitted = await submitInquiry(seller, inquiryInput({ targetServiceIds: [studio.services[0]] }));
    await Promise.all(studioAlerts.map((subscription) => subscription.nth(0)));
    return submitted;
  });
  // The subscribers' users and partners, the lead and its inquiry (which also answer the access checks).
  expect(statements).toBe(4);
  for (const subscription of studioAlerts) {
    expect(subscription.received).toEqual([
      {
        data: {
          leadAlerts: {
            type: 'NEW_LEAD',
            lead: { id: own.inquiry.leads.edges[0].node.id, status: 'NEW', inquiry: { id: own.inquiry.id, budget: { amount: '3000.00' } } },
          },
        },
      },
    ]);
  }
});

it('stops the subscriptions of members who logged out or whose session expired, and alerts the others the same notice reaches', async () => {
  const world = new World(app);
  const seller = via(processB, await world.seller());
  const studio = await partnerWithMembers(world, 4);
  const [loggedOut, expired, ...staying] = studio.members.map((member) =>
    subscribe(app, member.client, 'subscription { leadAlerts { type lead { id } } }'),
  );
  await Promise.all([loggedOut, expired, ...staying].map((subscription) => subscription.ready()));
  await studio.members[0].client.request('mutation { logOut }');
  await app.orm.em
    .fork()
    .getConnection()
    .execute("update sessions set expires_at = now() - interval '1 second' where token_hash = ?", [
      sha256(sessionToken(studio.members[1].client.cookie)),
    ]);

  const { result: own, statements } = await app.countStatements(async () => {
    const submitted = await submitInquiry(seller, inquiryInput({ targetServiceIds: [studio.services[0]] }));
    await Promise.all(staying.map((subscription) => subscription.nth(0)));
    await eventually(() => loggedOut.errors.length > 0 && expired.errors.length > 0);
    return submitted;
  });
  expect(statements).toBe(4);
  for (const subscription of staying) {
    expect(alertsOf(subscription)).toEqual([{ type: 'NEW_LEAD', lead: { id: own.inquiry.leads.edges[0].node.id } }]);
  }
  for (const ended of [loggedOut, expired]) {
    expect(ended.errors).toEqual([[{ message: 'The session has ended', extensions: { code: 'UNAUTHENTICATED' } }]]);
    expect(ended.received).toEqual([]);
  }
});

it("routes a seller's edits and closing to each working partner's members, in order, on either process", async () => {
  const world = new World(app);
  const seller = await world.seller();
  const agency = await partnerWithMembers(world, 1);
  const studio = await partnerWithMembers(world, 1);
  // Lead ids and types only: each payload is read when it is sent, so an edit's may already see the lead closed.
  const query = 'subscription { leadAlerts { type lead { id } } }';
  const agencyAlerts = [processA, processB].map((server) => subscribe(server, agency.members[0].client, query));
  const studioAlerts = subscribe(processB, studio.members[0].client, query);
  await Promise.all([...agencyAlerts, studioAlerts].map((subscription) => subscription.ready()));
  const { inquiry } = await submitInquiry(
    via(processA, seller),
    inquiryInput({ targetServiceIds: [agency.services[0], studio.services[0]] }),
  );
  const [agencyLead, studioLead] = inquiry.leads.edges.map((edge: any) => edge.node.id);
  await studioAlerts.nth(0);
  // A partner that turned the lead down no longer hears of the inquiry.
  await moveLead(app, studioLead, LeadAction.REJECT, studio.members[0].email);

  const update = `mutation($input: UpdateInquiryInput!) { updateInquiry(input: $input) { userErrors { code } } }`;
  for (const budget of ['4500', '4600', '4700']) await via(processB, seller).request(update, { input: { inquiryId: inquiry.id, budget } });
  await via(processA, seller).request(`mutation($input: CloseInquiryInput!) { closeInquiry(input: $input) { userErrors { code } } }`, {
    input: { inquiryId: inquiry.id },
  });
  for (const subscription of agencyAlerts) {
    await subscription.nth(4);
    expect(alertsOf(subscription)).toEqual(
      ['NEW_LEAD', 'INQUIRY_UPDATED', 'INQUIRY_UPDATED', 'INQUIRY_UPDATED', 'SELLER_CLOSED'].map((type) => ({
        type,
        lead: { id: agencyLead },
      })),
    );
  }
  // The studio's next alert is about its next lead: it heard nothing of the edits or the closing.
  const next = await submitInquiry(via(processB, seller), inquiryInput({ targetServiceIds: [studio.services[0]] }));
  await studioAlerts.nth(1);
  expect(alertsOf(studioAlerts)).toEqual([
    { type: 'NEW_LEAD', lead: { id: studioLead } },
    { type: 'NEW_LEAD', lead: { id: next.inquiry.leads.edges[0].node.id } },
  ]);
  expect(agencyAlerts.map((subscription) => subscription.received.length)).toEqual([5, 5]);
});
