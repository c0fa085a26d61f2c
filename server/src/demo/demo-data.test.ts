import { afterAll, beforeAll, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { DEMO_PASSWORD, demoLogins, loadDemoData } from './demo-data.js';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
  await loadDemoData(app.orm.em.fork() as EntityManager);
});
afterAll(() => app?.close());

const OPEN_LEADS = `{ openInquiryQueue { edges { node { serviceType productCategory leads { totalCount } } } } }`;

it('shows the operator an OPEN request the platform assigned and one waiting in the queue', async () => {
  const operator = app.client();
  await operator.request(`mutation($input: LogInInput!) { logIn(input: $input) { userErrors { code } } }`, {
    input: { email: demoLogins.operator, password: DEMO_PASSWORD },
  });
  const queue = (await operator.request(OPEN_LEADS)).openInquiryQueue.edges.map((e: { node: unknown }) => e.node);
  expect(queue).toEqual([{ serviceType: 'TRAINING', productCategory: 'JEWELRY', leads: { totalCount: 0 } }]);
  const [row] = await app.orm.em
    .fork()
    .getConnection()
    .execute<{ n: number }[]>(
      `select count(*)::int as n from leads l join inquiries i on i.id = l.inquiry_id
     where i.request_type = 'OPEN' and i.service_type = 'STORE_MANAGEMENT' and l.source = 'PLATFORM_ASSIGNED'`,
    );
  expect(row.n).toBe(3);
});

it("gives the demo partner a lead in every tab, each with its history, and the demo seller's authorization", async () => {
  const logIn = async (email: string) => {
    const client = app.client();
    await client.request(`mutation($input: LogInInput!) { logIn(input: $input) { userErrors { code } } }`, {
      input: { email, password: DEMO_PASSWORD },
    });
    return client;
  };
  const partner = await logIn(demoLogins.partner);
  const { leadCounts } = await partner.request('{ leadCounts { new following deal closed } }');
  expect(Object.values(leadCounts).every((count) => (count as number) > 0)).toBe(true);
  const tab = async (status: string) =>
    (
      await partner.request(
        `query($status: LeadStatus!) { leads(status: $status) {
    edges { node { closeReason rejectReason authorization { id } history { type } } } } }`,
        { status },
      )
    ).leads.edges.map((e: { node: any }) => e.node);
  expect((await tab('DEAL'))[0]).toMatchObject({
    authorization: { id: expect.any(String) },
    history: [{ type: 'CREATED' }, { type: 'FOLLOWED_UP' }, { type: 'CONTACT_REVEALED' }, { type: 'AUTHORIZATION_MATCHED' }],
  });
  expect((await tab('CLOSED')).map((lead: any) => lead.closeReason).sort()).toEqual(['NO_AGREEMENT', 'SELLER_CLOSED']);
  expect((await tab('REJECTED')).map((lead: any) => lead.rejectReason)).toEqual(['BUDGET_TOO_LOW']);
  const seller = await logIn(demoLogins.seller);
  expect((await seller.request('{ myAuthorizations { partner { name } revokedAt } }')).myAuthorizations).toEqual([
    { partner: { name: 'Brightlane Commerce' }, revokedAt: null },
  ]);
});
