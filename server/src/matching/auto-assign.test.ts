import { beforeAll, describe, expect, it } from 'vitest';
import { LeadStatus, PartnerStatus, ProductCategory, Role, ServiceType } from '@slp/shared';
import type { GraphQLClient } from '../../test/harness.js';
import { inquiryInput, SUBMIT } from '../../test/fixtures.js';
import { matchingSuite } from '../../test/matching-fixtures.js';
import { idOfType } from '../graphql/node.js';

const t = matchingSuite();
let seller: GraphQLClient;

beforeAll(async () => {
  seller = await t.world.seller();
});

const SUBMIT_OPEN = `mutation($input: SubmitInquiryInput!) { submitInquiry(input: $input) {
  inquiry { id language leads { totalCount edges { node { status source partner { id } service { id } history { type actorRole } } } } }
  userErrors { field message code } } }`;

const QUEUE = `query { openInquiryQueue(first: 100) { edges { node { id } } } }`;

const open = (serviceType: ServiceType, overrides: Record<string, unknown> = {}) =>
  inquiryInput({ requestType: 'OPEN', serviceType, language: 'en', ...overrides });

async function queueIds(): Promise<string[]> {
  return (await t.operator.request(QUEUE)).openInquiryQueue.edges.map((e: { node: { id: string } }) => e.node.id);
}

async function leadCount(): Promise<number> {
  const [row] = await t.app.orm.em.fork().getConnection().execute<{ n: number }[]>('select count(*)::int as n from leads');
  return row.n;
}

