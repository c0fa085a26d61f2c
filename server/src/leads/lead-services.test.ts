import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { World, inquiryInput, submitInquiry } from '../../test/fixtures.js';

let app: TestApp;
let world: World;
beforeAll(async () => {
  app = await startTestApp({ notifications: { deliver: false } });
  world = new World(app);
});
afterAll(() => app?.close());

const LEADS = `query { leads(status: NEW, first: 10) { edges { node { service { title } services { title } } } } }`;

describe('Lead.services', () => {
  it("names every service the seller chose from that partner on its one lead, and only that partner's", async () => {
    const both = await world.partner({ services: [{ title: 'Store care' }, { title: 'Ads desk' }, { title: 'Not chosen' }] });
    const other = await world.partner({ services: [{ title: 'Elsewhere' }] });
    const seller = await world.seller();
    const { inquiry } = await submitInquiry(
      seller,
      inquiryInput({ targetServiceIds: [both.services[1], other.services[0], both.services[0]] }),
    );
    expect(inquiry.id).toBeTruthy();

    const leads = (await (await both.member()).request(LEADS)).leads.edges.map((e: any) => e.node);
    expect(leads).toHaveLength(1);
    // The lead's `service` is the partner's first one in the seller's list, and comes first.
    expect(leads[0]).toEqual({ service: { title: 'Ads desk' }, services: [{ title: 'Ads desk' }, { title: 'Store care' }] });

    const otherLeads = (await (await other.member()).request(LEADS)).leads.edges.map((e: any) => e.node);
    expect(otherLeads).toEqual([{ service: { title: 'Elsewhere' }, services: [{ title: 'Elsewhere' }] }]);
  });

  it('lists the one matched service on a platform-assigned lead', async () => {
    const fitting = await world.partner({ services: [{ title: 'Parcel pros', serviceType: 'LOGISTICS' as never }] });
    const seller = await world.seller();
    await submitInquiry(seller, inquiryInput({ requestType: 'OPEN', serviceType: 'LOGISTICS' }));
    const leads = (await (await fitting.member()).request(LEADS)).leads.edges.map((e: any) => e.node);
    expect(leads).toEqual([{ service: { title: 'Parcel pros' }, services: [{ title: 'Parcel pros' }] }]);
  });
});
