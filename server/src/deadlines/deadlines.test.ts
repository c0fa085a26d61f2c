import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServiceType } from '@slp/shared';
import { eventually, startTestApp, type GraphQLClient, type TestApp } from '../../test/harness.js';
import { World, inquiryInput, submitInquiry, type PartnerFixture } from '../../test/fixtures.js';
import { leadAction, leadFor } from '../../test/lead-fixtures.js';
import { LiveSubscription } from '../../test/live.js';
import { MAILBOX } from '../../test/notifications.js';
import { idOfType } from '../graphql/node.js';
import { DeadlinesService } from './deadlines.service.js';

// Six seconds to answer, so a test sees leads expire (and a loaded machine still answers in time where
// a test does); the reminder goes out halfway, as for any window under 48 hours.
const WINDOW_MS = 6_000;
process.env.LEAD_RESPONSE_HOURS = String(WINDOW_MS / 3_600_000);

let app: TestApp;
let world: World;
let seller: GraphQLClient;

beforeAll(async () => {
  app = await startTestApp({ deadlineJobs: { pollMs: 200 } });
  world = new World(app);
  seller = await world.seller();
});
afterAll(() => app?.close());

const LEADS = `query($id: ID!) { node(id: $id) { ... on Inquiry { leads(first: 20) { edges { node {
  id status source closeReason createdAt respondBy partner { id } history { type actorRole } } } } } } }`;

async function leadsOf(inquiryId: string): Promise<any[]> {
  return (await seller.request(LEADS, { id: inquiryId })).node.leads.edges.map((edge: any) => edge.node);
}

async function sql<T>(query: string, params: unknown[] = []): Promise<T[]> {
  return app.orm.em.fork().getConnection().execute<T[]>(query, params);
}

/** Outbox emails by kind, to whom, for the given leads. */
async function emailsOf(leadIds: string[]): Promise<{ kind: string; lead: string; to: string }[]> {
  const rows = await sql<{ kind: string; lead_id: number; recipient_email: string }>(
    'select kind, lead_id, recipient_email from outbox_emails where lead_id = any(?::int[]) order by id',
    [`{${leadIds.map((id) => idOfType(id, 'Lead')).join(',')}}`],
  );
  return rows.map((row) => ({
    kind: row.kind,
    lead: leadIds.find((id) => idOfType(id, 'Lead') === row.lead_id)!,
    to: row.recipient_email,
  }));
}

/** The delivered emails with this subject: each checked to carry no contact detail of the seller. */
async function delivered(subject: string, count: number): Promise<{ to: string; text: string }[]> {
  const operator = await world.operator();
  const messages = await eventually(async () => {
    const all = (await operator.request(MAILBOX)).devMailbox.filter((m: { subject: string }) => m.subject === subject);
    return all.length >= count && all;
  }, 10_000);
  for (const message of messages) {
    expect(`${message.text}${message.html}`).not.toMatch(/dana@shop\.test|Dana Seller/);
  }
  return messages;
}

/** Partners of one service type that rank in creation order (identical but for the id). */
async function partnersOf(serviceType: ServiceType, count: number): Promise<PartnerFixture[]> {
  const partners: PartnerFixture[] = [];
  for (let i = 0; i < count; i += 1) partners.push(await world.partner({ services: [{ serviceType }] }));
  return partners;
}

