import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { startTestApp, type GraphQLClient, type TestApp } from '../../test/harness.js';
import { World, inquiryInput, submitInquiry } from '../../test/fixtures.js';
import { MAILBOX, outboxOf, partnerWithMembers } from '../../test/notifications.js';
import { LiveSubscription } from '../../test/live.js';

/** The lead pool's own mutations (issue 3) drive the notifications end to end. */
const FOLLOW = `mutation($input: FollowLeadInput!) { followLead(input: $input) { userErrors { code } } }`;
const REJECT = `mutation($input: RejectLeadInput!) { rejectLead(input: $input) { userErrors { code } } }`;
const ACCEPT = `mutation($input: AcceptCooperationInput!) { acceptCooperation(input: $input) { userErrors { code } } }`;
const NO_AGREEMENT = `mutation($input: MarkNoAgreementInput!) { markNoAgreement(input: $input) { userErrors { code } } }`;
const GRANT = `mutation($input: GrantAuthorizationInput!) { grantAuthorization(input: $input) { authorization { authorizationId } userErrors { code } } }`;
const UPDATES = `subscription { inquiryUpdates { type lead { id status rejectReason rejectNote partner { name } } } }`;

let app: TestApp;
let world: World;
let operator: GraphQLClient;
const open: LiveSubscription[] = [];

beforeAll(async () => {
  app = await startTestApp({ notifications: { pollMs: 100 } });
  world = new World(app);
  operator = await world.operator();
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});
afterAll(() => app?.close());

async function act(client: GraphQLClient, mutation: string, input: Record<string, unknown>) {
  const data = await client.request(mutation, { input });
  const payload = Object.values(data)[0] as { userErrors: unknown[] };
  expect(payload.userErrors).toEqual([]);
  return payload;
}

it('follow-up, rejection, deals (accepted or matched by a grant) and no agreement reach the seller live and by email', async () => {
  const { email: sellerEmail, client: seller } = await world.user('SELLER' as never);
  const [agency, studio, lab] = [
    await partnerWithMembers(world, 1),
    await partnerWithMembers(world, 1),
    await partnerWithMembers(world, 1),
  ];
  const updates = new LiveSubscription(app.url, UPDATES, { cookie: seller.cookie });
  open.push(updates);
  await updates.ready();
  const { inquiry } = await submitInquiry(
    seller,
    inquiryInput({ targetServiceIds: [agency.services[0], studio.services[0], lab.services[0]] }),
  );
  const leadOf = (partnerId: string) =>
    inquiry.leads.edges.map((e: any) => e.node).find((l: any) => l.partner.id === partnerId).id as string;
  const [agencyLead, studioLead, labLead] = [agency, studio, lab].map((p) => leadOf(p.partnerId));
  const [agencyMember, studioMember, labMember] = [agency, studio, lab].map((p) => p.members[0].client);

  await act(agencyMember, FOLLOW, { leadId: agencyLead });
  await act(studioMember, REJECT, { leadId: studioLead, reason: 'NO_CAPACITY', note: 'Full until June' });
  await act(labMember, FOLLOW, { leadId: labLead });
  await act(labMember, NO_AGREEMENT, { leadId: labLead });
  // The seller's grant matches the agency's FOLLOWING lead: a deal without any partner action.
  await act(seller, GRANT, { partnerId: agency.partnerId });

  const received = await Promise.all([0, 1, 2, 3, 4].map((n) => updates.nth(n)));
  expect(received.map((r) => r.data.inquiryUpdates)).toEqual([
    {
      type: 'FOLLOWED',
      lead: { id: agencyLead, status: 'FOLLOWING', rejectReason: null, rejectNote: null, partner: { name: agency.partner.name } },
    },
    {
      type: 'REJECTED',
      lead: { id: studioLead, status: 'REJECTED', rejectReason: null, rejectNote: null, partner: { name: studio.partner.name } },
    },
    {
      type: 'FOLLOWED',
      lead: { id: labLead, status: 'FOLLOWING', rejectReason: null, rejectNote: null, partner: { name: lab.partner.name } },
    },
    {
      type: 'NO_AGREEMENT',
      lead: { id: labLead, status: 'CLOSED', rejectReason: null, rejectNote: null, partner: { name: lab.partner.name } },
    },
    {
      type: 'DEAL',
      lead: { id: agencyLead, status: 'DEAL', rejectReason: null, rejectNote: null, partner: { name: agency.partner.name } },
    },
  ]);

  // The app's own worker delivers them to the local mailbox.
  const subjects = async () =>
    (await operator.request(MAILBOX, { to: sellerEmail })).devMailbox.map((m: { subject: string }) => m.subject).reverse();
  const expected = [
    `${agency.partner.name} is following up on your inquiry`,
    `${lab.partner.name} is following up on your inquiry`,
    `${lab.partner.name} could not reach an agreement with you`,
    `You reached a deal with ${agency.partner.name}`,
  ];
  await expect.poll(subjects, { timeout: 10_000 }).toEqual(expected);
  expect((await outboxOf(app, studioLead)).map((row) => row.kind)).toEqual(['NEW_LEAD']);
});

it("a deal by accepting cooperation with the seller's authorization ID emails the seller once", async () => {
  const { email: sellerEmail, client: seller } = await world.user('SELLER' as never);
  const agency = await partnerWithMembers(world, 1);
  const { inquiry } = await submitInquiry(seller, inquiryInput({ targetServiceIds: [agency.services[0]] }));
  const lead = inquiry.leads.edges[0].node.id;
  const member = agency.members[0].client;
  // Granted before the follow-up, so it is not matched automatically: the partner enters its ID.
  const { authorization } = (await act(seller, GRANT, { partnerId: agency.partnerId })) as unknown as {
    authorization: { authorizationId: string };
  };
  await act(member, FOLLOW, { leadId: lead });
  await act(member, ACCEPT, { leadId: lead, authorizationId: authorization.authorizationId });
  await expect
    .poll(async () => (await outboxOf(app, lead)).map((row) => [row.kind, row.recipientEmail, row.status]), { timeout: 10_000 })
    .toEqual([
      ['NEW_LEAD', agency.members[0].email, 'SENT'],
      ['FOLLOWED_UP', sellerEmail, 'SENT'],
      ['DEAL', sellerEmail, 'SENT'],
    ]);
});
