import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LeadAction } from '@slp/shared';
import { startTestApp, type GraphQLClient, type TestApp } from '../../test/harness.js';
import { World, inquiryInput, submitInquiry } from '../../test/fixtures.js';
import { MAILBOX, moveLead, outboxOf, partnerWithMembers, type Member } from '../../test/notifications.js';
import { LeadEvent } from '../leads/lead-event.entity.js';
import { newLeadEvent } from '../leads/lead-state-machine.js';
import { writeLeadEvents } from '../leads/lead-writes.js';
import { Lead } from '../leads/lead.entity.js';
import { idOfType } from '../graphql/node.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { configFromEnv } from '../config.js';
import { notificationSettingsFromEnv } from './notifications.js';

let app: TestApp;
let world: World;
let seller: GraphQLClient;
let sellerEmail: string;
let operator: GraphQLClient;
let agency: Awaited<ReturnType<typeof partnerWithMembers>>;
let studio: Awaited<ReturnType<typeof partnerWithMembers>>;

// The worker is not started: each test delivers when it wants to, so what is sent is exact.
beforeAll(async () => {
  app = await startTestApp({ notifications: { deliver: false } });
  APP = app.url.replace(/\/graphql$/, '');
  world = new World(app);
  ({ email: sellerEmail, client: seller } = await world.user('SELLER' as never));
  operator = await world.operator();
  agency = await partnerWithMembers(world);
  studio = await partnerWithMembers(world, 1);
});
afterAll(() => app?.close());

async function deliverAll(): Promise<void> {
  while ((await app.notifications.worker.deliverDue()) > 0);
}

async function mailTo(address: string) {
  return (await operator.request(MAILBOX, { to: address })).devMailbox as {
    messageId: string;
    from: string;
    to: string;
    subject: string;
    text: string;
    html: string;
  }[];
}

async function submit(overrides: Record<string, unknown> = {}) {
  const { inquiry } = await submitInquiry(
    seller,
    inquiryInput({ targetServiceIds: [agency.services[0], studio.services[0]], ...overrides }),
  );
  const leadOf = (partnerId: string) =>
    inquiry.leads.edges.map((e: any) => e.node).find((l: any) => l.partner.id === partnerId)?.id as string;
  return { inquiry, agencyLead: leadOf(agency.partnerId), studioLead: leadOf(studio.partnerId) };
}

const PROFILE_TEXT = `Product category: Beauty personal care
Company size: 5-30 employees
Location: Austin, US
TikTok Shop monthly GMV: $42,000.50
Other channels monthly GMV: $1,000.00
Monthly budget: $3,000.00
Hot-sale product: Serum
Other details: Launching soon`;

/** No APP_URL: the links point at the app's own address. */
let APP: string;
const leadLink = (leadId: string) => `Open the lead: ${APP}/leads/${leadId}`;

const newest = async (member: Member) => (await mailTo(member.email))[0];

