// Debian's Chromium driven by playwright-core (never a downloaded browser), one fresh profile per
// launch, and screenshots: every test's under test-artifacts/screens/; with
// STOCKROOM_UPDATE_SCREENS=1 the main screens also refresh docs/screens/ for docs/screens.md
// (opt-in, so a plain `npm test` leaves the work tree clean).
import { mkdirSync, mkdtempSync, rmSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { EMAIL, PASSWORD } from './stack.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const artifacts = path.join(root, 'test-artifacts/screens');
const docsScreens = path.join(root, 'docs/screens');

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  /** Saves a screenshot as test-artifacts/screens/<name>.png (and docs/screens/<name>.png with docs: true and STOCKROOM_UPDATE_SCREENS=1). */
  screenshot(name: string, options?: { docs?: boolean; fullPage?: boolean }): Promise<string>;
  close(): Promise<void>;
}

export async function openBrowser(baseUrl: string, viewport = { width: 1280, height: 860 }): Promise<BrowserSession> {
  const profile = mkdtempSync(path.join(tmpdir(), 'stockroom-chromium-'));
  // A fresh profile directory per launch. Playwright refuses --user-data-dir in launch()'s args;
  // launchPersistentContext is how it takes one.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    baseURL: baseUrl,
    viewport,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(15_000);
  mkdirSync(artifacts, { recursive: true });
  return {
    context,
    page,
    async screenshot(name, options = {}) {
      const file = path.join(artifacts, `${name}.png`);
      await page.screenshot({ path: file, fullPage: options.fullPage ?? false });
      if (options.docs && process.env.STOCKROOM_UPDATE_SCREENS === '1') {
        mkdirSync(docsScreens, { recursive: true });
        copyFileSync(file, path.join(docsScreens, `${name}.png`));
      }
      return file;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function logIn(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Email').fill(EMAIL);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('button', { name: 'Log out' }).waitFor();
}
