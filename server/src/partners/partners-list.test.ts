import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PartnerStatus } from '@slp/shared';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { World } from '../../test/fixtures.js';

const PARTNERS = `query($status: PartnerStatus, $first: Int) {
  partners(status: $status, first: $first) { totalCount edges { node { id name status } } } }`;

let app: TestApp;
let world: World;
beforeAll(async () => {
  app = await startTestApp();
  world = new World(app);
});
afterAll(() => app?.close());

describe('partners (operator list)', () => {
  it('lists every partner newest first, or only those in one status', async () => {
    const onboarded = await world.partner();
    const pending = await world.partner({ status: PartnerStatus.PENDING });
    const suspended = await world.partner({ status: PartnerStatus.SUSPENDED });
    const operator = await world.operator();
    const all = await operator.request(PARTNERS, {});
    expect(all.partners.edges.map((e: any) => e.node.id)).toEqual([suspended.partnerId, pending.partnerId, onboarded.partnerId]);
    expect(all.partners.totalCount).toBe(3);
    const onlyPending = await operator.request(PARTNERS, { status: 'PENDING' });
    expect(onlyPending.partners).toEqual({
      totalCount: 1,
      edges: [{ node: { id: pending.partnerId, name: pending.partner.name, status: 'PENDING' } }],
    });
  });

  it('refuses sellers, partners and visitors with a code', async () => {
    const fixture = await world.partner();
    const bySeller = await (await world.seller()).raw(PARTNERS);
    const byPartner = await (await fixture.member()).raw(PARTNERS);
    const byVisitor = await world.anonymous().raw(PARTNERS);
    expect(bySeller.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(byPartner.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(byVisitor.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(bySeller.body.data).toBeNull();
  });
});
