import { afterAll, beforeAll, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ProductCategory, ServiceType } from '@slp/shared';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { candidateStatement, gatherCandidates } from './candidate-features.js';
import { matchingConfig } from './matching.config.js';

/**
 * Submitting an OPEN inquiry reads only the partners it may assign. On 6,000 partners with 18,000
 * services spread over the nine types, a tenth of those of a type listing the category, the statement
 * must join the category's services found by index (their GIN index on large data), not test a
 * subquery against every service (10× the work at SCALE=10).
 */
let app: TestApp;
const em = () => app.orm.em.fork() as EntityManager;
const types = Object.values(ServiceType);
const others = Object.values(ProductCategory).filter((category) => category !== ProductCategory.SHOES);

beforeAll(async () => {
  app = await startTestApp();
  const sql = em().getConnection();
  await sql.execute(`insert into partners (name, contact_email, languages, status, capacity, created_at)
    select 'Partner ' || g, 'p' || g || '@plan.test', '[]', 'ONBOARDED', 20, now() from generate_series(1, 6000) g`);
  // Partner g's services are of three neighbouring types; each lists SHOES only when g is a multiple of 10.
  await sql.execute(
    `insert into services (partner_id, title, service_type, public, product_categories, regions, created_at)
     select p.id, 'Service', (?::text[])[1 + (p.id + k) % 9], true,
       case when p.id % 10 = 0 then array['SHOES'] else array[(?::text[])[1 + (p.id + k) % ?]] end, '[]', now()
     from partners p cross join generate_series(1, 3) k`,
    [`{${types.join(',')}}`, `{${others.join(',')}}`, others.length],
  );
  await sql.execute('analyze');
});
afterAll(async () => {
  await app?.close();
});

it('reads the assignable partners from the services listing the category, never every service of the type', async () => {
  const [statement, params] = candidateStatement(
    { serviceType: ServiceType.TRAINING, assignableFor: ProductCategory.SHOES },
    matchingConfig,
  );
  const plan = (await em().getConnection().execute<{ 'QUERY PLAN': string }[]>(`explain ${statement}`, params))
    .map((row) => row['QUERY PLAN'])
    .join('\n');
  // A join on the type's (or the category's) index; never a filter evaluated against every service.
  expect(plan).not.toMatch(/Seq Scan on services/);
  expect(plan).not.toMatch(/SubPlan/);
  // The category's partners looked up by key, not every onboarded partner hashed.
  expect(plan).not.toMatch(/Seq Scan on partners/);

  const candidates = await gatherCandidates(
    em(),
    { serviceType: ServiceType.TRAINING, assignableFor: ProductCategory.SHOES },
    matchingConfig,
  );
  expect(candidates).toHaveLength(200);
  const order = candidates.map((c) => [c.partnerId, c.serviceId]);
  expect(order).toEqual([...order].sort(([p, s], [q, t]) => p - q || s - t));
  expect(candidates.every((c) => c.partnerId % 10 === 0 && c.productCategories.join() === ProductCategory.SHOES)).toBe(true);
});