describe('response deadlines of platform-assigned leads', () => {
  it('expires unanswered leads through the state machine and passes the inquiry on to the next partner that never had it', async () => {
    const [first, second, third, fourth] = await partnersOf(ServiceType.CUSTOMER_SERVICE, 4);
    const firstMember = await first.member();
    await third.member();
    await fourth.member();
    const secondMember = await second.member();
    const secondAlerts = new LiveSubscription(app.url, 'subscription { leadAlerts { type lead { id status respondBy } } }', {
      cookie: secondMember.cookie,
    });
    await secondAlerts.ready();
    const before = Date.now();
    const { inquiry } = await submitInquiry(seller, inquiryInput({ requestType: 'OPEN', serviceType: ServiceType.CUSTOMER_SERVICE }));
    const assigned = await leadsOf(inquiry.id);
    expect(assigned.map((lead) => lead.partner.id)).toEqual([first, second, third].map((p) => p.partnerId));
    for (const lead of assigned) {
      expect(new Date(lead.respondBy).getTime() - new Date(lead.createdAt).getTime()).toBe(WINDOW_MS);
    }
    // The first partner answers in time: its lead keeps no deadline and never expires.
    const followed = await leadAction(firstMember, 'followLead', { leadId: assigned[0].id });
    expect(followed.userErrors).toEqual([]);

    // After its new lead, the second partner hears that it expires soon (halfway through a window under 48 h).
    expect((await secondAlerts.nth(0)).data.leadAlerts.type).toBe('NEW_LEAD');
    const alert = (await secondAlerts.nth(1, WINDOW_MS)).data.leadAlerts;
    expect(alert).toEqual({ type: 'LEAD_EXPIRING', lead: { id: assigned[1].id, status: 'NEW', respondBy: assigned[1].respondBy } });
    expect(Date.now() - before).toBeLessThan(WINDOW_MS);
    await secondAlerts.close();

    // Second and third expire; one of them hands the inquiry to the fourth, the other finds nobody left.
    // The fourth's lead then expires in turn, and nobody is left who never had the inquiry.
    const settled = await eventually(async () => {
      const leads = await leadsOf(inquiry.id);
      return leads.length === 4 && leads.slice(1).every((lead) => lead.status === 'CLOSED') && leads;
    }, 4 * WINDOW_MS);
    const [answered, ...expired] = settled;
    expect(answered).toMatchObject({ status: 'FOLLOWING', respondBy: null });
    expect(answered.history.map((e: any) => e.type)).toEqual(['CREATED', 'FOLLOWED_UP', 'CONTACT_REVEALED']);
    expect(expired.map((lead: any) => lead.partner.id)).toEqual([second, third, fourth].map((p) => p.partnerId));
    for (const lead of expired) {
      expect(lead).toMatchObject({ source: 'PLATFORM_ASSIGNED', closeReason: 'EXPIRED', respondBy: null });
      expect(lead.history).toEqual([
        { type: 'CREATED', actorRole: null },
        { type: 'EXPIRY_REMINDED', actorRole: null },
        { type: 'EXPIRED', actorRole: null },
      ]);
    }
    // An expired lead is a closed one: its partner keeps the business profile, never the contact.
    const seen = (
      await secondMember.request(
        `query($id: ID!) { node(id: $id) { ... on Lead {
      inquiry { budget { amount } contact { email } contactAccess } } } }`,
        { id: expired[0].id },
      )
    ).node;
    expect(seen).toEqual({ inquiry: { budget: { amount: '3000.00' }, contact: null, contactAccess: 'REVOKED' } });
    // Emails through the outbox: the reminder to each expiring partner, and "passed on" to the seller per expiry.
    const emails = await emailsOf(settled.map((lead: any) => lead.id));
    const sellerEmail = (await seller.request('{ viewer { user { email } } }')).viewer.user.email;
    const byLead = (a: { lead: string }, b: { lead: string }) => a.lead.localeCompare(b.lead);
    expect(emails.filter((e) => e.kind === 'LEAD_PASSED_ON').sort(byLead)).toEqual(
      expired.map((lead: any) => ({ kind: 'LEAD_PASSED_ON', lead: lead.id, to: sellerEmail })).sort(byLead),
    );
    expect(
      emails
        .filter((e) => e.kind === 'LEAD_EXPIRING')
        .map((e) => e.lead)
        .sort(),
    ).toEqual(expired.map((lead: any) => lead.id).sort());
    const [passedOn] = await delivered('Your request was passed on to another partner', 3);
    expect(passedOn.text).toContain('did not answer your request in time, so the platform passed it on to the next fitting partner');
    const [reminder] = await delivered(`A lead for ${second.partner.name} expires soon`, 1);
    expect(reminder.text).toContain(`Follow up before ${assigned[1].respondBy.slice(0, 16).replace('T', ' ')} UTC`);
    // Each expiry counts against its partner's record.
    const stats = await sql<{ partner_id: number; assigned: number; expired: number }>(
      'select partner_id, assigned, expired from partner_lead_stats where partner_id = any(?::int[]) order by partner_id',
      [`{${[first, second].map((p) => p.partner.id).join(',')}}`],
    );
    expect(stats).toEqual([
      { partner_id: first.partner.id, assigned: 1, expired: 0 },
      { partner_id: second.partner.id, assigned: 1, expired: 1 },
    ]);
  }, 90_000);

  it('does nothing for a lead the partner answered, or that is not due yet, and expires a due lead only once when two jobs race', async () => {
    const [only] = await partnersOf(ServiceType.TRAINING, 1);
    const service = () => new DeadlinesService(app.orm.em.fork() as never);
    // The lead's own jobs are taken off the queue (by their keys), so this test runs them.
    const { inquiry } = await submitInquiry(seller, inquiryInput({ requestType: 'OPEN', serviceType: ServiceType.TRAINING }));
    const [next] = await partnersOf(ServiceType.TRAINING, 1);
    const [lead] = await leadsOf(inquiry.id);
    const leadId = idOfType(lead.id, 'Lead')!;
    await sql(`select graphile_worker.remove_job(task || ':' || ?) from unnest(array['remind_lead', 'expire_lead']) task`, [leadId]);
    const later = new Date(Date.now() + 3_600_000);
    await sql('update leads set response_due_at = ? where id = ?', [later, leadId]);
    expect(await service().expire(leadId)).toBeNull();
    // The operator's "expiring soon" lists it within two hours, not within half an hour; only operators may ask.
    const EXPIRING = `query($within: Float) { expiringLeads(withinHours: $within, first: 100) { id respondBy partner { id } } }`;
    const operator = await world.operator();
    expect((await operator.request(EXPIRING, { within: 2 })).expiringLeads.filter((l: any) => l.id === lead.id)).toEqual([
      { id: lead.id, respondBy: later.toISOString(), partner: { id: only.partnerId } },
    ]);
    expect((await operator.request(EXPIRING, { within: 0.5 })).expiringLeads.map((l: any) => l.id)).not.toContain(lead.id);
    expect((await seller.raw(EXPIRING, { within: 2 })).body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await service().remind(leadId)).toBe(true);
    expect(await service().remind(leadId)).toBe(false);

    const outcomes = await Promise.all([1, 2, 3].map(() => service().expire(leadId, new Date(later.getTime() + 1))));
    expect(outcomes.filter(Boolean).map((o) => [o!.expired.id, o!.next?.partner.id])).toEqual([[leadId, next.partner.id]]);
    const leads = await leadsOf(inquiry.id);
    expect(leads.map((l) => [l.partner.id, l.status, l.closeReason])).toEqual([
      [only.partnerId, 'CLOSED', 'EXPIRED'],
      [next.partnerId, 'NEW', null],
    ]);
    expect(leads[0].history.filter((e: any) => e.type === 'EXPIRED')).toHaveLength(1);
    // The next partner answers: its own deadline job finds nothing to do.
    await leadAction(await next.member(), 'followLead', { leadId: leads[1].id });
    expect(await service().expire(idOfType(leads[1].id, 'Lead')!, new Date(Date.now() + 3_600_000))).toBeNull();
  });

  it('leaves the leads of an inquiry the seller closed before the deadline as the seller closed them', async () => {
    const [partner] = await partnersOf(ServiceType.TECHNOLOGY, 2);
    const { inquiry } = await submitInquiry(seller, inquiryInput({ requestType: 'OPEN', serviceType: ServiceType.TECHNOLOGY }));
    const leads = await leadsOf(inquiry.id);
    expect(leads.map((l) => l.partner.id)).toContain(partner.partnerId);
    await seller.request('mutation($input: CloseInquiryInput!) { closeInquiry(input: $input) { userErrors { code } } }', {
      input: { inquiryId: inquiry.id },
    });
    await new Promise((resolve) => setTimeout(resolve, WINDOW_MS + 1_000));
    const after = await leadsOf(inquiry.id);
    expect(after.map((l) => [l.status, l.closeReason])).toEqual(leads.map(() => ['CLOSED', 'SELLER_CLOSED']));
  });
});