describe('emails to partners', () => {
  it("tells each member of each targeted partner about a new lead, without the seller's contact details", async () => {
    const { agencyLead, studioLead } = await submit();
    const leadOfMember = (member: Member) => (member === studio.members[0] ? studioLead : agencyLead);
    const rows = await outboxOf(app, agencyLead);
    expect(rows.map((row) => [row.kind, row.recipientEmail, row.status])).toEqual(
      agency.members.map((member) => ['NEW_LEAD', member.email, 'PENDING']),
    );
    expect((await outboxOf(app, studioLead)).map((row) => row.recipientEmail)).toEqual([studio.members[0].email]);
    await deliverAll();
    for (const member of [...agency.members, ...studio.members]) {
      const mail = await newest(member);
      expect(mail.subject).toBe(`New lead for ${member === studio.members[0] ? studio.partner.name : agency.partner.name}`);
      expect(mail.from).toBe('Seller Leads Pool <no-reply@seller-leads-pool.local>');
      expect(mail.text).toBe(
        `Hello PARTNER user,\n\nA seller sent your organisation a new inquiry. It is waiting under New Opportunities.\n\n${PROFILE_TEXT}\n\nFollow up on the lead in the app to see the seller's contact details.\n\n${leadLink(leadOfMember(member))}\n\n-- Seller Leads Pool\n`,
      );
      expect(mail.html).toContain(`<a href="${APP}/leads/${leadOfMember(member)}" style="display:inline-block;`);
      expect(mail.text + mail.html).not.toMatch(/Dana Seller|dana@shop\.test/);
    }
    expect((await outboxOf(app, agencyLead)).map((row) => [row.status, row.attempts])).toEqual([
      ['SENT', 1],
      ['SENT', 1],
    ]);
    expect(await mailTo(sellerEmail)).toEqual([]);
  });

  it('escapes what the seller typed in the HTML body and keeps it as typed in the text body', async () => {
    await submit({ otherDetails: '<script>alert("x")</script> & more', targetServiceIds: [studio.services[0]] });
    await deliverAll();
    const mail = await newest(studio.members[0]);
    expect(mail.text).toContain('Other details: <script>alert("x")</script> & more');
    expect(mail.html).toContain('<td>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more</td>');
    expect(mail.html).not.toContain('<script>');
  });

  it("tells the partners when the seller closes the inquiry or one lead, never with the seller's contact", async () => {
    const first = await submit();
    await seller.request(`mutation($input: CloseLeadInput!) { closeLead(input: $input) { userErrors { code } } }`, {
      input: { leadId: first.studioLead },
    });
    await deliverAll();
    const closedOne = await newest(studio.members[0]);
    expect(closedOne.subject).toBe(`A seller closed a lead for ${studio.partner.name}`);
    expect(closedOne.text).toBe(
      `Hello PARTNER user,\n\nThe seller closed this inquiry for your organisation. The lead has moved to Closed and the seller's contact details are no longer available.\n\n${PROFILE_TEXT}\n\n${leadLink(first.studioLead)}\n\n-- Seller Leads Pool\n`,
    );
    expect((await outboxOf(app, first.agencyLead)).map((row) => row.kind)).toEqual(['NEW_LEAD', 'NEW_LEAD']);

    await moveLead(app, first.agencyLead, LeadAction.FOLLOW_UP, agency.members[0].email);
    await seller.request(`mutation($input: CloseInquiryInput!) { closeInquiry(input: $input) { userErrors { code } } }`, {
      input: { inquiryId: first.inquiry.id },
    });
    await deliverAll();
    const kinds = (await outboxOf(app, first.agencyLead)).map((row) => [row.kind, row.recipientEmail]);
    expect(kinds.slice(2)).toEqual([['FOLLOWED_UP', sellerEmail], ...agency.members.map((member) => ['SELLER_CLOSED', member.email])]);
    for (const member of agency.members) {
      const mail = await newest(member);
      expect(mail.subject).toBe(`A seller closed a lead for ${agency.partner.name}`);
      expect(mail.text + mail.html).not.toMatch(/Dana Seller|dana@shop\.test/);
    }
  });

  // Reproduction 1 of issue 14: the lead was followed up before its new-lead email went out.
  it('never puts the contact in an email, even when the lead was followed up before it went out', async () => {
    const { agencyLead, studioLead } = await submit();
    // Both leads move before the new-lead emails go out: the agency follows up, the studio rejects.
    await moveLead(app, agencyLead, LeadAction.FOLLOW_UP, agency.members[1].email);
    await moveLead(app, studioLead, LeadAction.REJECT, studio.members[0].email);
    await deliverAll();
    const followed = (await mailTo(agency.members[0].email)).find((mail) => mail.subject.startsWith('New lead'))!;
    expect(followed.text).toContain(`${PROFILE_TEXT}\n\nFollow up on the lead in the app`);
    expect(followed.text + followed.html).not.toMatch(/Contact name|Contact email|Dana Seller|dana@shop\.test/);
    const rejected = await newest(studio.members[0]);
    expect(rejected.text).toBe(
      `Hello PARTNER user,\n\nA seller sent your organisation an inquiry that is no longer open to you.\n\n${leadLink(studioLead)}\n\n-- Seller Leads Pool\n`,
    );
  });
});

