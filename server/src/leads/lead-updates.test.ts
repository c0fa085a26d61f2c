import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type GraphQLClient, type TestApp } from '../../test/harness.js';
import { World, inquiryInput, submitInquiry } from '../../test/fixtures.js';
import { grantAuthorization, leadAction, leadFor } from '../../test/lead-fixtures.js';
import { LiveSubscription } from '../../test/live.js';

/**
 * Screens that never go stale (issue 16): when someone else changes a lead a partner works, its
 * members hear LEAD_UPDATED with the lead as it is now; acting on the old picture gets a human answer.
 */

let app: TestApp;
let world: World;
let operator: GraphQLClient;
beforeAll(async () => {
  app = await startTestApp({ notifications: { deliver: false } });
  world = new World(app);
  operator = await world.operator();
});
afterAll(() => app?.close());

const ALERTS = 'subscription { leadAlerts { type lead { id status closeReason } } }';

it('tells the partner at once when the seller authorizes it, and a late Accept says the lead already reached a deal', async () => {
  const partner = await world.partner();
  const member = await partner.member();
  const seller = await world.seller();
  const leadId = await leadFor(seller, partner);
  await leadAction(member, 'followLead', { leadId });
  const alerts = new LiveSubscription(app.url, ALERTS, { cookie: member.cookie });
  await alerts.ready();

  await grantAuthorization(seller, partner.partnerId);
  expect((await alerts.nth(0)).data.leadAlerts).toEqual({ type: 'LEAD_UPDATED', lead: { id: leadId, status: 'DEAL', closeReason: null } });
  const late = await leadAction(member, 'acceptCooperation', { leadId, authorizationId: 'AUTH-0000-0000' });
  expect(late.userErrors).toEqual([{ field: null, code: 'INVALID_TRANSITION', message: 'This lead has already reached a deal' }]);
  const closed = await leadAction(member, 'markNoAgreement', { leadId });
  expect(closed.userErrors.map((e) => e.message)).toEqual(['This lead has already reached a deal']);
  await alerts.close();
});

it('tells the partner when an operator takes its lead back', async () => {
  const partner = await world.partner({ services: [{ serviceType: 'TRAINING' as never }] });
  const member = await partner.member();
  const seller = await world.seller();
  const { inquiry } = await submitInquiry(seller, inquiryInput({ requestType: 'OPEN', serviceType: 'TRAINING' }));
  const leadId = inquiry.leads.edges[0].node.id;
  const alerts = new LiveSubscription(app.url, ALERTS, { cookie: member.cookie });
  await alerts.ready();
  await operator.request(`mutation($input: UnassignLeadInput!) { unassignLead(input: $input) { userErrors { code } } }`, {
    input: { leadId },
  });
  expect((await alerts.nth(0)).data.leadAlerts).toEqual({
    type: 'LEAD_UPDATED',
    lead: { id: leadId, status: 'CLOSED', closeReason: 'UNASSIGNED' },
  });
  const late = await leadAction(member, 'followLead', { leadId });
  expect(late.userErrors.map((e) => e.message)).toEqual(['The platform has already taken this lead back']);
  await alerts.close();
});
