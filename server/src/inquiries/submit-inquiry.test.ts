import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type GraphQLClient, type TestApp } from '../../test/harness.js';
import { World, inquiryInput, submitInquiry, type PartnerFixture } from '../../test/fixtures.js';
import { toGlobalId } from '../graphql/node.js';

let app: TestApp;
let world: World;
let seller: GraphQLClient;
let agency: PartnerFixture;
let studio: PartnerFixture;

beforeAll(async () => {
  app = await startTestApp();
  world = new World(app);
  seller = await world.seller();
  agency = await world.partner({ services: [{}, { serviceType: 'LIVE_STREAMING' as never }] });
  studio = await world.partner();
});
afterAll(() => app?.close());

const target = (overrides: Record<string, unknown> = {}) => inquiryInput({ targetServiceIds: [agency.services[0]], ...overrides });

describe('submitInquiry: TARGET', () => {
  it('stores every form field exactly and creates one NEW lead per distinct partner', async () => {
    const { inquiry, userErrors } = await submitInquiry(
      seller,
      target({
        targetServiceIds: [agency.services[0], agency.services[1], studio.services[0]],
      }),
    );
    expect(userErrors).toEqual([]);
    expect(inquiry).toMatchObject({
      status: 'ACTIVE',
      requestType: 'TARGET',
      serviceType: null,
      location: 'Austin, US',
      companySize: 'EMPLOYEES_5_30',
      productCategory: 'BEAUTY_PERSONAL_CARE',
      hotSaleProduct: 'Serum',
      otherDetails: 'Launching soon',
      shopGmv: { amount: '42000.50', currency: 'USD' },
      otherChannelsGmv: { amount: '1000.00', currency: 'USD' },
      budget: { amount: '3000.00', currency: 'USD' },
      contact: { name: 'Dana Seller', email: 'dana@shop.test' },
      contactAccess: 'VISIBLE',
      closedAt: null,
    });
    expect(inquiry.targetServices.map((s: { id: string }) => s.id)).toEqual([agency.services[0], agency.services[1], studio.services[0]]);
    const leads = inquiry.leads.edges.map((e: any) => e.node);
    expect(leads.map((l: any) => [l.partner.id, l.status, l.source])).toEqual([
      [agency.partnerId, 'NEW', 'SELLER_TARGETED'],
      [studio.partnerId, 'NEW', 'SELLER_TARGETED'],
    ]);
  });

  it('keeps money exact: no float rounding, currency minor units respected', async () => {
    const { inquiry } = await submitInquiry(
      seller,
      target({ currency: 'JPY', shopGmv: '123456789012345', budget: '0', otherChannelsGmv: null }),
    );
    expect(inquiry.shopGmv).toEqual({ amount: '123456789012345', currency: 'JPY' });
    expect(inquiry.budget).toEqual({ amount: '0', currency: 'JPY' });
    expect(inquiry.otherChannelsGmv).toBeNull();
    const precise = await submitInquiry(seller, target({ shopGmv: '0.10', budget: '999999999999999.99' }));
    expect(precise.inquiry.budget.amount).toBe('999999999999999.99');
  });

  it.each([
    ['contactName', { contactName: '  ' }, 'Contact name is required'],
    ['contactName', { contactName: 'x'.repeat(101) }, 'Contact name must be at most 100 characters'],
    ['contactEmail', { contactEmail: 'dana@' }, 'Enter a valid email address'],
    ['location', { location: 'l'.repeat(101) }, 'Location must be at most 100 characters'],
    [
      'currency',
      { currency: 'XYZ' },
      'Choose a supported currency (USD, EUR, GBP, CAD, AUD, SGD, MYR, THB, PHP, IDR, VND, JPY, KRW, CNY, HKD, TWD, MXN, BRL, SAR, AED)',
    ],
    ['shopGmv', { shopGmv: '-1' }, 'Enter an amount of 0 or more, with digits and an optional decimal point'],
    ['otherChannelsGmv', { otherChannelsGmv: '-0.01' }, 'Enter an amount of 0 or more, with digits and an optional decimal point'],
    ['budget', { budget: '10.001' }, 'USD amounts take at most 2 decimal places'],
    ['budget', { currency: 'JPY', budget: '10.5', shopGmv: '1', otherChannelsGmv: null }, 'JPY amounts take at most 0 decimal places'],
    ['shopGmv', { shopGmv: '1234567890123456' }, 'Amount is too large'],
    ['hotSaleProduct', { hotSaleProduct: 'h'.repeat(201) }, 'Hot sale product must be at most 200 characters'],
    ['otherDetails', { otherDetails: 'o'.repeat(2001) }, 'Other details must be at most 2000 characters'],
    ['targetServiceIds', { targetServiceIds: [] }, 'Choose at least one service'],
    ['targetServiceIds', { targetServiceIds: null }, 'Choose at least one service'],
    ['serviceType', { serviceType: 'LOGISTICS' }, 'A targeted request takes services, not a service type'],
  ])('refuses a bad %s with a field error', async (field, change, message) => {
    const { inquiry, userErrors } = await submitInquiry(seller, target(change));
    expect(inquiry).toBeNull();
    expect(userErrors).toEqual([{ field: [field], message, code: 'INVALID' }]);
  });

  it('refuses more than 50 services and the same service twice', async () => {
    const many = Array.from({ length: 51 }, (_, i) => toGlobalId('Service', i + 1));
    expect((await submitInquiry(seller, target({ targetServiceIds: many }))).userErrors).toEqual([
      { field: ['targetServiceIds'], message: 'Choose at most 50 services', code: 'INVALID' },
    ]);
    expect((await submitInquiry(seller, target({ targetServiceIds: [agency.services[0], agency.services[0]] }))).userErrors).toEqual([
      { field: ['targetServiceIds'], message: 'Each service can be chosen once', code: 'INVALID' },
    ]);
  });

  it('accepts exactly 50 distinct services', async () => {
    const fifty = await world.partner({ services: Array.from({ length: 50 }, () => ({})) });
    const { inquiry, userErrors } = await submitInquiry(seller, target({ targetServiceIds: fifty.services }));
    expect(userErrors).toEqual([]);
    expect(inquiry.targetServices).toHaveLength(50);
    expect(inquiry.leads.totalCount).toBe(1);
  });

  it('refuses private services, services of partners not onboarded, and unknown IDs, naming each', async () => {
    const privateOne = await world.partner({ services: [{ public: false }] });
    const pending = await world.partner({ status: 'PENDING' as never });
    const suspended = await world.partner({ status: 'SUSPENDED' as never });
    const { userErrors } = await submitInquiry(
      seller,
      target({
        targetServiceIds: [
          agency.services[0],
          privateOne.services[0],
          pending.services[0],
          suspended.services[0],
          'bogus',
          agency.partnerId,
        ],
      }),
    );
    const message = 'This service does not exist or is not open to requests';
    expect(userErrors).toEqual([1, 2, 3, 4, 5].map((i) => ({ field: ['targetServiceIds', String(i)], message, code: 'NOT_FOUND' })));
  });

  it('is refused to partners, operators and anonymous visitors', async () => {
    const byPartner = await submitInquiry(await agency.member(), target());
    const byOperator = await submitInquiry(await world.operator(), target());
    const byAnonymous = await submitInquiry(world.anonymous(), target());
    expect(byPartner.userErrors).toEqual([{ field: null, message: 'Only a seller can do this', code: 'FORBIDDEN' }]);
    expect(byOperator.userErrors[0].code).toBe('FORBIDDEN');
    expect(byAnonymous.userErrors).toEqual([{ field: null, message: 'Log in first', code: 'UNAUTHENTICATED' }]);
  });

  it('refuses float money before it reaches the service: Decimal is a string', async () => {
    const literal =
      await seller.raw(`mutation { submitInquiry(input: { contactName: "a", contactEmail: "a@b.co", companySize: EMPLOYEES_0_5,
      currency: "USD", shopGmv: 12.5, budget: "1", productCategory: OTHER, requestType: OPEN, serviceType: LOGISTICS }) { inquiry { id } } }`);
    expect(literal.body.errors?.[0]).toMatchObject({
      message: expect.stringContaining('Decimal literals are strings'),
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    const variable = await seller.raw(`mutation($input: SubmitInquiryInput!) { submitInquiry(input: $input) { inquiry { id } } }`, {
      input: target({ budget: 12.5 }),
    });
    expect(variable.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('submitInquiry: OPEN', () => {
  it('takes a service type and waits for assignment', async () => {
    const { inquiry, userErrors } = await submitInquiry(seller, inquiryInput({ requestType: 'OPEN', serviceType: 'LOGISTICS' }));
    expect(userErrors).toEqual([]);
    expect(inquiry).toMatchObject({ requestType: 'OPEN', serviceType: 'LOGISTICS', targetServices: [] });
  });

  it('requires a service type and no services', async () => {
    expect((await submitInquiry(seller, inquiryInput({ requestType: 'OPEN' }))).userErrors).toEqual([
      { field: ['serviceType'], message: 'Choose the service type you want', code: 'INVALID' },
    ]);
    expect(
      (await submitInquiry(seller, inquiryInput({ requestType: 'OPEN', serviceType: 'LOGISTICS', targetServiceIds: [agency.services[0]] })))
        .userErrors,
    ).toEqual([{ field: ['targetServiceIds'], message: 'Services are chosen only for a targeted request', code: 'INVALID' }]);
  });
});
