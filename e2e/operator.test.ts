import { describe, expect, it } from 'vitest';
import { PartnerStatus, Role, ServiceType } from '@slp/shared';
import { inquiryInput, submitInquiry } from '../server/test/fixtures';
import { checkPage, hasChromium, loggedIn, screenshot, useBrowserApp } from './browser';

describe.skipIf(!hasChromium)('operator in the browser', () => {
  const state = useBrowserApp();

  it('onboards a pending partner and suspends it again', async () => {
    const pending = await state.world.partner({ status: PartnerStatus.PENDING });
    const { context, page } = await loggedIn(state, await state.world.user(Role.OPERATOR));
    await page.getByRole('link', { name: 'Partners' }).click();
    const row = page.getByRole('row', { name: new RegExp(pending.partner.name) });
    await expect.poll(() => row.textContent()).toContain('Pending');
    await row.getByRole('button', { name: `Onboard ${pending.partner.name}` }).click();
    await page.getByText(`${pending.partner.name} is onboarded: its public services are in the directory and it receives leads.`).waitFor();
    await expect.poll(() => row.textContent()).toContain('Onboarded');
    await screenshot(page, 'operator-partners');
    // Suspending asks first, says what follows and asks why; cancelling changes nothing.
    await row.getByRole('button', { name: `Suspend ${pending.partner.name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Suspend ${pending.partner.name}?` });
    await dialog.getByText('receives no new leads').waitFor();
    await checkPage(page, 'operator-suspend-dialog');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await row.textContent()).toContain('Onboarded');
    await row.getByRole('button', { name: `Suspend ${pending.partner.name}` }).click();
    // No reason, no suspension: the field says so and the dialog stays open.
    await dialog.getByRole('button', { name: 'Suspend partner' }).click();
    await dialog.getByText('Give a reason: the partner sees it').waitFor();
    expect(await row.textContent()).toContain('Onboarded');
    const reason = 'Three sellers reported leads left unanswered for weeks.';
    await dialog.getByLabel('Reason').fill(reason);
    await dialog.getByRole('button', { name: 'Suspend partner' }).click();
    await page.getByText(`${pending.partner.name} is suspended.`).waitFor();
    await expect.poll(() => row.textContent()).toContain('Suspended');
    // The partner admin view shows why, and so do the partner's own pages.
    await expect.poll(() => row.locator('td[data-label="Status"]').textContent()).toContain(reason);
    await checkPage(page, 'operator-partners-suspended');
    const partnerSession = await loggedIn(state, await state.world.user(Role.PARTNER, pending.partner));
    await partnerSession.page.goto('/leads');
    await partnerSession.page
      .getByRole('status')
      .filter({ hasText: 'is suspended by the platform' })
      .getByText(`The platform's reason: ${reason}`)
      .waitFor();
    await partnerSession.context.close();

    // Another role's page says which role it is for, in English.
    await page.goto('/requests');
    await page.getByText('This page is for seller accounts; you are logged in as an operator.').waitFor();
    await context.close();
  });

  it('sees an open inquiry in the queue, its ranked partners with each score part, assigns and unassigns', async () => {
    const service = { serviceType: ServiceType.LOGISTICS, title: 'Parcel desk' };
    const first = await state.world.partner({ services: [service] });
    const seller = await state.world.seller();
    const { inquiry } = await submitInquiry(seller, inquiryInput({ requestType: 'OPEN', serviceType: 'LOGISTICS' }));
    const second = await state.world.partner({ services: [service] });

    const { context, page } = await loggedIn(state, await state.world.user(Role.OPERATOR));
    await page.getByRole('link', { name: 'Open inquiries' }).click();
    await page
      .getByRole('row', { name: /Logistics/ })
      .getByRole('link')
      .click();
    await page.getByRole('heading', { name: 'Recommended partners' }).waitFor();
    const assigned = page.getByRole('listitem').filter({ hasText: `${first.partner.name}: New` });
    await assigned.waitFor();
    const recommendation = page.getByRole('listitem').filter({ hasText: second.partner.name });
    await recommendation.locator('summary', { hasText: 'Score parts' }).click();
    expect(await recommendation.getByRole('row').count()).toBeGreaterThan(3);
    await screenshot(page, 'operator-recommendations');

    await recommendation.getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Assign 1 selected' }).click();
    await page.getByText('Assigned 1 partner.').waitFor();
    await page
      .getByRole('listitem')
      .filter({ hasText: `${second.partner.name}: New` })
      .waitFor();

    // Unassigning asks first, says the partner cannot get the inquiry again, asks why, and confirms it happened.
    await assigned.getByRole('button', { name: `Unassign ${first.partner.name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Unassign ${first.partner.name}?` });
    await dialog.getByText(`so ${first.partner.name} cannot be assigned it again`).waitFor();
    await dialog.getByRole('button', { name: 'Unassign' }).click();
    await dialog.getByText('Give a reason: the partner sees it').waitFor();
    await checkPage(page, 'operator-unassign-dialog');
    const reason = 'The seller wants a partner based in Mexico.';
    await dialog.getByLabel('Reason').fill(reason);
    await dialog.getByRole('button', { name: 'Unassign' }).click();
    await page.getByText(`${first.partner.name} no longer has this inquiry.`).waitFor();
    const unassigned = page.getByRole('listitem').filter({ hasText: `${first.partner.name}: Closed (Unassigned)` });
    await expect.poll(() => unassigned.count()).toBe(1);
    await unassigned.getByText(`Reason: ${reason}`).waitFor();
    await page.getByText('a partner never gets the same inquiry twice').waitFor();
    await screenshot(page, 'operator-unassigned');

    // The queue counts only the partners still working the inquiry.
    await page.getByRole('link', { name: '← Open inquiries' }).click();
    const queueRow = page.getByRole('row', { name: /Logistics/ });
    await expect.poll(() => queueRow.locator('td[data-label="Active partners"]').textContent()).toBe('1');
    expect(inquiry.id).toBeTruthy();
    await context.close();

    // The partner reads the operator's reason in the lead's history.
    const leadId = inquiry.leads.edges.find((e: any) => e.node.partner.id === first.partnerId).node.id as string;
    const member = await loggedIn(state, await state.world.user(Role.PARTNER, first.partner));
    await member.page.goto(`/leads/${leadId}`);
    await member.page.locator('ol.history li').filter({ hasText: 'Unassigned by the operator' }).getByText(`Reason: ${reason}`).waitFor();
    await checkPage(member.page, 'lead-unassigned-history');
    await member.context.close();
  });
});