describe('submitInquiry OPEN: automatic assignment', () => {
  it('gives exactly three leads to the best-ranked partners that serve the category and have room', async () => {
    const type = ServiceType.LIVE_STREAMING;
    const services = [{ serviceType: type }];
    const first = await t.world.partner({ services, languages: ['en'], location: 'Austin, US' });
    const second = await t.world.partner({ services, languages: ['en'] });
    const third = await t.world.partner({ services, location: 'Dallas, US' });
    await t.world.partner({ services });
    await t.world.partner({
      services: [{ serviceType: type, productCategories: [ProductCategory.MENSWEAR] }],
      languages: ['en'],
      location: 'Austin, US',
    });
    const full = await t.world.partner({ services, capacity: 1, languages: ['en'], location: 'Austin, US' });
    await t.history.pastLead(full.partner, { status: LeadStatus.NEW });
    await t.world.partner({ services, status: PartnerStatus.PENDING, languages: ['en'], location: 'Austin, US' });
    await t.world.partner({ services, status: PartnerStatus.SUSPENDED, languages: ['en'], location: 'Austin, US' });

    const { submitInquiry } = await seller.request(SUBMIT_OPEN, { input: open(type) });
    expect(submitInquiry.userErrors).toEqual([]);
    expect(submitInquiry.inquiry.language).toBe('en');
    const leads = submitInquiry.inquiry.leads.edges.map((e: any) => e.node);
    expect(leads).toEqual(
      [first, second, third].map((p) => ({
        status: 'NEW',
        source: 'PLATFORM_ASSIGNED',
        partner: { id: p.partnerId },
        service: { id: p.services[0] },
        history: [{ type: 'CREATED', actorRole: null }],
      })),
    );
    expect(await queueIds()).not.toContain(submitInquiry.inquiry.id);
  });

  it('assigns fewer when fewer fit, and nobody when nobody fits: the inquiry then waits in the queue', async () => {
    const type = ServiceType.ADS_MANAGEMENT;
    const lone = await t.world.partner({ services: [{ serviceType: type }] });
    await t.world.partner({ services: [{ serviceType: type, productCategories: [ProductCategory.PET_SUPPLIES] }] });
    const some = (await seller.request(SUBMIT_OPEN, { input: open(type) })).submitInquiry.inquiry;
    expect(some.leads.edges.map((e: any) => e.node.partner.id)).toEqual([lone.partnerId]);

    const none = (await seller.request(SUBMIT_OPEN, { input: open(type, { productCategory: 'JEWELRY' }) })).submitInquiry.inquiry;
    expect(none.leads.totalCount).toBe(0);
    const queue = await queueIds();
    expect(queue.indexOf(some.id)).toBeGreaterThanOrEqual(0);
    expect(queue.indexOf(none.id)).toBeGreaterThan(queue.indexOf(some.id));
  });

  it('never gives a partner the same inquiry twice: its services of the type make one lead', async () => {
    const type = ServiceType.TRAINING;
    const twoServices = await t.world.partner({ services: [{ serviceType: type }, { serviceType: type, public: false }] });
    const { inquiry } = (await seller.request(SUBMIT_OPEN, { input: open(type) })).submitInquiry;
    expect(inquiry.leads.edges.map((e: any) => e.node.partner.id)).toEqual([twoServices.partnerId]);
  });

  it('stores the inquiry and its leads in one transaction: a failure while assigning leaves neither', async () => {
    const type = ServiceType.LOGISTICS;
    const victim = await t.world.partner({ services: [{ serviceType: type }] });
    await t.world.partner({ services: [{ serviceType: type }] });
    const em = t.app.orm.em.fork();
    await em.getConnection().execute(`create function refuse_lead() returns trigger language plpgsql as $$
      begin if new.partner_id = ${victim.partner.id} then raise exception 'refused in test'; end if; return new; end $$`);
    await em.getConnection().execute('create trigger refuse_lead before insert on leads for each row execute function refuse_lead()');
    try {
      const before = {
        leads: await leadCount(),
        inquiries: (await seller.request('{ myInquiries { totalCount } }')).myInquiries.totalCount,
      };
      const { body } = await seller.raw(SUBMIT, { input: open(type) });
      expect(body.errors?.[0]).toMatchObject({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
      expect(await leadCount()).toBe(before.leads);
      expect((await seller.request('{ myInquiries { totalCount } }')).myInquiries.totalCount).toBe(before.inquiries);
    } finally {
      await em.getConnection().execute('drop trigger refuse_lead on leads; drop function refuse_lead()');
    }
  });

  it('writes exactly the inquiry, a NEW lead per pick with its CREATED event and an email to each member, in three statements', async () => {
    const type = ServiceType.CUSTOMER_SERVICE;
    const agency = await t.world.partner({ services: [{ serviceType: type }] });
    const members = [await t.world.user(Role.PARTNER, agency.partner), await t.world.user(Role.PARTNER, agency.partner)];
    // Session, candidates, then one statement for the inquiry and its leads with their events and
    // emails; the payload's leads are the ones just written, not read back.
    const submit = `mutation($input: SubmitInquiryInput!) { submitInquiry(input: $input) { inquiry { id leads { totalCount } } } }`;
    const { result, statements } = await t.app.countStatements(() => seller.request(submit, { input: open(type) }));
    expect(statements).toBe(3);
    const { inquiry } = result.submitInquiry;
    const rows = async (sql: string) =>
      t.app.orm.em
        .fork()
        .getConnection()
        .execute(sql, [idOfType(inquiry.id, 'Inquiry')]);
    expect(await rows(`select request_type, service_type, status, language from inquiries where id = ?`)).toEqual([
      { request_type: 'OPEN', service_type: type, status: 'ACTIVE', language: 'en' },
    ]);
    const leads = await rows(`select id, partner_id, service_id, status, source from leads where inquiry_id = ?`);
    expect(leads.map(({ id, ...lead }) => lead)).toEqual([
      { partner_id: agency.partner.id, service_id: idOfType(agency.services[0], 'Service'), status: 'NEW', source: 'PLATFORM_ASSIGNED' },
    ]);
    expect(inquiry.leads.totalCount).toBe(1);
    expect(
      await rows(`select e.type, e.actor_role, e.actor_id from lead_events e join leads l on l.id = e.lead_id where l.inquiry_id = ?`),
    ).toEqual([{ type: 'CREATED', actor_role: null, actor_id: null }]);
    expect(
      await rows(`select o.kind, o.recipient_email, o.status, o.lead_id from outbox_emails o join leads l on l.id = o.lead_id
      where l.inquiry_id = ? order by o.id`),
    ).toEqual(members.map((member) => ({ kind: 'NEW_LEAD', recipient_email: member.email, status: 'PENDING', lead_id: leads[0].id })));
  });

  it('refuses a bad language code', async () => {
    const { submitInquiry } = await seller.request(SUBMIT_OPEN, { input: open(ServiceType.TRAINING, { language: 'english' }) });
    expect(submitInquiry.userErrors).toEqual([
      { field: ['language'], message: 'Give the language as a two-letter code, e.g. en', code: 'INVALID' },
    ]);
  });
});
