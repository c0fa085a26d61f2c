import http from 'node:http';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import { startTestApp, type GraphQLClient, type TestApp } from '../../test/harness.js';
import { World, type PartnerFixture } from '../../test/fixtures.js';
import { exportUrl } from '../../test/export-fixtures.js';

/**
 * 100,000 leads of one partner exported in one response: every row once, the server reading the next
 * chunk only when the client has taken the last (a paused client stops it), and the heap flat: the
 * same process serves and reads, and at no point holds more than a few chunks, whereas the tab
 * itself is tens of megabytes of CSV (and hundreds as objects).
 */
const ROWS = 100_000;
let app: TestApp;
let partner: PartnerFixture;
let member: GraphQLClient;
let firstLeadId: number;

// The real collector, callable from here (as node --expose-gc would give it), to read live heap only.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
const liveHeap = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

beforeAll(async () => {
  app = await startTestApp({ notifications: { deliver: false }, limits: { exportCost: 1 } });
  const world = new World(app);
  partner = await world.partner();
  member = await partner.member();
  const sql = (app.orm.em.fork() as EntityManager).getConnection();
  await sql.execute(
    `insert into users (email, password_hash, name, role, created_at) values ('seller@volume.test', 'x', 'Seller', 'SELLER', now())`,
  );
  await sql.execute(`insert into inquiries (seller_id, request_type, status, contact_name, contact_email, company_size, currency,
      shop_gmv_amount, budget_amount, product_category, hot_sale_product, other_details, created_at, updated_at, version)
    select (select id from users where email = 'seller@volume.test'), 'TARGET', 'ACTIVE', 'Dana ' || g, 'dana' || g || '@volume.test',
      'EMPLOYEES_5_30', 'USD', 10000 + g, 100 + g % 1000, 'BEAUTY_PERSONAL_CARE', 'Product, "number" ' || g,
      'A seller''s notes about their shop, long enough to look like what sellers write in the form ' || g,
      now() - g * interval '1 second', now(), 1 from generate_series(1, ${ROWS}) g`);
  // One tab of all 100,000, FOLLOWING so that the contact columns are filled too (the widest rows).
  await sql.execute(
    `insert into leads (inquiry_id, partner_id, service_id, status, source, created_at, followed_at, version)
    select i.id, ?, (select id from services where partner_id = ?), 'FOLLOWING', 'SELLER_TARGETED', i.created_at, now(), 1
    from inquiries i where i.seller_id = (select id from users where email = 'seller@volume.test')`,
    [partner.partner.id, partner.partner.id],
  );
  await sql.execute('analyze');
  firstLeadId = Number((await sql.execute(`select min(id) as id from leads where partner_id = ?`, [partner.partner.id]))[0].id);
}, 300_000);
afterAll(() => app?.close());

it('streams 100,000 rows, each once, with backpressure and without the heap growing with the tab', async () => {
  const seen = new Uint8Array(ROWS);
  let rows = 0;
  let bytes = 0;
  let rest = '';
  const samples: number[] = [];
  const before = liveHeap();
  let pausedStatements = -1;
  await new Promise<void>((resolve, reject) => {
    const request = http.get(
      exportUrl(app, { status: 'FOLLOWING', orderBy: 'BUDGET', direction: 'ASC' }),
      { headers: { cookie: member.cookie! } },
      (response) => {
        expect(response.statusCode).toBe(200);
        expect(response.headers['transfer-encoding']).toBe('chunked');
        response.setEncoding('utf8');
        let header = true;
        let pausedOnce = false;
        response.on('data', (text: string) => {
          bytes += Buffer.byteLength(text);
          const lines = (rest + text).split('\r\n');
          rest = lines.pop()!;
          for (const line of lines) {
            if (header) {
              header = false;
              continue;
            }
            const id = Number(
              Buffer.from(line.slice(0, line.indexOf(',')), 'base64url')
                .toString()
                .slice('Lead:'.length),
            );
            const index = id - firstLeadId;
            if (!(index >= 0 && index < ROWS) || seen[index]) {
              reject(new Error(`row ${line.slice(0, 40)} out of place or twice`));
              return;
            }
            seen[index] = 1;
            rows += 1;
            // Once at every tenth, the heap with everything alive collected away.
            if (rows % 10_000 === 0) samples.push(liveHeap() - before);
          }
          if (!pausedOnce && rows >= 20_000) {
            pausedOnce = true;
            response.pause();
            // A reader that stops: the server fills the socket's buffers and waits, reading no more chunks.
            void (async () => {
              // Until nothing more is read for two windows in a row (or the server has read on and on).
              let total = 0;
              let quiet = 0;
              while (quiet < 2 && total <= 200) {
                const { statements } = await app.countStatements(() => new Promise((r) => setTimeout(r, 400)));
                total += statements;
                quiet = statements === 0 ? quiet + 1 : 0;
              }
              pausedStatements = total;
              response.resume();
            })().catch(reject);
          }
        });
        response.on('end', () => resolve());
        response.on('error', reject);
      },
    );
    request.on('error', reject);
  });
  const peak = Math.max(...samples);
  console.log(
    `export of ${ROWS} rows: ${(bytes / 1e6).toFixed(1)} MB of CSV, live heap growth per tenth (MB):`,
    samples.map((s) => (s / 1e6).toFixed(1)).join(' '),
    `paused: ${pausedStatements} statements`,
  );
  expect(rest).toBe('');
  expect(rows).toBe(ROWS);
  expect(seen.every((flag) => flag === 1)).toBe(true);
  // Paused at 20,000 of 100,000 rows: a bounded number of chunks of 1,000 (two statements each) went
  // on to fill the sockets' buffers (measured: 15, megabytes on loopback), then the server waited;
  // without backpressure it would have read on to the end (160 statements).
  expect(pausedStatements).toBeGreaterThanOrEqual(0);
  expect(pausedStatements).toBeLessThan(80);
  // The tab is ~40 MB of CSV; the live heap never grew by more than a small part of it.
  expect(samples.length).toBe(10);
  expect(bytes).toBeGreaterThan(30e6);
  expect(peak).toBeLessThan(24e6);
}, 300_000);
