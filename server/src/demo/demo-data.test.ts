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
  await operator.request(`mutation($input: LogInInput!) { logIn(input: $input) { userErrors { code } } }`,
    { input: { email: demoLogins.operator, password: DEMO_PASSWORD } });
  const queue = (await operator.request(OPEN_LEADS)).openInquiryQueue.edges.map((e: { node: unknown }) => e.node);
  expect(queue).toEqual([{ serviceType: 'TRAINING', productCategory: 'JEWELRY', leads: { totalCount: 0 } }]);
  const [row] = await app.orm.em.fork().getConnection().execute<{ n: number }[]>(
    `select count(*)::int as n from leads l join inquiries i on i.id = l.inquiry_id
     where i.request_type = 'OPEN' and i.service_type = 'STORE_MANAGEMENT' and l.source = 'PLATFORM_ASSIGNED'`);
  expect(row.n).toBe(3);
});
