import { afterAll, beforeAll, expect, it } from 'vitest';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { LeadStatus, Role } from '@slp/shared';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { ormConfig } from '../db/orm.js';
import { paginateByKey } from '../db/keyset-pages.js';
import { LeadOrderField, OrderDirection } from '@slp/shared';
import { leadPageOrder, type LeadOrderData } from './lead-order.js';
import type { Viewer } from '../auth/viewer.js';
import { Lead } from './lead.entity.js';
import { LeadsService, type LeadFilterData } from './leads.service.js';

// eslint-disable-next-line no-control-regex -- the logger's colour codes, stripped from each statement
const LOGGER_COLOURS = /\x1b\[[0-9;]*m/g;

/**
 * The tab queries on a pool of 42,000 leads, 6,000 of them one partner's (30,000 of another's, on inquiries a search finds): EXPLAIN the exact SQL the app sends and check
 * an index serves the filter and the newest-first order (no sequential scan, no sort of the tab).
 */
let app: TestApp;
let orm: MikroORM;
const statements: string[] = [];

beforeAll(async () => {
  app = await startTestApp();
  const sql = (app.orm.em.fork() as EntityManager).getConnection();
  await sql.execute(`insert into partners (name, contact_email, languages, status, capacity, created_at)
    select 'Partner ' || g, 'p' || g || '@pool.test', '[]', 'ONBOARDED', 20, now() from generate_series(1, 60) g`);
  await sql.execute(
    `insert into users (email, password_hash, name, role, created_at) values ('seller@pool.test', 'x', 'Seller', 'SELLER', now())`,
  );
  await sql.execute(`insert into inquiries (seller_id, request_type, status, contact_name, contact_email, company_size, currency,
      shop_gmv_amount, budget_amount, product_category, created_at, updated_at, version)
    select (select id from users where email = 'seller@pool.test'), 'TARGET', 'ACTIVE', 'Dana', 'dana@pool.test',
      (array['EMPLOYEES_0_5','EMPLOYEES_5_30','EMPLOYEES_30_100','EMPLOYEES_100_500','EMPLOYEES_500_PLUS'])[1 + g % 5], 'USD',
      1000, 100, (array['BEAUTY_PERSONAL_CARE','WOMENSWEAR','SHOES','HEALTH'])[1 + g % 4],
      now() - g * interval '1 minute', now(), 1 from generate_series(1, 6000) g`);
  await sql.execute(`insert into leads (inquiry_id, partner_id, status, source, created_at, version)
    select i.id, p.id, (array['NEW','FOLLOWING','DEAL','CLOSED','REJECTED'])[1 + (i.id + p.id) % 5], 'SELLER_TARGETED', i.created_at, 1
    from inquiries i join partners p on p.id in (7, 8 + i.id % 50)`);
  // Many more inquiries hold a searched word than partner 7's tab does: a search must not read them all.
  await sql.execute(`insert into inquiries (seller_id, request_type, status, contact_name, contact_email, company_size, currency,
      shop_gmv_amount, budget_amount, product_category, created_at, updated_at, version)
    select (select id from users where email = 'seller@pool.test'), 'TARGET', 'ACTIVE', 'Dana', 'dana@pool.test',
      'EMPLOYEES_0_5', 'USD', 1000, 100, 'SHOES', now() - g * interval '1 minute', now(), 1 from generate_series(1, 30000) g`);
  await sql.execute(`insert into leads (inquiry_id, partner_id, status, source, created_at, version)
    select i.id, 60, 'NEW', 'SELLER_TARGETED', i.created_at, 1 from inquiries i where i.id > 6000`);
  await sql.execute('analyze');
  // The app's own configuration, logging each statement with its values in place.
  orm = await MikroORM.init({
    ...ormConfig(app.databaseUrl, { onQuery: (statement) => statements.push(statement) }),
    debug: ['query', 'query-params'],
  });
});
afterAll(async () => {
  await orm?.close();
  await app?.close();
});

const partnerViewer = { user: { role: Role.PARTNER }, partner: { id: 7 } } as unknown as Viewer;
const operatorViewer = { user: { role: Role.OPERATOR }, partner: null } as unknown as Viewer;

/** The SQL of one tab page as the app sends it (rows, then count), each with its plan. */
async function plansOf(
  viewer: Viewer,
  status: LeadStatus,
  filter: LeadFilterData = {},
  after?: string,
  order?: LeadOrderData,
  search?: string,
) {
  const em = orm.em.fork() as EntityManager;
  statements.length = 0;
  const where = new LeadsService(em).leadsWhere(viewer, status, filter, search);
  const page = await paginateByKey(em, Lead, where, { first: 20, after }, leadPageOrder(viewer, order));
  const sent = statements.map((line) =>
    line
      .replace(LOGGER_COLOURS, '')
      .replace(/^\[query\] /, '')
      .replace(/ \[took .*$/s, ''),
  );
  const plans = [];
  for (const sql of sent) {
    const [{ 'QUERY PLAN': plan }] = await em.getConnection().execute(`explain (format json) ${sql}`);
    plans.push(JSON.stringify(plan));
  }
  return { page, plans };
}

const sequentialScanOfLeads = (plan: string) =>
  /"Node Type":"Seq Scan","Parallel Aware":(true|false),"Async Capable":(true|false),"Relation Name":"leads"/.test(plan);

it('pages a partner tab, its next page and its total from the (partner, status, created_at, id) index', async () => {
  const first = await plansOf(partnerViewer, LeadStatus.NEW);
  expect(first.page.edges).toHaveLength(20);
  const next = await plansOf(partnerViewer, LeadStatus.NEW, {}, first.page.pageInfo.endCursor!);
  for (const plan of [...first.plans, ...next.plans]) {
    expect(plan).toContain('"Index Name":"leads_partner_id_status_created_at_id_index"');
    expect(sequentialScanOfLeads(plan)).toBe(false);
  }
  expect(first.plans[0]).not.toContain('"Node Type":"Sort"');
  expect(next.plans[0]).not.toContain('"Node Type":"Sort"');
});

it("finds the partner's tab by the same index when it is filtered by the seller's profile", async () => {
  const { page, plans } = await plansOf(partnerViewer, LeadStatus.FOLLOWING, {
    productCategory: 'SHOES' as never,
    source: 'SELLER_TARGETED' as never,
  });
  expect(page.edges.length).toBeGreaterThan(0);
  // The planner may sort the few matching rows instead of walking the order; the tab itself comes from the index.
  for (const plan of plans) {
    expect(plan).toContain('"Index Name":"leads_partner_id_status_created_at_id_index"');
    expect(sequentialScanOfLeads(plan)).toBe(false);
  }
});

it("serves an operator's tab of every partner from the (status, created_at, id) index", async () => {
  const { plans } = await plansOf(operatorViewer, LeadStatus.DEAL);
  expect(plans[0]).toContain('"Index Name":"leads_status_created_at_id_index"');
  expect(plans[0]).not.toContain('"Node Type":"Sort"');
  expect(sequentialScanOfLeads(plans[0])).toBe(false);
});

it("finds a partner's members (whom a new lead emails) and an authorization's leads (on revoke) by index", async () => {
  const sql = (app.orm.em.fork() as EntityManager).getConnection();
  await sql.execute(`insert into users (email, password_hash, name, role, partner_id, created_at)
    select 'member' || g || '@pool.test', 'x', 'Member', 'PARTNER', 1 + g % 60, now() from generate_series(1, 6000) g`);
  await sql.execute('analyze users');
  const planOf = async (query: string) => JSON.stringify((await sql.execute(`explain (format json) ${query}`))[0]['QUERY PLAN']);
  const members = await planOf(`select id, email, partner_id from users where partner_id = any('{7}'::int[]) order by id`);
  expect(members).toContain('"Index Name":"users_partner_id_index"');
  const revoked = await planOf('select * from leads where authorization_id = 1');
  expect(revoked).toContain('"Index Name":"leads_authorization_id_index"');
  expect(sequentialScanOfLeads(revoked)).toBe(false);
});

const orderIndexes: [LeadOrderField, string][] = [
  [LeadOrderField.BUDGET, 'leads_partner_status_budget_index'],
  [LeadOrderField.SHOP_GMV, 'leads_partner_status_shop_gmv_index'],
  [LeadOrderField.COMPANY_SIZE, 'leads_partner_status_company_size_index'],
];

it.each(
  orderIndexes.flatMap(([field, index]) =>
    [OrderDirection.ASC, OrderDirection.DESC].map((direction) => [field, direction, index] as const),
  ),
)(
  'pages a partner tab ordered by %s %s from its own (partner, status, key, id) index, with no sort, on any page',
  async (field, direction, index) => {
    const order = { field, direction };
    const first = await plansOf(partnerViewer, LeadStatus.NEW, {}, undefined, order);
    expect(first.page.edges).toHaveLength(20);
    let deep = first;
    for (let i = 0; i < 5; i += 1) deep = await plansOf(partnerViewer, LeadStatus.NEW, {}, deep.page.pageInfo.endCursor!, order);
    expect(deep.page.edges).toHaveLength(20);
    for (const plan of [first.plans[0], deep.plans[0]]) {
      expect(plan).toContain(`"Index Name":"${index}"`);
      expect(plan).not.toContain('"Node Type":"Sort"');
      expect(sequentialScanOfLeads(plan)).toBe(false);
    }
  },
);

it('searches a partner tab along its own (partner, status, created_at, id) index, never every inquiry matching the words', async () => {
  const { page, plans } = await plansOf(partnerViewer, LeadStatus.NEW, {}, undefined, undefined, 'shoe');
  expect(page.edges.length).toBeGreaterThan(0);
  for (const plan of plans) {
    expect(plan).toContain('"Index Name":"leads_partner_id_status_created_at_id_index"');
    expect(sequentialScanOfLeads(plan)).toBe(false);
    // Each of the partner's leads looks its inquiry and service up by id: the cost follows the
    // partner's tab, not how many inquiries in the pool hold the words (a hashed EXISTS read them all).
    expect(plan).not.toContain('"Index Name":"inquiries_search_document_index"');
    expect(plan).not.toContain('hashed SubPlan');
    expect(plan).not.toContain('"Node Type":"Hash Join"');
  }
  expect(plans[0]).not.toContain('"Node Type":"Sort"');
});

it("serves a partner's changes since a time (incremental sync) from the (partner, status, updated_at, id) index", async () => {
  const { plans } = await plansOf(partnerViewer, LeadStatus.DEAL, { updatedAfter: new Date(Date.now() + 60_000) });
  expect(plans[0]).toContain('"Index Name":"leads_partner_status_updated_at_index"');
  expect(sequentialScanOfLeads(plans[0])).toBe(false);
});
