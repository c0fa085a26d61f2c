import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { Role } from '@slp/shared';
import { csvObjects } from '../server/test/csv-parse';
import { hasChromium, loggedIn, screenshot, useBrowserApp } from './browser';

/** The pool's Export CSV button: the tab as shown (filters, order, search), every row, not the page. */

const LEADS = 60;
const leadGlobalId = (id: number) => Buffer.from(`Lead:${id}`).toString('base64url');
/** Lead g (1-based) has budget 1000 + 10 × (37g mod 60) and is a kettle unless g is a multiple of 3. */
const budgetOf = (g: number) => 1000 + 10 * ((37 * g) % LEADS);
const isKettle = (g: number) => g % 3 !== 0;

async function downloaded(page: Page): Promise<{ name: string; rows: Record<string, string>[] }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export CSV' }).click()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), rows: csvObjects(fs.readFileSync(file, 'utf8')) };
}

describe.skipIf(!hasChromium)('Export CSV on the Seller Leads Pool', () => {
  const state = useBrowserApp();

  it('downloads the current tab with its order and search, every matching lead beyond the page, contact only where shown', async () => {
    const fixture = await state.world.partner();
    const member = await state.world.user(Role.PARTNER, fixture.partner);
    const seller = await state.world.user(Role.SELLER);
    const sql = state.app.orm.em.fork().getConnection();
    const [{ id: sellerId }] = await sql.execute(`select id from users where email = ?`, [seller.email]);
    await sql.execute(
      `insert into inquiries (seller_id, request_type, status, contact_name, contact_email, company_size, currency,
        shop_gmv_amount, budget_amount, product_category, hot_sale_product, created_at, updated_at, version)
      select ?, 'TARGET', 'ACTIVE', 'Dana ' || g, 'dana' || g || '@export.test', 'EMPLOYEES_5_30', 'USD', 50000, 1000 + 10 * ((37 * g) % ${LEADS}),
        'BEAUTY_PERSONAL_CARE', case when g % 3 <> 0 then 'Kettle' else 'Serum' end, now() - (${LEADS} - g) * interval '1 minute', now(), 1
      from generate_series(1, ${LEADS}) g`,
      [sellerId],
    );
    // The first five leads are FOLLOWING (their contact is the partner's), the rest NEW.
    const rows: { id: number }[] = await sql.execute(
      `insert into leads (inquiry_id, partner_id, status, source, created_at, followed_at, version)
      select i.id, ?, case when row_number() over (order by i.created_at) <= 5 then 'FOLLOWING' else 'NEW' end, 'SELLER_TARGETED',
        i.created_at, case when row_number() over (order by i.created_at) <= 5 then now() end, 1
      from inquiries i where i.seller_id = ? order by i.created_at returning id`,
      [fixture.partner.id, sellerId],
    );
    const leads = rows
      .map((row) => row.id)
      .sort((a, b) => a - b)
      .map((id, i) => ({ id: leadGlobalId(id), g: i + 1 }));

    const { page, context } = await loggedIn(state, member);
    await page.goto('/leads');
    const pager = page.getByRole('navigation', { name: 'New Opportunities pages' });
    await expect.poll(() => pager.textContent()).toContain('of 55');
    await page.getByRole('button', { name: /^Budget/ }).click();
    await page.getByLabel('Search these leads').fill('kettle');
    await expect.poll(() => pager.textContent()).toContain('of 36');
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('BUDGET.ASC');
    await screenshot(page, 'lead-pool-export');

    const searched = await downloaded(page);
    expect(searched.name).toMatch(/^leads-new-\d{4}-\d{2}-\d{2}\.csv$/);
    const expected = leads.filter(({ g }) => g > 5 && isKettle(g)).sort((a, b) => budgetOf(a.g) - budgetOf(b.g));
    expect(expected.length).toBe(36);
    expect(searched.rows.map((row) => row.id)).toEqual(expected.map((lead) => lead.id));
    expect(searched.rows.map((row) => row.budget)).toEqual(expected.map((lead) => `${budgetOf(lead.g)}.00`));
    expect(searched.rows.every((row) => row.hotSaleProduct === 'Kettle' && row.contactAccess === 'LOCKED' && row.contactEmail === '')).toBe(
      true,
    );

    // The Following tab: the filters and search carry over, the order too; the contact is there.
    await page.getByLabel('Search these leads').fill('');
    await page.getByRole('tab', { name: /Following/ }).click();
    await expect.poll(() => page.getByRole('navigation', { name: 'Following pages' }).textContent()).toContain('of 5');
    const following = await downloaded(page);
    expect(following.name).toMatch(/^leads-following-/);
    const followed = leads.filter(({ g }) => g <= 5).sort((a, b) => budgetOf(a.g) - budgetOf(b.g));
    expect(following.rows.map((row) => [row.id, row.status, row.contactAccess, row.contactEmail])).toEqual(
      followed.map(({ id, g }) => [id, 'FOLLOWING', 'VISIBLE', `dana${g}@export.test`]),
    );
    await context.close();
  });
});
