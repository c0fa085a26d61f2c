import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { Role } from '@slp/shared';
import { inquiryInput, submitInquiry } from '../server/test/fixtures';
import { leadAction } from '../server/test/lead-fixtures';
import { checkPage, hasChromium, loggedIn, screenshot, useBrowserApp } from './browser';

/** Resolves once the page's graphql-ws socket has sent a subscribe message (the live alerts are listening). */
function subscribed(page: Page): Promise<void> {
  return new Promise((resolve) => {
    page.on('websocket', (socket) =>
      socket.on('framesent', (frame) => {
        if (String(frame.payload).includes('"subscribe"')) setTimeout(resolve, 300);
      }),
    );
  });
}

describe.skipIf(!hasChromium)('the Seller Leads Pool in the browser', () => {
  const state = useBrowserApp();

  it('partner sees the live alert, follows up and sees the contact; the seller authorizes and the lead reaches a deal', async () => {
    const fixture = await state.world.partner({ services: [{ title: 'Live commerce kit' }, { title: 'Returns desk' }] });
    const member = await state.world.user(Role.PARTNER, fixture.partner);
    const sellerUser = await state.world.user(Role.SELLER);

    const partner = await loggedIn(state, member);
    const listening = subscribed(partner.page);
    await partner.page.goto('/leads');
    await partner.page.getByText('No leads under New Opportunities.').waitFor();
    await listening;

    // The seller sends a TARGET request from the browser.
    const seller = await loggedIn(state, sellerUser);
    await seller.page.goto(`/requests/new?service=${encodeURIComponent(fixture.services[0])}`);
    await expect.poll(() => seller.page.getByRole('list', { name: 'Chosen services' }).textContent()).toContain('Live commerce kit');
    // A second service of the same partner: that partner gets one lead naming both.
    await seller.page.getByLabel('Search services').fill('Returns desk');
    await seller.page.getByRole('checkbox', { name: /Returns desk/ }).check();
    await expect.poll(() => seller.page.getByRole('list', { name: 'Chosen services' }).textContent()).toContain('Returns desk');
    await seller.page.getByLabel('Contact email').fill('dana.contact@shop.test');
    await seller.page.getByLabel('Company size').selectOption('EMPLOYEES_30_100');
    await seller.page.getByLabel('Product category').selectOption('WOMENSWEAR');
    await seller.page.getByLabel('TikTok Shop sales GMV').fill('90000');
    await seller.page.getByLabel('Budget').fill('5000');
    await seller.page.getByRole('button', { name: 'Send request' }).click();
    await seller.page.getByRole('heading', { name: /Request of/ }).waitFor();

    // The partner's page updates live: a toast, the badge and the table.
    await partner.page.getByText('New lead: Womenswear, budget $5,000.00').waitFor();
    await expect.poll(() => partner.page.getByRole('tab', { name: /New Opportunities/ }).textContent()).toContain('1');
    await expect.poll(() => partner.page.getByRole('navigation', { name: 'Main' }).textContent()).toContain('Seller Leads Pool1');
    await screenshot(partner.page, 'lead-pool-alert');
    await partner.page
      .getByRole('row', { name: /Womenswear/ })
      .getByRole('link')
      .click();
    await partner.page.getByText("Follow up on this lead to see the seller's contact details.").waitFor();
    await partner.page.getByText('Services the seller chose: Live commerce kit and Returns desk').waitFor();
    expect(await partner.page.getByText('dana.contact@shop.test').count()).toBe(0);
    await screenshot(partner.page, 'lead-locked');
    expect(await partner.page.getByRole('button', { name: 'Accept cooperation' }).count()).toBe(0);
    await partner.page.getByRole('button', { name: 'Follow up' }).click();
    await partner.page.getByRole('link', { name: 'dana.contact@shop.test' }).waitFor();
    expect(await partner.page.getByRole('button', { name: 'Follow up' }).count()).toBe(0);
    await screenshot(partner.page, 'lead-following');

    // The seller sees the follow-up live and authorizes the partner: the lead reaches a deal.
    const row = seller.page.getByRole('row', { name: new RegExp(fixture.partner.name) });
    await expect.poll(() => row.textContent()).toContain('Following');
    expect(await row.textContent()).toContain('Live commerce kit and Returns desk');
    await row.getByRole('button', { name: `Authorize ${fixture.partner.name}` }).click();
    await seller.page.getByRole('dialog').getByRole('button', { name: 'Grant shop access' }).click();
    await expect.poll(() => row.textContent()).toContain('Deal');
    await seller.page.getByRole('link', { name: 'Authorizations' }).click();
    const code = (await seller.page
      .getByRole('row', { name: new RegExp(fixture.partner.name) })
      .locator('code')
      .textContent())!;
    expect(code).toMatch(/^AUTH-/);
    await screenshot(seller.page, 'authorizations');

    await partner.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: /Seller Leads Pool/ })
      .click();
    await partner.page.getByRole('tab', { name: /Reach a Deal/ }).click();
    await partner.page
      .getByRole('row', { name: /Womenswear/ })
      .getByRole('link')
      .click();
    await partner.page.getByText(`with authorization ${code}`).waitFor();
    await screenshot(partner.page, 'lead-deal');
    await partner.context.close();
    await seller.context.close();
  });

  it('partner rejects a lead with a reason; the seller closes the request and the other partner sees it closed', async () => {
    const rejecting = await state.world.partner({ services: [{ title: 'Reject desk' }] });
    const following = await state.world.partner({ services: [{ title: 'Follow desk' }] });
    const sellerUser = await state.world.user(Role.SELLER);
    const sellerApi = await state.world.logIn(sellerUser.email);
    await submitInquiry(
      sellerApi,
      inquiryInput({
        contactEmail: 'closer@shop.test',
        productCategory: 'TOYS_HOBBIES',
        targetServiceIds: [rejecting.services[0], following.services[0]],
      }),
    );

    const rejecter = await loggedIn(state, await state.world.user(Role.PARTNER, rejecting.partner), true);
    await rejecter.page.goto('/leads');
    await rejecter.page
      .getByRole('row', { name: /Toys hobbies/ })
      .getByRole('link')
      .click();
    await rejecter.page.getByRole('button', { name: 'Reject' }).click();
    const dialog = rejecter.page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Reject lead' }).click();
    await dialog.getByText('Choose a reason').waitFor();
    await dialog.getByLabel('Reason').selectOption('BUDGET_TOO_LOW');
    await dialog.getByLabel('Note').fill('Below our minimum');
    await checkPage(rejecter.page, 'lead-reject-dialog');
    await dialog.getByRole('button', { name: 'Reject lead' }).click();
    await rejecter.page.getByText('Rejected lead').first().waitFor();
    await rejecter.page.getByText('Budget too low — Below our minimum').waitFor();
    expect(await rejecter.page.getByText('Toys hobbies').count()).toBe(0);
    await screenshot(rejecter.page, 'lead-rejected-phone');

    const follower = await loggedIn(state, await state.world.user(Role.PARTNER, following.partner));
    const listening = subscribed(follower.page);
    await follower.page.goto('/leads');
    await listening;
    await follower.page
      .getByRole('row', { name: /Toys hobbies/ })
      .getByRole('link')
      .click();
    await follower.page.getByRole('button', { name: 'Follow up' }).click();
    await follower.page.getByRole('link', { name: 'closer@shop.test' }).waitFor();

    const seller = await loggedIn(state, sellerUser);
    await seller.page.getByRole('link', { name: 'My requests' }).click();
    await seller.page
      .getByRole('row', { name: /Toys hobbies/ })
      .getByRole('link')
      .first()
      .click();
    const rejectedRow = seller.page.getByRole('row', { name: new RegExp(rejecting.partner.name) });
    await expect.poll(() => rejectedRow.textContent()).toContain('Rejected');
    expect(await seller.page.getByText('Budget too low').count()).toBe(0);
    await seller.page.getByRole('button', { name: 'Close request' }).click();
    await seller.page.getByRole('dialog').getByRole('button', { name: 'Close request' }).click();
    await seller.page.getByText('A closed request can no longer be edited.').waitFor();

    await follower.page.getByText('A seller closed a request').waitFor();
    await follower.page.reload();
    await follower.page.getByText('The seller closed this request, so the contact details are no longer visible.').waitFor();
    expect(await follower.page.getByText('closer@shop.test').count()).toBe(0);
    await follower.page.getByRole('link', { name: /Closed/ }).click();
    await follower.page.getByRole('row', { name: /Toys hobbies/ }).waitFor();
    await screenshot(follower.page, 'lead-pool-closed');
    for (const session of [rejecter, follower, seller]) await session.context.close();
  });

  it('after "Unable to reach agreement" the lead says the partner closed it; a suspended partner is told why it cannot act', async () => {
    const fixture = await state.world.partner({ services: [{ title: 'Talks desk' }] });
    const member = await state.world.user(Role.PARTNER, fixture.partner);
    const sellerApi = await state.world.seller();
    const first = await submitInquiry(sellerApi, inquiryInput({ productCategory: 'PET_SUPPLIES', targetServiceIds: fixture.services }));
    const second = await submitInquiry(sellerApi, inquiryInput({ productCategory: 'SPORTS_OUTDOOR', targetServiceIds: fixture.services }));
    const talks = first.inquiry.leads.edges[0].node.id;
    expect((await leadAction(member.client, 'followLead', { leadId: talks })).userErrors).toEqual([]);

    const partner = await loggedIn(state, member);
    await partner.page.goto(`/leads/${talks}`);
    await partner.page.getByRole('button', { name: 'Unable to reach agreement' }).click();
    await partner.page.getByRole('dialog').getByRole('button', { name: 'Close lead' }).click();
    await partner.page.getByText('Lead closed without agreement.').waitFor();
    await partner.page
      .getByText("You closed this lead without reaching an agreement, so the seller's contact details are no longer visible.")
      .waitFor();
    expect(await partner.page.getByText('The seller closed this request').count()).toBe(0);
    await screenshot(partner.page, 'lead-no-agreement');

    // Suspended: the pool and the lead say so, and the lead's actions are disabled with the reason.
    const operator = await state.world.operator();
    await operator.request(`mutation($input: SetPartnerStatusInput!) { setPartnerStatus(input: $input) { userErrors { message } } }`, {
      input: { partnerId: fixture.partnerId, status: 'SUSPENDED' },
    });
    await partner.page.goto('/leads');
    const banner = `${fixture.partner.name} is suspended by the platform.`;
    await partner.page.getByText(banner).waitFor();
    // A filter that empties the tab offers to clear it.
    await partner.page.getByLabel('Source').selectOption('PLATFORM_ASSIGNED');
    await partner.page.getByText('No leads under New Opportunities match these filters.').waitFor();
    await partner.page.getByRole('button', { name: 'Clear filters' }).click();
    await partner.page
      .getByRole('row', { name: /Sports outdoor/ })
      .getByRole('link')
      .click();
    await partner.page.getByText(banner).waitFor();
    const follow = partner.page.getByRole('button', { name: 'Follow up' });
    expect(await follow.isDisabled()).toBe(true);
    expect(await follow.getAttribute('aria-describedby')).toBeTruthy();
    await partner.page.getByText('Lead actions are unavailable while your organisation is suspended.').waitFor();
    await partner.page
      .getByText('Your organisation is not onboarded by the platform (pending or suspended), so contact details are hidden until it is.')
      .waitFor();
    expect(await partner.page.getByText('Follow up on this lead').count()).toBe(0);
    await screenshot(partner.page, 'lead-partner-suspended');
    // It can still prepare a private service; public ones wait for onboarding.
    await partner.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My services' }).click();
    expect(await partner.page.getByLabel(/^Public/).isDisabled()).toBe(true);
    await partner.page.getByLabel('Title').fill('Draft desk');
    await partner.page.getByLabel('Service type').selectOption('TRAINING');
    await partner.page.getByLabel('Pet supplies').check();
    await partner.page.getByRole('button', { name: 'Publish service' }).click();
    await partner.page.getByText('Private service saved.').waitFor();
    expect(second.inquiry.id).toBeTruthy();
    await partner.context.close();
  });
});
