import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { Role } from '@slp/shared';
import { hasChromium, loggedIn, screenshot, useBrowserApp } from './browser';
import { grantAuthorization, leadAction, leadFor } from '../server/test/lead-fixtures';
import { inquiryInput, submitInquiry } from '../server/test/fixtures';

/** The pool at volume (issue 16): every lead of a tab reachable, ordered and searched on the server, live. */

const LEADS = 250;
/** Lead i (1-based, oldest first) has budget 1000 + 10 × (37i mod 250): every budget once, in no order of age. */
const budgetOf = (i: number) => 1000 + 10 * ((37 * i) % LEADS);
const isKettle = (i: number) => i % 50 === 0;
const leadGlobalId = (id: number) => Buffer.from(`Lead:${id}`).toString('base64url');

/** Shown lead links, top to bottom. */
const shownLeads = (page: Page) =>
  page
    .locator('table tbody a[href^="/leads/"]')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href')!.replace('/leads/', '')));

describe.skipIf(!hasChromium)('the Seller Leads Pool at volume', () => {
  const state = useBrowserApp();

  async function partnerWithLeads() {
    const fixture = await state.world.partner();
    const member = await state.world.user(Role.PARTNER, fixture.partner);
    const seller = await state.world.user(Role.SELLER);
    const sql = state.app.orm.em.fork().getConnection();
    const [{ id: sellerId }] = await sql.execute(`select id from users where email = ?`, [seller.email]);
    await sql.execute(
      `insert into inquiries (seller_id, request_type, status, contact_name, contact_email, company_size, currency,
        shop_gmv_amount, budget_amount, product_category, hot_sale_product, created_at, updated_at, version)
      select ?, 'TARGET', 'ACTIVE', 'Dana', 'dana@pool.test', 'EMPLOYEES_5_30', 'USD', 50000, 1000 + 10 * ((37 * g) % ${LEADS}),
        'BEAUTY_PERSONAL_CARE', case when g % 50 = 0 then 'Kettle' else 'Serum' end, now() - (${LEADS} - g) * interval '1 minute', now(), 1
      from generate_series(1, ${LEADS}) g`,
      [sellerId],
    );
    const rows: { id: number }[] = await sql.execute(
      `insert into leads (inquiry_id, partner_id, status, source, created_at, version)
      select i.id, ?, 'NEW', 'SELLER_TARGETED', i.created_at, 1 from inquiries i where i.seller_id = ? order by i.created_at returning id`,
      [fixture.partner.id, sellerId],
    );
    const ids = rows.map((row) => leadGlobalId(row.id)).sort((a, b) => idNumber(a) - idNumber(b));
    return { member, ids };
  }
  const idNumber = (id: string) => Number(Buffer.from(id, 'base64url').toString().split(':')[1]);

  it('pages a tab of 250 to its last lead, orders it by budget across pages, searches it, and keeps all of it in the URL', async () => {
    const { member, ids } = await partnerWithLeads();
    const { page, context } = await loggedIn(state, member);
    await page.goto('/leads');
    const pager = page.getByRole('navigation', { name: 'New Opportunities pages' });
    await expect.poll(() => pager.textContent()).toContain('Page 1 of 10 · 1–25 of 250');
    expect(await shownLeads(page)).toEqual([...ids].reverse().slice(0, 25));

    await pager.getByRole('button', { name: 'Last' }).click();
    await expect.poll(() => pager.textContent()).toContain('Page 10 of 10 · 226–250 of 250');
    expect(await shownLeads(page)).toEqual([...ids].reverse().slice(225));
    await pager.getByRole('button', { name: 'Previous' }).click();
    await expect.poll(() => shownLeads(page)).toEqual([...ids].reverse().slice(200, 225));

    const byBudget = ids
      .map((id, i) => ({ id, budget: budgetOf(i + 1) }))
      .sort((a, b) => a.budget - b.budget)
      .map((lead) => lead.id);
    await page.getByRole('button', { name: /^Budget/ }).click();
    await expect.poll(() => shownLeads(page)).toEqual(byBudget.slice(0, 25));
    await pager.getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => shownLeads(page)).toEqual(byBudget.slice(25, 50));
    await screenshot(page, 'lead-pool-by-budget');

    await page.getByLabel('Search these leads').fill('kett');
    const kettles = byBudget.filter((id) => isKettle(ids.indexOf(id) + 1));
    await expect.poll(() => shownLeads(page)).toEqual(kettles);
    await expect.poll(() => pager.textContent()).toContain('1–5 of 5');
    expect(new URL(page.url()).searchParams.get('sort')).toBe('BUDGET.ASC');

    await page.reload();
    await expect.poll(() => shownLeads(page)).toEqual(kettles);
    expect(await page.getByLabel('Search these leads').inputValue()).toBe('kett');
    await page.goBack();
    await expect.poll(() => shownLeads(page)).toEqual(byBudget.slice(25, 50));
    await context.close();
  });

  it('shows a partner the deal the seller just granted on its open lead page within 2 s, without a reload', async () => {
    const fixture = await state.world.partner();
    const member = await state.world.user(Role.PARTNER, fixture.partner);
    const memberClient = await state.world.logIn(member.email);
    const seller = await state.world.seller();
    const leadId = await leadFor(seller, fixture);
    await leadAction(memberClient, 'followLead', { leadId });

    const { page, context } = await loggedIn(state, member);
    await page.goto(`/leads/${leadId}`);
    await page.getByRole('button', { name: 'Accept cooperation' }).waitFor();
    await page.waitForTimeout(500);
    await grantAuthorization(seller, fixture.partnerId);
    await page.getByText(/Deal reached/).waitFor({ timeout: 2_000 });
    expect(await page.getByRole('button', { name: 'Accept cooperation' }).count()).toBe(0);
    await context.close();
  });

  it('shows the first lead on a phone without scrolling', async () => {
    const { member } = await partnerWithLeads();
    const { page, context } = await loggedIn(state, member, true);
    await page.goto('/leads');
    const first = page.locator('table tbody a[href^="/leads/"]').first();
    await first.waitFor();
    const box = (await first.boundingBox())!;
    expect(box.y + box.height).toBeLessThan(844);
    await screenshot(page, 'lead-pool-phone');
    await context.close();
  });

  it('tells a seller whose edit page went stale that the request changed since it was opened, and keeps the other edit', async () => {
    const fixture = await state.world.partner();
    const sellerUser = await state.world.user(Role.SELLER);
    const sellerApi = await state.world.logIn(sellerUser.email);
    const { inquiry } = await submitInquiry(sellerApi, inquiryInput({ targetServiceIds: fixture.services }));
    const { page, context } = await loggedIn(state, sellerUser);
    await page.goto(`/requests/${inquiry.id}`);
    await page.getByLabel('Other details').fill('Edited in the browser');
    await sellerApi.request(`mutation($input: UpdateInquiryInput!) { updateInquiry(input: $input) { userErrors { code } } }`, {
      input: { inquiryId: inquiry.id, otherDetails: 'Edited elsewhere' },
    });
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('This request changed since you opened it: reload it to see the changes, then edit again').waitFor();
    const { node } = await sellerApi.request(`query($id: ID!) { node(id: $id) { ... on Inquiry { otherDetails version } } }`, {
      id: inquiry.id,
    });
    expect(node).toEqual({ otherDetails: 'Edited elsewhere', version: 2 });
    await context.close();
  });

  it("pages a seller's requests on the server, to the last one", async () => {
    const fixture = await state.world.partner();
    const sellerUser = await state.world.user(Role.SELLER);
    const sellerApi = await state.world.logIn(sellerUser.email);
    const ids: string[] = [];
    for (let i = 0; i < 27; i += 1)
      ids.push((await submitInquiry(sellerApi, inquiryInput({ targetServiceIds: fixture.services }))).inquiry.id);
    const { page, context } = await loggedIn(state, sellerUser);
    await page.goto('/requests');
    const pager = page.getByRole('navigation', { name: 'My requests pages' });
    await expect.poll(() => pager.textContent()).toContain('Page 1 of 2 · 1–25 of 27');
    await pager.getByRole('button', { name: 'Last' }).click();
    await expect.poll(() => pager.textContent()).toContain('Page 2 of 2 · 26–27 of 27');
    const shown = await page.locator('table tbody a[href^="/requests/"]').evaluateAll((links) => links.map((l) => l.getAttribute('href')));
    expect(shown).toEqual(
      ids
        .slice(0, 2)
        .reverse()
        .map((id) => `/requests/${id}`),
    );
    await context.close();
  });
});
