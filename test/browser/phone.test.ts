// The app on a 390 px phone: the menu folds away, screens fit the width without sideways scrolling.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startStack, type Stack } from './support/stack.ts';
import { logIn, openBrowser, type BrowserSession } from './support/browser.ts';
import { createProduct } from './support/seed.ts';
import { startShopify } from './support/shopify.ts';

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('phone layout', () => {
  let stack: Stack;
  let browser: BrowserSession;
  let shopify: Awaited<ReturnType<typeof startShopify>>;

  beforeAll(async () => {
    shopify = await startShopify();
    stack = await startStack();
    await createProduct(stack, { name: 'Enamel mug', variants: [{ sku: 'MUG-1', price: '8.00' }] });
    browser = await openBrowser(stack.baseUrl, { width: 390, height: 844 });
    await logIn(browser.page);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
    await shopify?.close();
  });

  it('folds the menu and fits products, till and stores into 390 px', async () => {
    const { page } = browser;
    await page.getByTestId('row-count').getByText('1 product').waitFor();
    expect(await page.getByRole('link', { name: /Till/ }).isVisible()).toBe(false);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await browser.screenshot('phone-products', { docs: true });

    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('link', { name: /Till/ }).click();
    await page.getByRole('heading', { name: 'Till' }).waitFor();
    expect(await page.getByRole('link', { name: /Till/ }).isVisible()).toBe(false);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await browser.screenshot('phone-till', { docs: true });

    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Marketplace/ }).click();
    await page.getByRole('button', { name: 'Connect a store' }).click();
    await page.getByRole('form', { name: 'Connect a store' }).waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
  });

  it('fits a store, with its drift, push limits and rate budget, into 390 px', async () => {
    const { page } = browser;
    const connected = await stack.call('POST', '/api/stores', { platform: 'shopify', url: shopify.url, credentials: shopify.credentials, name: 'Web shop' });
    expect(connected.status).toBe(201);
    await page.goto(`/#/stores/${connected.body.id}`);
    await page.getByTestId('store-limits').getByText(/250 quantities per request/).waitFor();
    await page.getByTestId('store-governor').getByText(/^Bucket at/).waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await browser.screenshot('phone-store', { docs: true });
  });
});