describe('scheduling', () => {
  it("queues each new lead's jobs keyed by task and lead, due at its deadline and the reminder halfway, from one insert of several leads", async () => {
    await partnersOf(ServiceType.CUSTOMER_SERVICE, 2);
    const { inquiry } = await submitInquiry(seller, inquiryInput({ requestType: 'OPEN', serviceType: ServiceType.CUSTOMER_SERVICE }));
    const assigned = await leadsOf(inquiry.id);
    expect(assigned.length).toBeGreaterThanOrEqual(2);
    const targeted = await leadFor(seller, await world.partner({ services: [{ serviceType: ServiceType.CUSTOMER_SERVICE }] }));
    const ids = [...assigned.map((lead) => idOfType(lead.id, 'Lead')!), idOfType(targeted, 'Lead')!];
    const leads = await sql<{ id: number; source: string; due: string; remind: string }>(
      `select id, source, response_due_at::text as due, slp_lead_reminder_at(created_at, response_due_at)::text as remind
        from leads where id = any(?::int[])`,
      [`{${ids.join(',')}}`],
    );
    const jobs = await sql<{ key: string; run_at: string }>(
      'select key, run_at::text from graphile_worker.jobs where key ~ ? order by key',
      [`^(remind_lead|expire_lead|tell_seller_lead_waits):(${ids.join('|')})$`],
    );
    const expected = leads.flatMap((lead) =>
      lead.source === 'PLATFORM_ASSIGNED'
        ? [
            { key: `expire_lead:${lead.id}`, run_at: lead.due },
            { key: `remind_lead:${lead.id}`, run_at: lead.remind },
          ]
        : [{ key: `tell_seller_lead_waits:${lead.id}`, run_at: lead.due }],
    );
    expect(leads.filter((lead) => lead.source === 'PLATFORM_ASSIGNED')).toHaveLength(assigned.length);
    expect(jobs).toEqual(expected.sort((a, b) => (a.key < b.key ? -1 : 1)));
  });
});