describe('emails to the seller', () => {
  it('tells the seller when a partner follows up, reaches a deal or closes without agreement', async () => {
    const { agencyLead, studioLead } = await submit();
    const member = agency.members[0].email;
    await moveLead(app, agencyLead, LeadAction.FOLLOW_UP, member);
    await moveLead(app, agencyLead, LeadAction.ACCEPT_COOPERATION, member);
    await moveLead(app, studioLead, LeadAction.FOLLOW_UP, studio.members[0].email);
    await moveLead(app, studioLead, LeadAction.MARK_NO_AGREEMENT, studio.members[0].email);
    await deliverAll();
    const mails = (await mailTo(sellerEmail)).slice(0, 4).reverse();
    expect(mails.map((mail) => [mail.to, mail.subject])).toEqual([
      [sellerEmail, `${agency.partner.name} is following up on your inquiry`],
      [sellerEmail, `You reached a deal with ${agency.partner.name}`],
      [sellerEmail, `${studio.partner.name} is following up on your inquiry`],
      [sellerEmail, `${studio.partner.name} could not reach an agreement with you`],
    ]);
    const { inquiry } = await seller
      .request(`query($id: ID!) { inquiry: node(id: $id) { ... on Lead { inquiry { id } } } }`, { id: agencyLead })
      .then((data) => data.inquiry);
    expect(mails[0].text).toBe(
      `Hello SELLER user,\n\n${agency.partner.name} is following up on your inquiry and can now see your contact details. You can also write to them at ${agency.partner.contactEmail}.\n\n${PROFILE_TEXT}\n\nOpen your request: ${APP}/requests/${inquiry.id}\n\n-- Seller Leads Pool\n`,
    );
    expect(mails[1].text).toContain(
      `You and ${agency.partner.name} reached a deal on your inquiry. You can reach them at ${agency.partner.contactEmail}.`,
    );
    expect(mails[3].text).toContain(`${studio.partner.name} marked your inquiry as closed without an agreement.`);
  });

  it('sends nothing for a rejection, an inquiry edit or the contact reveal', async () => {
    const { inquiry, agencyLead } = await submit();
    await moveLead(app, agencyLead, LeadAction.REJECT, agency.members[0].email);
    await seller.request(`mutation($input: UpdateInquiryInput!) { updateInquiry(input: $input) { userErrors { code } } }`, {
      input: { inquiryId: inquiry.id, budget: '9000' },
    });
    expect((await outboxOf(app, agencyLead)).map((row) => row.kind)).toEqual(['NEW_LEAD', 'NEW_LEAD']);
  });
});

describe('the outbox', () => {
  it('keeps no email from a change that rolled back', async () => {
    const { agencyLead } = await submit();
    const em = app.orm.em.fork() as EntityManager;
    await expect(
      em.transactional(async (tx) => {
        const lead = await tx.findOneOrFail(Lead, idOfType(agencyLead, 'Lead')!);
        await writeLeadEvents(tx, [newLeadEvent(lead, 'SELLER_CLOSED', null, null)]);
        expect(await tx.count(LeadEvent, { lead, type: 'SELLER_CLOSED' })).toBe(1);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect((await outboxOf(app, agencyLead)).map((row) => row.kind)).toEqual(['NEW_LEAD', 'NEW_LEAD']);
  });

  it('opens the local mailbox to operators only', async () => {
    const asSeller = await seller.raw(MAILBOX);
    expect(asSeller.body.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    const anonymous = await world.anonymous().raw(MAILBOX);
    expect(anonymous.body.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('APP_URL', () => {
  it('is read once, by the config, and the links in emails and the WebSocket origin both follow it', async () => {
    const config = configFromEnv({ APP_URL: 'https://leads.example.test/', PORT: '4100' });
    expect(config.appUrl).toBe('https://leads.example.test');
    expect(configFromEnv({ PORT: '4100' }).appUrl).toBeUndefined();
    expect(Object.keys(notificationSettingsFromEnv({ APP_URL: 'https://elsewhere.test' }))).not.toContain('appUrl');

    const other = await startTestApp({ notifications: { deliver: false }, appUrl: config.appUrl });
    try {
      const otherWorld = new World(other);
      const partner = await partnerWithMembers(otherWorld, 1);
      const { inquiry } = await submitInquiry(await otherWorld.seller(), inquiryInput({ targetServiceIds: [partner.services[0]] }));
      const leadId = inquiry.leads.edges[0].node.id as string;
      while ((await other.notifications.worker.deliverDue()) > 0);
      const [mail] = (await (await otherWorld.operator()).request(MAILBOX, { to: partner.members[0].email })).devMailbox;
      expect(mail.text).toContain(`Open the lead: https://leads.example.test/leads/${leadId}\n`);
      expect(mail.html).toContain(`<a href="https://leads.example.test/leads/${leadId}"`);
    } finally {
      await other.close();
    }
  });
});
