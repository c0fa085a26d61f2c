import { describe, expect, it } from 'vitest';
import { Role } from '@slp/shared';
import { checkPage, hasChromium, loggedIn, useBrowserApp } from './browser';

describe.skipIf(!hasChromium)('GraphiQL', () => {
  const state = useBrowserApp();

  it("shows the schema docs and runs queries with the viewer's session", async () => {
    const seller = await state.world.user(Role.SELLER);
    const { context, page } = await loggedIn(state, seller);
    await page.goto('/graphiql');
    await page.locator('.graphiql-doc-explorer').getByText('Query', { exact: true }).first().waitFor();
    await page.locator('.graphiql-query-editor').getByText('query').first().waitFor();
    // Monaco wraps long lines, so compare the response's text without whitespace. On a busy machine
    // the editor may take a moment to accept the first click: run the query until a response shows.
    const response = page.locator('.graphiql-response');
    await expect
      .poll(
        async () => {
          const text = (await response.innerText()).replace(/\s/g, '');
          if (!text) await page.getByRole('button', { name: /Execute query/ }).click();
          return text;
        },
        { timeout: 20_000 },
      )
      .toContain(`"email":"${seller.email}"`);
    // Left out of the check: GraphiQL's own tab bar, which puts its close buttons inside role="tab"
    // items (nested-interactive), and the editors' rendered code, coloured by Monaco's syntax theme
    // (screen readers read the editors' own text areas, which are checked).
    const outside = ['.graphiql-tabs', '.monaco-editor .view-lines'];
    await checkPage(page, 'graphiql', outside);
    await page.setViewportSize({ width: 390, height: 844 });
    await checkPage(page, 'graphiql-phone', outside);
    // The way back to the app.
    await page.getByRole('link', { name: 'Back to Seller Leads Pool' }).click();
    await page.getByRole('heading', { name: 'Find a service partner' }).waitFor();
    await context.close();
  });
});
