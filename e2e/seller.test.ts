import { describe, expect, it } from 'vitest';
import { Role } from '@slp/shared';
import { checkPage, hasChromium, loggedIn, newUser, screenshot, useBrowserApp } from './browser';

describe.skipIf(!hasChromium)('seller in the browser', () => {
  const state = useBrowserApp();

  it('finds a partner, signs up from "Contact partner", sends a TARGET request, edits it, authorizes, closes one partner and then the request', async () => {
    const partner = await state.world.partner({ services: [{ title: 'Storefront care deluxe' }] });
    const { context, page } = await newUser(state.browser, state.baseURL);

    // The directory's filters live in the address: a reload keeps them; an empty result offers to clear them.
    await page.goto('/');
    await page.getByLabel('Search').fill('Storefront care deluxe');
    await expect.poll(() => page.getByRole('heading', { name: 'Storefront care deluxe' }).count()).toBe(1);
    await page.getByLabel('Product category').selectOption('TOYS_HOBBIES');
    await page.getByText('No services match these filters.').waitFor();
    await expect.poll(() => new URL(page.url()).search).toBe('?q=Storefront+care+deluxe&category=TOYS_HOBBIES');
    await page.reload();
    await page.getByText('No services match these filters.').waitFor();
    expect(await page.getByLabel('Search').inputValue()).toBe('Storefront care deluxe');
    expect(await page.getByLabel('Product category').inputValue()).toBe('TOYS_HOBBIES');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    expect(await page.getByLabel('Search').inputValue()).toBe('');
    await expect.poll(() => new URL(page.url()).search).toBe('');
    await page.getByLabel('Search').fill('Storefront care deluxe');
    await expect.poll(() => page.getByRole('heading', { name: 'Storefront care deluxe' }).count()).toBe(1);
    // Money reads as currency (Intl.NumberFormat).
    await page.getByText('$1,000.00 – $5,000.00 / month').first().waitFor();
    await screenshot(page, 'directory');
    await page.getByRole('link', { name: partner.partner.name }).first().click();
    await page.getByRole('link', { name: partner.partner.contactEmail }).waitFor();
    await screenshot(page, 'partner-page');

    // A visitor who contacts a partner is told why they must log in, signs up, and lands on the form
    // with that service chosen.
    await page.getByRole('link', { name: 'Contact partner' }).click();
    await page.getByText('To contact a partner, log in or sign up as a seller. The service you chose stays selected.').waitFor();
    await page.getByRole('link', { name: 'Sign up as a seller' }).click();
    await page.getByText('To contact a partner, log in or sign up as a seller.').first().waitFor();
    await page.getByLabel('Your name').fill('Dana Seller');
    await page.getByLabel('Email').fill(`dana-${Date.now()}@example.test`);
    await page.getByLabel('Password').fill('long enough password');
    await page.getByRole('button', { name: 'Sign up' }).click();
    const chosen = page.getByRole('list', { name: 'Chosen services' });
    await expect.poll(() => chosen.textContent()).toContain('Storefront care deluxe');
    expect(await page.getByLabel('Contact name').inputValue()).toBe('Dana Seller');

    // The shared rules run in the browser: a missing or bad amount is reported next to its field.
    await page.getByLabel('Company size').selectOption('EMPLOYEES_5_30');
    await page.getByLabel('Product category').selectOption('BEAUTY_PERSONAL_CARE');
    await page.getByLabel('TikTok Shop sales GMV').fill('42000.50');
    await page.getByRole('button', { name: 'Send request' }).click();
    const budget = page.getByLabel('Budget');
    await expect.poll(() => budget.getAttribute('aria-invalid')).toBe('true');
    expect(
      await page
        .getByRole('alert')
        .filter({ hasText: /^Enter an amount$/ })
        .count(),
    ).toBe(1);
    await budget.fill('12.345');
    await page.getByRole('button', { name: 'Send request' }).click();
    await page.getByRole('alert').filter({ hasText: 'USD amounts take at most 2 decimal places' }).waitFor();
    await screenshot(page, 'request-form');

    await budget.fill('3000');
    await page.getByLabel('Hot sale product').fill('Vitamin serum');
    await page.getByRole('button', { name: 'Send request' }).click();
    await page.getByRole('heading', { name: /Request of/ }).waitFor();
    await page.getByText('Your request was sent.').waitFor();
    const partnerRow = page.getByRole('row', { name: new RegExp(partner.partner.name) });
    await expect.poll(() => partnerRow.textContent()).toContain('New');
    expect(await page.getByText('Storefront care deluxe').count()).toBeGreaterThan(0);

    // Edit a field; locked fields are shown, not editable.
    expect(await page.getByText('Cannot be changed after sending').count()).toBe(3);
    await page.getByLabel('Budget').fill('4500');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Your changes were saved.').waitFor();
    await screenshot(page, 'request-page');

    // Unsaved edits are not lost without a warning: staying keeps them, leaving drops them.
    await page.getByLabel('Budget').fill('9999');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My requests' }).click();
    const leave = page.getByRole('dialog', { name: 'Leave without saving?' });
    await leave.getByText('Your changes to this request are not saved and will be lost.').waitFor();
    await checkPage(page, 'request-unsaved-dialog');
    await leave.getByRole('button', { name: 'Stay and keep editing' }).click();
    expect(await page.getByLabel('Budget').inputValue()).toBe('9999');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My requests' }).click();
    await leave.getByRole('button', { name: 'Leave without saving' }).click();
    await page.getByRole('heading', { name: 'My requests' }).waitFor();
    const row = page.getByRole('row', { name: /\$4,500\.00/ });
    await expect.poll(() => row.textContent()).toContain(partner.partner.name);
    await screenshot(page, 'my-requests');

    // Granting access asks first, as it does on the request page, and says which ID was granted.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Authorizations' }).click();
    await page.getByRole('combobox', { name: 'Partner' }).selectOption({ label: partner.partner.name });
    await page.getByRole('button', { name: 'Grant access' }).click();
    const grant = page.getByRole('dialog', { name: `Grant ${partner.partner.name} access to your shop?` });
    await grant.getByRole('button', { name: 'Grant shop access' }).click();
    await page.getByText(new RegExp(`Authorization AUTH-[A-Z0-9-]+ granted to ${partner.partner.name}\\.`)).waitFor();
    await page
      .getByRole('row', { name: new RegExp(partner.partner.name) })
      .locator('code')
      .waitFor();

    // Close for this one partner, then the whole request; the cache updates without a reload.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My requests' }).click();
    await row.getByRole('link').first().click();
    await page.getByRole('button', { name: `Close for ${partner.partner.name}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Close for this partner' }).click();
    await page.getByText(`Closed for ${partner.partner.name}.`).waitFor();
    await expect.poll(() => partnerRow.textContent()).toContain('Closed');
    await page.getByRole('button', { name: 'Close request' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Close request' }).click();
    await page.getByText('A closed request can no longer be edited.').waitFor();
    await page.getByText('Your request is closed.').waitFor();
    await screenshot(page, 'request-closed');
    await context.close();
  });

  it('sends an OPEN request with a service type: the platform assigns a fitting partner', async () => {
    const fitting = await state.world.partner({ services: [{ title: 'Creator circle', serviceType: 'CREATOR_MARKETING' as never }] });
    const seller = await state.world.user(Role.SELLER);
    const { context, page } = await loggedIn(state, seller, true);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Request a partner' }).click();
    await page.getByLabel('I want the platform to refer partners to me').check();
    await page.getByLabel('Company size').selectOption('EMPLOYEES_0_5');
    await page.getByLabel('Product category').selectOption('BEAUTY_PERSONAL_CARE');
    await page.getByLabel('TikTok Shop sales GMV').fill('1200');
    await page.getByLabel('Budget').fill('2000');
    await page.getByLabel('Preferred language').selectOption('en');
    await page.getByRole('button', { name: 'Send request' }).click();
    await page.getByText('Choose the service type you want').waitFor();
    await page.getByLabel('Service type').selectOption('CREATOR_MARKETING');
    await page.getByRole('button', { name: 'Send request' }).click();
    await page.getByText('Referral: Creator marketing').waitFor();
    await expect.poll(() => page.getByRole('row', { name: new RegExp(fitting.partner.name) }).textContent()).toContain('New');
    await screenshot(page, 'request-open-phone');
    await context.close();
  });

  it("signs up a seller and shows the API's error next to the email field", async () => {
    const existing = await state.world.user(Role.SELLER);
    const { context, page } = await newUser(state.browser, state.baseURL, true);
    await page.goto('/signup');
    await page.getByLabel('Your name').fill('Sam Seller');
    await page.getByLabel('Email').fill(existing.email);
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Sign up' }).click();
    await page.getByText('Password must be at least 8 characters').waitFor();
    await page.getByLabel('Password').fill('long enough password');
    await page.getByRole('button', { name: 'Sign up' }).click();
    const email = page.getByLabel('Email');
    await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'signup-phone');
    await email.fill(`new-${Date.now()}@example.test`);
    await page.getByRole('button', { name: 'Sign up' }).click();
    await page.getByRole('heading', { name: 'My requests' }).waitFor();
    await page.getByText('You have not sent a request yet.').waitFor();
    await context.close();
  });
});
