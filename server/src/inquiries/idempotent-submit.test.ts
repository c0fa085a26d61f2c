import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type GraphQLClient, type TestApp } from '../../test/harness.js';
import { SUBMIT, World, inquiryInput, submitInquiry, type PartnerFixture } from '../../test/fixtures.js';

let app: TestApp;
let world: World;
let agency: PartnerFixture;

beforeAll(async () => {
  app = await startTestApp({ notifications: { deliver: false } });
  world = new World(app);
  agency = await world.partner({ services: [{}, {}] });
});
afterAll(() => app?.close());

const target = (overrides: Record<string, unknown> = {}) => inquiryInput({ targetServiceIds: [agency.services[0]], ...overrides });

/** What the seller has in the database: inquiries and their leads. */
async function stored(client: GraphQLClient) {
  const { viewer } = await client.request('{ viewer { user { id } } }');
  const sellerId = Number(Buffer.from(viewer.user.id, 'base64').toString().split(':')[1]);
  const [row] = await app.orm.em
    .fork()
    .getConnection()
    .execute(
      `select (select count(*) from inquiries where seller_id = ?)::int as inquiries,
      (select count(*) from leads l join inquiries i on i.id = l.inquiry_id where i.seller_id = ?)::int as leads`,
      [sellerId, sellerId],
    );
  return row as { inquiries: number; leads: number };
}

describe('submitInquiry with an idempotencyKey', () => {
  it('returns the first result for the same key and creates nothing new', async () => {
    const seller = await world.seller();
    const first = await submitInquiry(seller, target({ idempotencyKey: 'order-1' }));
    const again = await submitInquiry(seller, target({ idempotencyKey: 'order-1' }));
    expect(first.userErrors).toEqual([]);
    expect(again).toEqual(first);
    expect(await stored(seller)).toEqual({ inquiries: 1, leads: 1 });
    const other = await submitInquiry(seller, target({ idempotencyKey: 'order-2' }));
    expect(other.inquiry.id).not.toBe(first.inquiry.id);
    const unkeyed = await submitInquiry(seller, target());
    expect(unkeyed.inquiry.id).not.toBe(other.inquiry.id);
    expect(await stored(seller)).toEqual({ inquiries: 3, leads: 3 });
  });

  it('refuses the same key with a different request, and keeps keys apart per seller', async () => {
    const seller = await world.seller();
    const first = await submitInquiry(seller, target({ idempotencyKey: 'shared-key' }));
    const changed = await submitInquiry(seller, target({ idempotencyKey: 'shared-key', budget: '9999' }));
    expect(changed).toEqual({
      inquiry: null,
      userErrors: [
        {
          field: ['idempotencyKey'],
          code: 'CONFLICT',
          message: 'This idempotency key was already used for a different request; use a new key for each new request',
        },
      ],
    });
    const otherSeller = await world.seller();
    const theirs = await submitInquiry(otherSeller, target({ idempotencyKey: 'shared-key' }));
    expect(theirs.userErrors).toEqual([]);
    expect(theirs.inquiry.id).not.toBe(first.inquiry.id);
    expect(await stored(seller)).toEqual({ inquiries: 1, leads: 1 });
  });

  it('makes 10 racing retries of one key one inquiry', async () => {
    const seller = await world.seller();
    const results = await Promise.all(Array.from({ length: 10 }, () => submitInquiry(seller, target({ idempotencyKey: 'burst' }))));
    expect(results.map((r) => r.userErrors)).toEqual(Array(10).fill([]));
    expect(new Set(results.map((r) => r.inquiry.id)).size).toBe(1);
    expect(await stored(seller)).toEqual({ inquiries: 1, leads: 1 });
  });

  it('lets a client whose submit timed out retry safely', async () => {
    const seller = await world.seller();
    const input = target({ idempotencyKey: 'timed-out' });
    const send = (signal?: AbortSignal) =>
      fetch(app.url, {
        method: 'POST',
        signal,
        headers: { 'content-type': 'application/json', cookie: seller.cookie! },
        body: JSON.stringify({ query: SUBMIT, variables: { input } }),
      });
    // The client gives up before the answer; the server may well have committed.
    await expect(send(AbortSignal.timeout(5))).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 500));
    const retried = await submitInquiry(seller, input);
    expect(retried.userErrors).toEqual([]);
    expect(await stored(seller)).toEqual({ inquiries: 1, leads: 1 });
  });

  it.each([
    ['empty', '  ', 'Idempotency key must not be empty'],
    ['too long', 'k'.repeat(101), 'Idempotency key must be at most 100 characters'],
  ])('refuses a key that is %s', async (_what, idempotencyKey, message) => {
    const seller = await world.seller();
    expect((await submitInquiry(seller, target({ idempotencyKey }))).userErrors).toEqual([
      { field: ['idempotencyKey'], code: 'INVALID', message },
    ]);
  });
});
