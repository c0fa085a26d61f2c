import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import { LeadAction, LeadSource, ProductCategory, Role, ServiceType } from '@slp/shared';
import { startTestApp, type GraphQLClient, type TestApp } from '../../test/harness.js';
import { World, inquiryInput, submitInquiry, type PartnerFixture } from '../../test/fixtures.js';
import { grantAuthorization, leadAction, leadFor, revokeAuthorization } from '../../test/lead-fixtures.js';
import { partnerWithMembers, type Member } from '../../test/notifications.js';
import { DeadlinesService } from '../deadlines/deadlines.service.js';
import { idOfType } from '../graphql/node.js';
import { lockLead, newLeadRows, transitionLead } from './lead-state-machine.js';
import { insertLeads, writeLeadEvents } from './lead-writes.js';

let app: TestApp;
let world: World;
let seller: GraphQLClient;
let operator: GraphQLClient;
let agency: PartnerFixture & { members: Member[] };

const ASSIGN = `mutation($input: AssignPartnersInput!) { assignPartners(input: $input) { leads { id } userErrors { code } } }`;
const UNASSIGN = `mutation($input: UnassignLeadInput!) { unassignLead(input: $input) { userErrors { code } } }`;
const CLOSE = `mutation($input: CloseInquiryInput!) { closeInquiry(input: $input) { userErrors { code } } }`;
const ENDPOINT = `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { userErrors { code } } }`;

// Nothing is sent: the test reads the outbox rows the writes leave.
beforeAll(async () => {
  app = await startTestApp({ notifications: { deliver: false }, deadlineJobs: { run: false } });
  world = new World(app);
  seller = await world.seller();
  operator = await world.operator();
  // Two members; a store-management service sellers target, and a logistics one for shoes that matching
  // never picks for the tests' beauty inquiries, so only the operator assigns it.
  const fixture = await world.partner({
    services: [{}, { serviceType: ServiceType.LOGISTICS, productCategories: [ProductCategory.SHOES] }],
  });
  agency = { ...fixture, members: [await world.user(Role.PARTNER, fixture.partner), await world.user(Role.PARTNER, fixture.partner)] };
  const { createWebhookEndpoint } = await agency.members[0].client.request(ENDPOINT, {
    input: { url: 'http://127.0.0.1:9/hooks', events: ['LEAD_CREATED', 'LEAD_STATUS_CHANGED', 'LEAD_EXPIRING'] },
  });
  expect(createWebhookEndpoint.userErrors).toEqual([]);
});
afterAll(async () => {
  await app?.close();
});

const em = () => app.orm.em.fork() as EntityManager;
const leadIdOf = (globalId: string) => idOfType(globalId, 'Lead')!;

/** Each history entry of the leads in id order, with how many emails and webhook deliveries it wrote. */
async function historyWithOutbox(leads: string[]): Promise<[string, string, number, number][]> {
  const rows = await em()
    .getConnection()
    .execute<{ lead_id: number; type: string; emails: number; webhooks: number }[]>(
      `select e.lead_id, e.type, (select count(*) from outbox_emails o where o.event_id = e.id)::int as emails,
      (select count(*) from webhook_deliveries d where d.lead_event_id = e.id)::int as webhooks
    from lead_events e where e.lead_id = any(?::int[]) order by e.id`,
      [`{${leads.map(leadIdOf).join(',')}}`],
    );
  const names = new Map(leads.map((lead, place) => [leadIdOf(lead), String.fromCharCode(65 + place)]));
  return rows.map((row) => [names.get(row.lead_id)!, row.type, row.emails, row.webhooks]);
}

async function openAssignment(): Promise<string> {
  const { inquiry, userErrors } = await submitInquiry(seller, inquiryInput({ requestType: 'OPEN', serviceType: ServiceType.LOGISTICS }));
  expect([userErrors, inquiry.leads.totalCount]).toEqual([[], 0]);
  const { assignPartners } = await operator.request(ASSIGN, { input: { inquiryId: inquiry.id, partnerIds: [agency.partnerId] } });
  expect(assignPartners.userErrors).toEqual([]);
  return assignPartners.leads[0].id;
}