describe('targeted leads', () => {
  it('carry no deadline and never expire; the seller is emailed once the lead has waited the window unanswered', async () => {
    const partner = await world.partner({ services: [{ serviceType: ServiceType.LOGISTICS }] });
    const answered = await world.partner({ services: [{ serviceType: ServiceType.LOGISTICS }] });
    const waiting = await leadFor(seller, partner);
    const taken = await leadFor(seller, answered);
    await leadAction(await answered.member(), 'followLead', { leadId: taken });
    const read = async (id: string) =>
      (
        await seller.request(
          `query($id: ID!) { node(id: $id) { ... on Lead {
      status source respondBy history { type actorRole } } } }`,
          { id },
        )
      ).node;
    expect(await read(waiting)).toMatchObject({ status: 'NEW', source: 'SELLER_TARGETED', respondBy: null });

    const told = await eventually(async () => {
      const lead = await read(waiting);
      return lead.history.some((e: any) => e.type === 'ANSWER_OVERDUE') && lead;
    }, 2 * WINDOW_MS);
    expect(told).toEqual({
      status: 'NEW',
      source: 'SELLER_TARGETED',
      respondBy: null,
      history: [
        { type: 'CREATED', actorRole: 'SELLER' },
        { type: 'ANSWER_OVERDUE', actorRole: null },
      ],
    });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(
      (await emailsOf([waiting, taken])).filter((e) => e.kind !== 'NEW_LEAD' && e.kind !== 'FOLLOWED_UP').map((e) => [e.kind, e.lead]),
    ).toEqual([['LEAD_WAITING', waiting]]);
    const [email] = await delivered(`${partner.partner.name} has not answered your request yet`, 1);
    expect(email.text).toContain(`write to them at ${partner.partner.contactEmail}`);
    expect((await read(taken)).history.map((e: any) => e.type)).toEqual(['CREATED', 'FOLLOWED_UP', 'CONTACT_REVEALED']);
  }, 60_000);
});
