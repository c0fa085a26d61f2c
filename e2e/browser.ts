import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../server/test/harness';
import { PASSWORD, World } from '../server/test/fixtures';
import { clientDist, ensureClientBuilt } from './build-client';

/** Debian's Chromium package; the tests never download a browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = fs.existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(`\n*** Browser tests SKIPPED: no Chromium at ${CHROMIUM}. Install it with \`apt-get install -y chromium\`. ***\n`);
}

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const artifactsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../test-artifacts');

export async function launchBrowser(): Promise<Browser> {
  fs.mkdirSync(artifactsDir, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/** A separate browser profile (own cookies) at desktop or phone width. */
export async function newUser(browser: Browser, baseURL: string, phone = false): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL,
    viewport: phone ? { width: 390, height: 844 } : { width: 1280, height: 900 },
  });
  context.setDefaultTimeout(15_000);
  return { context, page: await context.newPage() };
}

export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: path.join(artifactsDir, `${name}.png`), fullPage: true });
}

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/**
 * Runs axe-core inside the page (WCAG 2 A/AA rules and best practices) and fails on any serious or
 * critical violation, naming the rule and the first elements it found.
 */
export async function expectAccessible(page: Page, name: string, exclude: string[] = []) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async (excluded) => {
    const axe = (window as unknown as { axe: { run(context: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run({ include: [document], exclude: excluded.map((selector) => [selector]) })).violations;
  }, exclude);
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => JSON.stringify(n.target))
          .join(', ')}`,
    );
  if (serious.length) throw new Error(`axe on ${name}:\n${serious.join('\n')}`);
}

/** The accessibility check and a screenshot of the page as it is now. */
export async function checkPage(page: Page, name: string, exclude: string[] = []) {
  await expectAccessible(page, name, exclude);
  await screenshot(page, name);
}

export async function logIn(page: Page, email: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('button', { name: 'Log out' }).waitFor();
}

export interface BrowserApp {
  app: TestApp;
  world: World;
  browser: Browser;
  baseURL: string;
}

/** Per test file: the real app on its own cloned database serving the built SPA, and one Chromium. */
export function useBrowserApp(): BrowserApp {
  const state = {} as BrowserApp;
  beforeAll(async () => {
    await ensureClientBuilt();
    state.app = await startTestApp({ clientDist });
    state.world = new World(state.app);
    state.baseURL = state.app.url.replace(/\/graphql$/, '');
    state.browser = await launchBrowser();
  });
  afterAll(async () => {
    await state.browser?.close();
    await state.app?.close();
  });
  return state;
}

/** Logs a new user of this role in through the UI, in its own browser context. */
export async function loggedIn(state: BrowserApp, user: { email: string }, phone = false) {
  const session = await newUser(state.browser, state.baseURL, phone);
  await logIn(session.page, user.email, PASSWORD);
  return session;
}
