import { describe, expect, it } from 'vitest';
import { Role } from '@slp/shared';
import type { Page } from 'playwright-core';
import { inquiryInput, submitInquiry } from '../server/test/fixtures';
import { PASSWORD } from '../server/test/fixtures';
import { checkPage, hasChromium, loggedIn, newUser, useBrowserApp } from './browser';

describe.skipIf(!hasChromium)("the email's link to a lead", () => {
  const state = useBrowserApp();

  /** The link in the newest email to `email`, read from the local mailbox page as an operator reads it. */
  async function linkFromMailbox(email: string): Promise<string> {
    const { context, page } = await loggedIn(state, await state.world.user(Role.OPERATOR));
    await page.goto(`/mailbox?to=${encodeURIComponent(email)}`);
    const message = page.locator('.mailbox li').filter({ hasText: 'New lead for' }).first();
    await message.locator('summary').first().click();
    await message.locator('summary', { hasText: 'Plain-text body' }).click();
    const text = await message.locator('pre.mail-body').innerText();
    await context.close();
    return /Open the lead: (\S+)/.exec(text)![1];
  }

  async function onLeadPage(page: Page, leadId: string) {
    await page.getByRole('group', { name: 'Lead actions' }).getByRole('button', { name: 'Follow up' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/leads/${leadId}`);
  }

  it('opens that lead for the logged-in partner, and after log-in for a logged-out one', async () => {
    const fixture = await state.world.partner();
    const { email } = await state.world.user(Role.PARTNER, fixture.partner);
    const { inquiry } = await submitInquiry(await state.world.seller(), inquiryInput({ targetServiceIds: [fixture.services[0]] }));
    const leadId = inquiry.leads.edges[0].node.id as string;

    // The worker delivers on its own; the link points at this app, whatever port it took.
    let link = '';
    await expect
      .poll(async () => (link = await linkFromMailbox(email).catch(() => '')), { timeout: 30_000 })
      .toBe(`${state.baseURL}/leads/${leadId}`);

    const partner = await loggedIn(state, { email });
    await partner.page.goto(link);
    await onLeadPage(partner.page, leadId);
    await checkPage(partner.page, 'lead-from-email-link');
    await partner.context.close();

    const visitor = await newUser(state.browser, state.baseURL);
    await visitor.page.goto(link);
    await visitor.page.getByText('Log in to open that page; you will be taken back to it.').waitFor();
    expect(new URL(visitor.page.url()).pathname).toBe('/login');
    await visitor.page.getByLabel('Email').fill(email);
    await visitor.page.getByLabel('Password').fill(PASSWORD);
    await visitor.page.getByRole('button', { name: 'Log in' }).click();
    await onLeadPage(visitor.page, leadId);
    await visitor.context.close();
  });
});
