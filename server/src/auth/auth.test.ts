import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { PASSWORD, World } from '../../test/fixtures.js';

const SIGN_UP_SELLER = `mutation($input: SignUpSellerInput!) { signUpSeller(input: $input) {
  viewer { user { id email name role } partner { id } } userErrors { field message code } } }`;
const SIGN_UP_PARTNER = `mutation($input: SignUpPartnerInput!) { signUpPartner(input: $input) {
  viewer { user { role } partner { id name contactEmail status } } userErrors { field message code } } }`;
const LOG_IN = `mutation($input: LogInInput!) { logIn(input: $input) { viewer { user { email } } userErrors { field code message } } }`;
const VIEWER = `{ viewer { user { email role } partner { name } } }`;
const SET_STATUS = `mutation($input: SetPartnerStatusInput!) { setPartnerStatus(input: $input) {
  partner { id status } userErrors { field code } } }`;

let app: TestApp;
let world: World;
beforeAll(async () => {
  app = await startTestApp();
  world = new World(app);
});
afterAll(() => app?.close());

describe('accounts', () => {
  it('signs a seller up and keeps the session in an HTTP-only, SameSite cookie', async () => {
    const client = app.client();
    const { body, setCookie } = await client.raw(SIGN_UP_SELLER, { input: { email: ' Ana@Shop.TEST ', password: PASSWORD, name: 'Ana' } });
    expect(body.data.signUpSeller).toMatchObject({
      viewer: { user: { email: 'ana@shop.test', name: 'Ana', role: 'SELLER' }, partner: null },
      userErrors: [],
    });
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(await client.request(VIEWER)).toEqual({ viewer: { user: { email: 'ana@shop.test', role: 'SELLER' }, partner: null } });
  });

  it('refuses a second account with the same email, whatever its case', async () => {
    const input = { email: 'twice@shop.test', password: PASSWORD, name: 'One' };
    await app.client().request(SIGN_UP_SELLER, { input });
    const again = await app.client().request(SIGN_UP_SELLER, { input: { ...input, email: 'TWICE@shop.test' } });
    expect(again.signUpSeller).toEqual({
      viewer: null,
      userErrors: [{ field: ['email'], message: 'An account with this email already exists', code: 'CONFLICT' }],
    });
  });

  it.each([
    ['email', { email: 'not-an-email' }, 'Enter a valid email address'],
    ['password', { password: 'short' }, 'Password must be at least 8 characters'],
    ['password', { password: 'x'.repeat(129) }, 'Password must be at most 128 characters'],
    ['name', { name: '   ' }, 'Name is required'],
    ['name', { name: 'n'.repeat(101) }, 'Name must be at most 100 characters'],
  ])('refuses a bad %s at sign-up', async (field, change, message) => {
    const input = { email: 'valid@shop.test', password: PASSWORD, name: 'Valid', ...change };
    const data = await app.client().request(SIGN_UP_SELLER, { input });
    expect(data.signUpSeller.userErrors).toEqual([{ field: [field], message, code: 'INVALID' }]);
  });

  it.each([
    ['password', 'This is a heavily used password. Add more words that are less common.'],
    ['12345678', 'This is a heavily used password. Add more words that are less common.'],
    [
      '        ',
      'Repeated characters like "aaa" are easy to guess. Add more words that are less common. Avoid repeated words and characters.',
    ],
    ['valid@shop.test', 'There should not be any personal or page related data. Add more words that are less common.'],
  ])('refuses the guessable password %j with a clear message', async (password, why) => {
    const data = await app.client().request(SIGN_UP_SELLER, { input: { email: 'valid@shop.test', password, name: 'Valid' } });
    expect(data.signUpSeller).toEqual({
      viewer: null,
      userErrors: [{ field: ['password'], code: 'INVALID', message: `This password is too easy to guess. ${why}` }],
    });
  });

  it('accepts the demo password and a passphrase', async () => {
    for (const [n, password] of ['demo-password', 'correct horse battery'].entries()) {
      const data = await app.client().request(SIGN_UP_SELLER, { input: { email: `strong${n}@shop.test`, password, name: 'Strong' } });
      expect(data.signUpSeller.userErrors).toEqual([]);
    }
  });

  it.each([
    ['only zero-width characters', '\u200b\u200d\ufeff', 'Name is required'],
    ['a bidi override', 'Ana \u202eevil', 'Name must not contain text-direction control characters'],
    ['a control character', 'Ana\u0007', 'Name must not contain control characters'],
  ])('refuses a name with %s', async (_what, name, message) => {
    const data = await app.client().request(SIGN_UP_SELLER, { input: { email: 'valid@shop.test', password: PASSWORD, name } });
    expect(data.signUpSeller.userErrors).toEqual([{ field: ['name'], message, code: 'INVALID' }]);
  });

  it('refuses a new organisation whose name reads like an existing one', async () => {
    const signUp = (n: number, organizationName: string) =>
      app.client().request(SIGN_UP_PARTNER, {
        input: {
          email: `org${n}@brightlane.test`,
          password: PASSWORD,
          name: 'Owner',
          organizationName,
          contactEmail: 'hi@brightlane.test',
        },
      });
    expect((await signUp(1, 'Brightlane Commerce')).signUpPartner.viewer.partner.name).toBe('Brightlane Commerce');
    for (const [n, lookalike] of ['Brightlane\u200bCommerce', 'BRIGHTLANE  commerce', 'Ｂrightlane Commerce'].entries()) {
      expect((await signUp(n + 2, lookalike)).signUpPartner).toEqual({
        viewer: null,
        userErrors: [{ field: ['organizationName'], code: 'CONFLICT', message: 'An organisation with this name already exists' }],
      });
    }
    expect((await signUp(9, 'Bright\u200blane Logistics')).signUpPartner.viewer.partner.name).toBe('Brightlane Logistics');
  });

  it('signs a partner up as a PENDING organisation with its first member', async () => {
    const client = app.client();
    const data = await client.request(SIGN_UP_PARTNER, {
      input: {
        email: 'owner@agency.test',
        password: PASSWORD,
        name: 'Owner',
        organizationName: 'Agency',
        contactEmail: 'hello@agency.test',
      },
    });
    expect(data.signUpPartner.viewer).toMatchObject({
      user: { role: 'PARTNER' },
      partner: { name: 'Agency', contactEmail: 'hello@agency.test', status: 'PENDING' },
    });
  });

  it('logs in with the right password only, without telling which part was wrong', async () => {
    const { email } = await world.user('SELLER' as never);
    const wrong = await app.client().request(LOG_IN, { input: { email, password: 'wrong password' } });
    const unknown = await app.client().request(LOG_IN, { input: { email: 'nobody@shop.test', password: PASSWORD } });
    const expected = { viewer: null, userErrors: [{ field: null, code: 'UNAUTHENTICATED', message: 'Wrong email or password' }] };
    expect(wrong.logIn).toEqual(expected);
    expect(unknown.logIn).toEqual(expected);
    const right = await app.client().request(LOG_IN, { input: { email, password: PASSWORD } });
    expect(right.logIn.viewer.user.email).toBe(email);
  });

  it('logs out: the old cookie no longer works', async () => {
    const client = await world.seller();
    const oldCookie = client.cookie;
    expect((await client.request(VIEWER)).viewer).not.toBeNull();
    expect(await client.request('mutation { logOut }')).toEqual({ logOut: true });
    expect(client.cookie).toBeNull();
    client.cookie = oldCookie;
    expect(await client.request(VIEWER)).toEqual({ viewer: null });
  });

  it("reads a partner member's organisation from the session, and treats an expired session as logged out", async () => {
    const { partner } = await world.partner();
    const { email, client } = await world.user('PARTNER' as never, partner);
    expect(await client.request(VIEWER)).toEqual({ viewer: { user: { email, role: 'PARTNER' }, partner: { name: partner.name } } });
    await app.orm.em
      .fork()
      .getConnection()
      .execute(`update sessions set expires_at = now() - interval '1 second' where user_id = (select id from users where email = ?)`, [
        email,
      ]);
    expect(await client.request(VIEWER)).toEqual({ viewer: null });
  });

  it('keeps CSRF prevention on: a simple cross-site GET with a mutation is refused', async () => {
    const response = await fetch(`${app.url}?query=${encodeURIComponent('mutation { logOut }')}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF/i);
  });
});

describe('setPartnerStatus', () => {
  it('lets an operator onboard and suspend a partner', async () => {
    const { partnerId } = await world.partner({ status: 'PENDING' as never });
    const operator = await world.operator();
    const onboard = await operator.request(SET_STATUS, { input: { partnerId, status: 'ONBOARDED' } });
    expect(onboard.setPartnerStatus).toEqual({ partner: { id: partnerId, status: 'ONBOARDED' }, userErrors: [] });
    const suspend = await operator.request(SET_STATUS, { input: { partnerId, status: 'SUSPENDED' } });
    expect(suspend.setPartnerStatus.partner.status).toBe('SUSPENDED');
  });

  it('refuses everyone but operators, and unknown partners', async () => {
    const fixture = await world.partner({ status: 'PENDING' as never });
    const input = { partnerId: fixture.partnerId, status: 'ONBOARDED' };
    const bySeller = await (await world.seller()).request(SET_STATUS, { input });
    const byPartner = await (await fixture.member()).request(SET_STATUS, { input });
    const byAnonymous = await world.anonymous().request(SET_STATUS, { input });
    expect(bySeller.setPartnerStatus).toEqual({ partner: null, userErrors: [{ field: null, code: 'FORBIDDEN' }] });
    expect(byPartner.setPartnerStatus.userErrors[0].code).toBe('FORBIDDEN');
    expect(byAnonymous.setPartnerStatus.userErrors[0].code).toBe('UNAUTHENTICATED');
    const missing = await (await world.operator()).request(SET_STATUS, { input: { ...input, partnerId: 'UGFydG5lcjo5OTk5OTk' } });
    expect(missing.setPartnerStatus.userErrors).toEqual([{ field: ['partnerId'], code: 'NOT_FOUND' }]);
  });
});
