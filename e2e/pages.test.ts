import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PartnerStatus, Role, ServiceType } from '@slp/shared';
import { inquiryInput, submitInquiry } from '../server/test/fixtures';
import { MailboxMessage } from '../server/src/notifications/mailbox-message.entity';
import { checkPage, expectAccessible, hasChromium, loggedIn, newUser, useBrowserApp } from './browser';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

/** Opens a page, waits for what shows it has loaded, then checks it (axe, screenshot) at desktop and phone width. */
async function tour(page: Page, pages: { name: string; path: string; ready: string }[]) {
  for (const { name, path, ready } of pages) {
    await page.setViewportSize(DESKTOP);
    await page.goto(path);
    await page.getByText(ready).first().waitFor();
    await checkPage(page, name);
    await page.setViewportSize(PHONE);
    await checkPage(page, `${name}-phone`);
  }
}

/**
 * Every main page of the SPA, as the role that uses it, at desktop and phone size: no serious or
 * critical axe-core violation, and a screenshot of each in test-artifacts/.
 */
describe.skipIf(!hasChromium)('every main page', () => {
  const state = useBrowserApp();

  it('passes the accessibility check for visitors, sellers, partners and operators', async () => {
    const fixture = await state.world.partner({
      location: 'Singapore',
      languages: ['en', 'es'],
      services: [{ title: 'Tour storefront care' }, { title: 'Tour ads desk', serviceType: ServiceType.ADS_MANAGEMENT }],
    });
    const seller = await state.world.user(Role.SELLER);
    const { inquiry } = await submitInquiry(seller.client, inquiryInput({ targetServiceIds: fixture.services }));
    const open = await submitInquiry(seller.client, inquiryInput({ requestType: 'OPEN', serviceType: 'LOGISTICS' }));
    const member = await state.world.user(Role.PARTNER, fixture.partner);
    const pending = await state.world.partner({ status: PartnerStatus.PENDING });
    // More emails than the mailbox lists at first.
    const em = state.app.orm.em.fork();
    em.create(MailboxMessage, {
      messageId: '<tour-oldest@slp>',
      from: 'noreply@slp.test',
      to: 'tour@example.test',
      subject: 'The oldest email',
      text: 'Old',
      html: '<p>Old</p>',
    });
    for (let i = 0; i < 50; i += 1) {
      em.create(MailboxMessage, {
        messageId: `<tour-${i}@slp>`,
        from: 'noreply@slp.test',
        to: 'tour@example.test',
        subject: `Tour email ${i}`,
        text: `Body ${i}`,
        html: `<p>Body ${i}</p>`,
      });
    }
    await em.flush();

    const visitor = await newUser(state.browser, state.baseURL);
    await tour(visitor.page, [
      { name: 'page-directory', path: '/', ready: 'Tour storefront care' },
      { name: 'page-partner', path: `/partners/${fixture.partnerId}`, ready: 'Tour ads desk' },
      {
        name: 'page-login',
        path: `/login?next=${encodeURIComponent(`/requests/new?service=${fixture.services[0]}`)}`,
        ready: 'To contact a partner',
      },
      { name: 'page-signup', path: '/signup?as=partner', ready: 'Organization name' },
      { name: 'page-not-found', path: '/no-such-page', ready: 'There is nothing at this address' },
    ]);
    // The partner page says what the partner does and in which languages, not its internal status.
    await visitor.page.goto(`/partners/${fixture.partnerId}`);
    const about = visitor.page.locator('main');
    await about.getByText('English and Spanish').waitFor();
    expect(await about.getByText('Offers ads management and store management for beauty personal care sellers.').count()).toBe(1);
    expect(await about.getByText('Status').count()).toBe(0);
    await visitor.context.close();

    const sellerSession = await loggedIn(state, seller);
    await tour(sellerSession.page, [
      { name: 'page-request-new', path: '/requests/new', ready: 'Search services' },
      { name: 'page-my-requests', path: '/requests', ready: fixture.partner.name },
      { name: 'page-request', path: `/requests/${inquiry.id}`, ready: 'Save changes' },
      { name: 'page-authorizations', path: '/authorizations', ready: 'You have not authorized any partner yet.' },
    ]);
    await sellerSession.context.close();

    const partnerSession = await loggedIn(state, member);
    const leadId = inquiry.leads.edges[0].node.id;
    await tour(partnerSession.page, [
      { name: 'page-lead-pool', path: '/leads', ready: 'Tour storefront care' },
      { name: 'page-lead', path: `/leads/${leadId}`, ready: 'Business profile' },
      { name: 'page-my-services', path: '/services', ready: 'Publish a service' },
    ]);
    await partnerSession.context.close();

    const pendingSession = await loggedIn(state, await state.world.user(Role.PARTNER, pending.partner));
    await tour(pendingSession.page, [{ name: 'page-lead-pool-pending', path: '/leads', ready: 'awaits onboarding by the platform' }]);
    await pendingSession.context.close();

    const operator = await loggedIn(state, await state.world.user(Role.OPERATOR));
    await tour(operator.page, [
      { name: 'page-operator-queue', path: '/operator/queue', ready: 'Logistics' },
      { name: 'page-operator-inquiry', path: `/operator/inquiries/${open.inquiry.id}`, ready: 'Recommended partners' },
      { name: 'page-operator-partners', path: '/operator/partners', ready: pending.partner.name },
      { name: 'page-mailbox', path: '/mailbox', ready: 'Tour email 49' },
    ]);
    // The mailbox pages on the server with its total: the oldest email is on the last page.
    await operator.page.getByLabel('Recipient').fill('tour@example.test');
    // The filter applies once the typing settles (it restarts at page 1): only then is the pager the filtered one's.
    await expect.poll(() => new URL(operator.page.url()).searchParams.get('to')).toBe('tour@example.test');
    const pager = operator.page.getByRole('navigation', { name: 'Emails pages' });
    await expect.poll(() => pager.textContent()).toContain('Page 1 of 3 · 1–25 of 51');
    expect(await operator.page.getByText('The oldest email').count()).toBe(0);
    await pager.getByRole('button', { name: 'Last' }).click();
    await operator.page.getByText('The oldest email').waitFor();
    await expect.poll(() => pager.textContent()).toContain('Page 3 of 3 · 51–51 of 51');
    await operator.context.close();
    // 17 pages at two sizes, each with axe: about 50 s on a machine shared at load 15, so more than the 60 s default.
  }, 180_000);

  it('the check fails on a serious violation', async () => {
    const { context, page } = await newUser(state.browser, state.baseURL);
    await page.goto('/no-such-page');
    await page.getByText('There is nothing at this address').waitFor();
    await page.evaluate(() => document.querySelector('main')!.insertAdjacentHTML('beforeend', '<button type="button"></button>'));
    await expect(expectAccessible(page, 'a nameless button')).rejects.toThrow(/critical button-name/);
    await context.close();
  });
});