describe('lead history writes', () => {
  it("store every change's history with the emails and webhook deliveries its routes send, on every write path", async () => {
    const member = agency.members[0].client;
    const dealt = await leadFor(seller, agency);
    await leadAction(member, 'followLead', { leadId: dealt });
    const { authorization } = await grantAuthorization(seller, agency.partnerId);
    const rejected = await leadFor(seller, agency);
    await leadAction(member, 'rejectLead', { leadId: rejected, reason: 'OTHER' });
    const accepted = await leadFor(seller, agency);
    await leadAction(member, 'followLead', { leadId: accepted });
    await leadAction(member, 'acceptCooperation', { leadId: accepted, authorizationId: authorization.authorizationId });
    await revokeAuthorization(seller, authorization.id);
    const noAgreement = await leadFor(seller, agency);
    await leadAction(member, 'followLead', { leadId: noAgreement });
    await leadAction(member, 'markNoAgreement', { leadId: noAgreement });
    const closed = await leadFor(seller, agency);
    await leadAction(seller, 'closeLead', { leadId: closed });
    const { inquiry: waiting } = await submitInquiry(seller, inquiryInput({ targetServiceIds: [agency.services[0]] }));
    const waited = waiting.leads.edges[0].node.id;
    expect(await new DeadlinesService(em()).tellSellerLeadWaits(leadIdOf(waited))).toBe(true);
    expect((await seller.request(CLOSE, { input: { inquiryId: waiting.id } })).closeInquiry.userErrors).toEqual([]);
    const expired = await openAssignment();
    expect(await new DeadlinesService(em()).remind(leadIdOf(expired))).toBe(true);
    expect(await new DeadlinesService(em()).expire(leadIdOf(expired), new Date(Date.now() + 365 * 86_400_000))).not.toBeNull();
    const unassigned = await openAssignment();
    expect((await operator.request(UNASSIGN, { input: { leadId: unassigned } })).unassignLead.userErrors).toEqual([]);

    // [lead, event, emails (2 partner members or the seller), webhook deliveries (the one endpoint)]
    expect(await historyWithOutbox([dealt, rejected, accepted, noAgreement, closed, waited, expired, unassigned])).toEqual([
      ['A', 'CREATED', 2, 1],
      ['A', 'FOLLOWED_UP', 1, 1],
      ['A', 'CONTACT_REVEALED', 0, 0],
      ['A', 'AUTHORIZATION_MATCHED', 1, 1],
      ['B', 'CREATED', 2, 1],
      ['B', 'REJECTED', 0, 1],
      ['C', 'CREATED', 2, 1],
      ['C', 'FOLLOWED_UP', 1, 1],
      ['C', 'CONTACT_REVEALED', 0, 0],
      ['C', 'COOPERATION_ACCEPTED', 1, 1],
      ['A', 'AUTHORIZATION_REVOKED', 0, 0],
      ['C', 'AUTHORIZATION_REVOKED', 0, 0],
      ['D', 'CREATED', 2, 1],
      ['D', 'FOLLOWED_UP', 1, 1],
      ['D', 'CONTACT_REVEALED', 0, 0],
      ['D', 'NO_AGREEMENT', 1, 1],
      ['E', 'CREATED', 2, 1],
      ['E', 'SELLER_CLOSED', 2, 1],
      ['F', 'CREATED', 2, 1],
      ['F', 'ANSWER_OVERDUE', 1, 0],
      ['F', 'SELLER_CLOSED', 2, 1],
      ['G', 'CREATED', 2, 1],
      ['G', 'EXPIRY_REMINDED', 2, 1],
      ['G', 'EXPIRED', 1, 1],
      ['H', 'CREATED', 2, 1],
      ['H', 'UNASSIGNED', 0, 1],
    ]);
  });

  it('leave neither history nor outbox rows when the transaction rolls back', async () => {
    const lead = await leadFor(seller, agency);
    const { inquiry } = (
      await em()
        .getConnection()
        .execute<{ inquiry: number }[]>('select inquiry_id as inquiry from leads where id = ?', [leadIdOf(lead)])
    )[0];
    const other = await partnerWithMembers(world, 1);
    const before = await historyWithOutbox([lead]);
    expect(before).toEqual([['A', 'CREATED', 2, 1]]);
    const counts = async (tx: EntityManager) =>
      (
        await tx.execute<{ events: number; emails: number; webhooks: number; leads: number }[]>(
          `select (select count(*) from lead_events)::int as events, (select count(*) from outbox_emails)::int as emails,
        (select count(*) from webhook_deliveries)::int as webhooks, (select count(*) from leads)::int as leads`,
        )
      )[0];
    const start = await counts(em());
    await expect(
      em().transactional(async (tx) => {
        const locked = (await lockLead(tx, leadIdOf(lead)))!;
        await writeLeadEvents(tx, transitionLead(locked, LeadAction.FOLLOW_UP).events);
        await insertLeads(
          tx,
          inquiry,
          newLeadRows(
            [
              {
                partnerId: other.partner.id,
                serviceId: idOfType(other.services[0], 'Service')!,
                source: LeadSource.SELLER_TARGETED,
              },
            ],
            null,
          ),
        );
        // Written in the transaction: the follow-up's email to the seller and webhook, the new lead's email to its member.
        expect(await counts(tx)).toEqual({
          events: start.events + 3,
          emails: start.emails + 2,
          webhooks: start.webhooks + 1,
          leads: start.leads + 1,
        });
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await counts(em())).toEqual(start);
    expect(await historyWithOutbox([lead])).toEqual(before);
  });
});
