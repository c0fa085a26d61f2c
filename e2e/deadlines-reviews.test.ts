import { describe, expect, it } from 'vitest';
import { Role, ServiceType } from '@slp/shared';
import { inquiryInput, submitInquiry } from '../server/test/fixtures';
import { grantAuthorization, leadAction, leadFor } from '../server/test/lead-fixtures';
import { checkPage, hasChromium, loggedIn, newUser, screenshot, useBrowserApp } from './browser';

// Ten minutes to answer: long enough that nothing expires during the test, short enough to count seconds.
process.env.LEAD_RESPONSE_HOURS = String(10 / 60);

const secondsLeft = (text: string | null) => {
  const match = /(\d+) min (\d+) s left/.exec(text ?? '');
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
};

describe.skipIf(!hasChromium)('response deadlines and reviews in the browser', () => {
  const state = useBrowserApp();

  it('counts down the time left on a New Opportunities row and on the lead page; the operator sees what expires soon', async () => {
    const fixture = await state.world.partner({ services: [{ serviceType: ServiceType.CONTENT_CREATION }] });
    const member = await state.world.user(Role.PARTNER, fixture.partner);
    const seller = await state.world.seller();
    await submitInquiry(seller, inquiryInput({ requestType: 'OPEN', serviceType: ServiceType.CONTENT_CREATION }));

    const partner = await loggedIn(state, member);
    await partner.page.goto('/leads');
    const row = partner.page.getByRole('row', { name: /Beauty personal care/ });
    await expect.poll(async () => secondsLeft(await row.textContent())).toBeGreaterThan(9 * 60);
    const before = secondsLeft(await row.textContent())!;
    expect(before).toBeLessThanOrEqual(10 * 60);
    // It counts down while the page is open.
    await expect.poll(async () => secondsLeft(await row.textContent()), { timeout: 5_000 }).toBeLessThan(before);
    await screenshot(partner.page, 'lead-pool-time-left');

    await row.getByRole('link').click();
    const notice = partner.page.getByText(/Follow up within .* left, or the platform passes this lead to another partner/);
    await notice.waitFor();
    const onPage = secondsLeft(await notice.textContent())!;
    await expect.poll(async () => secondsLeft(await notice.textContent()), { timeout: 5_000 }).toBeLessThan(onPage);
    await checkPage(partner.page, 'lead-time-left');
    // Followed up, the lead has no deadline any more.
    await partner.page.getByRole('button', { name: 'Follow up' }).click();
    await partner.page.getByText('You are following up this lead.').waitFor();
    await expect.poll(() => notice.count()).toBe(0);
    await partner.context.close();

    // The operator's queue lists the platform's open assignments that expire soon.
    const other = await state.world.partner({ services: [{ serviceType: ServiceType.CONTENT_CREATION }] });
    await submitInquiry(seller, inquiryInput({ requestType: 'OPEN', serviceType: ServiceType.CONTENT_CREATION }));
    const operator = await loggedIn(state, await state.world.user(Role.OPERATOR));
    await operator.page.goto('/operator/queue');
    const soon = operator.page.getByRole('region', { name: 'Expiring soon' });
    await expect.poll(() => soon.textContent()).toContain(other.partner.name);
    expect(secondsLeft(await soon.getByRole('listitem').filter({ hasText: other.partner.name }).textContent())).toBeGreaterThan(0);
    expect(await soon.textContent()).toContain('Beauty personal care request');
    await checkPage(operator.page, 'operator-expiring-soon');
    await operator.context.close();
  });

  it('lets a seller review the partner it reached a deal with, edit it, and shows the reviews on the partner page', async () => {
    const fixture = await state.world.partner({ services: [{ title: 'Storefront care' }] });
    const member = (await state.world.user(Role.PARTNER, fixture.partner)).client;
    const sellerUser = await state.world.user(Role.SELLER);
    const leadId = await leadFor(sellerUser.client, fixture);
    await leadAction(member, 'followLead', { leadId });
    await grantAuthorization(sellerUser.client, fixture.partnerId);
    const inquiryId = (
      await sellerUser.client.request(`query($id: ID!) { node(id: $id) { ... on Lead { inquiry { id } } } }`, { id: leadId })
    ).node.inquiry.id;

    const seller = await loggedIn(state, sellerUser);
    await seller.page.goto(`/requests/${inquiryId}`);
    await seller.page.getByRole('button', { name: `Review ${fixture.partner.name}` }).click();
    const dialog = seller.page.getByRole('dialog', { name: `Review ${fixture.partner.name}` });
    // The shared rules run in the form: a rating must be chosen.
    await dialog.getByRole('button', { name: 'Publish review' }).click();
    await dialog.getByText('Choose a rating from 1 to 5').waitFor();
    await dialog.getByLabel('Rating').selectOption('4');
    await dialog.getByLabel('Comment').fill('Answered within the hour. <b>Solid</b> work.');
    await dialog.getByRole('button', { name: 'Publish review' }).click();
    await seller.page.getByText('Thank you: your review is published.').waitFor();
    await seller.page.getByRole('button', { name: `Edit your review of ${fixture.partner.name}` }).click();
    expect(await dialog.getByLabel('Rating').inputValue()).toBe('4');
    await dialog.getByLabel('Rating').selectOption('5');
    await dialog.getByRole('button', { name: 'Save review' }).click();
    await seller.page.getByText('Review saved.').waitFor();
    await seller.context.close();

    // Anyone sees it on the partner's public page, as plain text, with the track record.
    const visitor = await newUser(state.browser, state.baseURL);
    await visitor.page.goto(`/partners/${fixture.partnerId}`);
    const record = visitor.page.getByRole('region', { name: 'Track record' });
    await expect.poll(() => record.textContent()).toContain('5.0 of 5 from 1 review');
    expect(await record.textContent()).toContain('Median time to follow up');
    await visitor.page.getByText('Answered within the hour. <b>Solid</b> work.').waitFor();
    expect(await visitor.page.locator('.review-comment b').count()).toBe(0);
    await checkPage(visitor.page, 'partner-reviews');
    await visitor.context.close();
  });
});
