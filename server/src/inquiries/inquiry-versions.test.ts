import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type GraphQLClient, type TestApp } from '../../test/harness.js';
import { World, inquiryInput, submitInquiry } from '../../test/fixtures.js';

/** Concurrent edits are never silently lost (SPEC section 4): `version` and `updateInquiry(expectedVersion:)`. */

let app: TestApp;
let seller: GraphQLClient;
let partner: Awaited<ReturnType<World['partner']>>;
beforeAll(async () => {
  app = await startTestApp({ notifications: { deliver: false } });
  const world = new World(app);
  seller = await world.seller();
  partner = await world.partner();
});
afterAll(() => app?.close());

const UPDATE = `mutation($input: UpdateInquiryInput!) { updateInquiry(input: $input) {
  inquiry { version otherDetails } userErrors { field message code } } }`;
const READ = `query($id: ID!) { node(id: $id) { ... on Inquiry { version otherDetails } } }`;
const CONFLICT = {
  field: ['expectedVersion'],
  code: 'CONFLICT',
  message: 'This request changed since you opened it: reload it to see the changes, then edit again',
};

it('of 20 concurrent edits made on one version, exactly one lands and 19 are refused with CONFLICT, changing nothing', async () => {
  const { inquiry } = await submitInquiry(seller, inquiryInput({ targetServiceIds: partner.services }));
  const { node: opened } = await seller.request(READ, { id: inquiry.id });
  expect(opened.version).toBe(1);
  const results = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      seller.request(UPDATE, { input: { inquiryId: inquiry.id, expectedVersion: opened.version, otherDetails: `Edit ${i}` } }),
    ),
  );
  const landed = results.filter((r) => r.updateInquiry.userErrors.length === 0).map((r) => r.updateInquiry.inquiry);
  const refused = results.filter((r) => r.updateInquiry.userErrors.length > 0).map((r) => r.updateInquiry);
  expect(landed).toHaveLength(1);
  expect(landed[0].version).toBe(2);
  expect(refused).toEqual(Array.from({ length: 19 }, () => ({ inquiry: null, userErrors: [CONFLICT] })));
  expect((await seller.request(READ, { id: inquiry.id })).node).toEqual({ version: 2, otherDetails: landed[0].otherDetails });
});

it('refuses a stale version, and an edit without one still lands (and moves the version)', async () => {
  const { inquiry } = await submitInquiry(seller, inquiryInput({ targetServiceIds: partner.services }));
  const first = await seller.request(UPDATE, { input: { inquiryId: inquiry.id, expectedVersion: 1, otherDetails: 'First' } });
  expect(first.updateInquiry).toEqual({ inquiry: { version: 2, otherDetails: 'First' }, userErrors: [] });
  const stale = await seller.request(UPDATE, { input: { inquiryId: inquiry.id, expectedVersion: 1, otherDetails: 'Stale' } });
  expect(stale.updateInquiry).toEqual({ inquiry: null, userErrors: [CONFLICT] });
  const free = await seller.request(UPDATE, { input: { inquiryId: inquiry.id, otherDetails: 'Without a version' } });
  expect(free.updateInquiry).toEqual({ inquiry: { version: 3, otherDetails: 'Without a version' }, userErrors: [] });
});
