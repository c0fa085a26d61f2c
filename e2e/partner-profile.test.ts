import { describe, expect, it } from 'vitest';
import { Role } from '@slp/shared';
import { checkPage, hasChromium, loggedIn, newUser, useBrowserApp } from './browser';

describe.skipIf(!hasChromium)("a partner's description in the browser", () => {
  const state = useBrowserApp();

  it('is written by a member under My services and shown on the public partner page', async () => {
    const fixture = await state.world.partner();
    const { context, page } = await loggedIn(state, await state.world.user(Role.PARTNER, fixture.partner));
    await page.goto('/services');
    const form = page.getByRole('form', { name: 'About your organisation' });
    const description = form.getByLabel('Description');
    await description.waitFor();
    expect(await description.getAttribute('maxlength')).toBe('2000');
    expect(await form.getByRole('button', { name: 'Save description' }).isDisabled()).toBe(true);
    // A control character is refused by the shared rule before anything is sent.
    await description.fill('Bad\u0007text');
    await form.getByRole('button', { name: 'Save description' }).click();
    await form.getByText('Description must not contain control characters').waitFor();
    await description.fill('We run TikTok Shop stores for beauty brands.\nWeekly live sessions in English and Spanish.');
    await form.getByRole('button', { name: 'Save description' }).click();
    await page.getByText('Description saved: it shows on your public partner page.').waitFor();
    await checkPage(page, 'partner-description-form');
    await context.close();

    // A visitor reads it on the partner's public page, line break kept.
    const visitor = await newUser(state.browser, state.baseURL, true);
    await visitor.page.goto(`/partners/${fixture.partnerId}`);
    const about = visitor.page.getByRole('region', { name: `About ${fixture.partner.name}` });
    await about.waitFor();
    expect(await about.locator('p').innerText()).toBe(
      'We run TikTok Shop stores for beauty brands.\nWeekly live sessions in English and Spanish.',
    );
    await checkPage(visitor.page, 'partner-page-description-phone');
    await visitor.context.close();
  });
});
