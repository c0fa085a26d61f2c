import { beforeAll, describe, expect, it } from 'vitest';
import { LeadStatus, PartnerStatus, ProductCategory, ServiceType } from '@slp/shared';
import type { GraphQLClient } from '../../test/harness.js';
import { inquiryInput, SUBMIT } from '../../test/fixtures.js';
import { matchingSuite } from '../../test/matching-fixtures.js';

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
    await t.world.partner({ services: [{ serviceType: type, productCategories: [ProductCategory.MENSWEAR] }], languages: ['en'], location: 'Austin, US' });
    const full = await t.world.partner({ services, capacity: 1, languages: ['en'], location: 'Austin, US' });
    await t.history.pastLead(full.partner, { status: LeadStatus.NEW });
    await t.world.partner({ services, status: PartnerStatus.PENDING, languages: ['en'], location: 'Austin, US' });
    await t.world.partner({ services, status: PartnerStatus.SUSPENDED, languages: ['en'], location: 'Austin, US' });

    const { submitInquiry } = await seller.request(SUBMIT_OPEN, { input: open(type) });
    expect(submitInquiry.userErrors).toEqual([]);
    expect(submitInquiry.inquiry.language).toBe('en');
    const leads = submitInquiry.inquiry.leads.edges.map((e: any) => e.node);
    expect(leads).toEqual([first, second, third].map((p) => ({
      status: 'NEW', source: 'PLATFORM_ASSIGNED', partner: { id: p.partnerId }, service: { id: p.services[0] },
      history: [{ type: 'CREATED', actorRole: null }],
    })));
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
      const before = { leads: await leadCount(), inquiries: (await seller.request('{ myInquiries { totalCount } }')).myInquiries.totalCount };
      const { body } = await seller.raw(SUBMIT, { input: open(type) });
      expect(body.errors?.[0]).toMatchObject({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
      expect(await leadCount()).toBe(before.leads);
      expect((await seller.request('{ myInquiries { totalCount } }')).myInquiries.totalCount).toBe(before.inquiries);
    } finally {
      await em.getConnection().execute('drop trigger refuse_lead on leads; drop function refuse_lead()');
    }
  });

  it('refuses a bad language code', async () => {
    const { submitInquiry } = await seller.request(SUBMIT_OPEN, { input: open(ServiceType.TRAINING, { language: 'english' }) });
    expect(submitInquiry.userErrors)
      .toEqual([{ field: ['language'], message: 'Give the language as a two-letter code, e.g. en', code: 'INVALID' }]);
  });
});
