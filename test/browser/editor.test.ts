// The product editor in Chromium: five attributes, the variant matrix built from them, "copy
// price to all", the connected Shopify store's fit warning (3 options at most), and archiving
// offered when a product with stock history cannot be deleted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from './support/stack.ts';
import { logIn, openBrowser, type BrowserSession } from './support/browser.ts';
import { apiOk, createProduct, getProduct, receiveStock } from './support/seed.ts';
import { startShopify } from './support/shopify.ts';

describe('product editor', () => {
  let stack: Stack;
  let shopify: Awaited<ReturnType<typeof startShopify>>;
  let browser: BrowserSession;

  beforeAll(async () => {
    shopify = await startShopify();
    stack = await startStack();
    await apiOk(stack, 'POST', '/api/stores', { platform: 'shopify', url: shopify.url, credentials: shopify.credentials, name: 'Web shop' });
    browser = await openBrowser(stack.baseUrl);
    await logIn(browser.page);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
    await shopify?.close();
  });

  it('creates a 5-attribute product and says Shopify will merge it into 3 options', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'New product' }).click();
    const editor = page.getByRole('form', { name: 'Product editor' });
    await editor.getByLabel('Name').fill('Tailored trousers');
    await editor.getByLabel('Per unit').check();
    await editor.getByLabel('Unit', { exact: true }).fill('pair');
    await editor.getByLabel('Fixed (whole items)').check();
    await editor.getByLabel(/Ecommerce/).check();

    const attributes: [string, string][] = [
      ['Color', 'Navy, Grey'],
      ['Waist', '30, 32'],
      ['Length', '30, 32'],
      ['Fit', 'Slim, Regular'],
      ['Rise', 'Low, Mid'],
    ];
    for (const [index, [name, values]] of attributes.entries()) {
      await editor.getByRole('button', { name: 'Add attribute' }).click();
      await editor.getByLabel(`Attribute ${index + 1} name`).fill(name);
      await editor.getByLabel(`Attribute ${index + 1} values`).fill(values);
    }
    // A sixth is not offered.
    expect(await editor.getByRole('button', { name: 'Add attribute' }).isDisabled()).toBe(true);

    // 2^5 combinations in the matrix.
    const matrixRows = page.getByTestId('variant-matrix').locator('tbody tr');
    await expect.poll(() => matrixRows.count()).toBe(32);
    await page.getByTestId('store-fits').getByText('Shopify (Web shop): 5 attributes — will be merged into 3 options.').waitFor();

    await editor.getByRole('button', { name: 'Fill empty SKUs' }).click();
    await editor.getByLabel('price Navy / 30 / 30 / Slim / Low', { exact: true }).fill('49.00');
    await editor.getByLabel('costPrice Navy / 30 / 30 / Slim / Low').fill('18.00');
    await editor.getByRole('button', { name: 'Copy price to all' }).click();
    expect(await editor.getByLabel('price Grey / 32 / 32 / Regular / Mid', { exact: true }).inputValue()).toBe('49.00');
    expect(await editor.getByLabel('sku Grey / 32 / 32 / Regular / Mid').inputValue()).toBe('TAILOREDTR-GREY-32-32-REGU-MID');
    await editor.getByRole('heading', { name: /Variants/ }).scrollIntoViewIfNeeded();
    await browser.screenshot('product-editor-matrix', { docs: true });

    await editor.getByRole('button', { name: 'Create product' }).click();
    await page.waitForURL(/#\/products\/[^/]+$/);
    const productId = decodeURIComponent(page.url().split('#/products/')[1]);
    const saved = await getProduct(stack, productId);
    expect((saved.attributes as { name: string }[]).map((a) => a.name)).toEqual(['Color', 'Waist', 'Length', 'Fit', 'Rise']);
    expect(saved.variants).toHaveLength(32);
    expect(new Set(saved.variants.map((v) => v.price))).toEqual(new Set(['49.00']));
    expect(saved).toMatchObject({ ecommerce: true, productType: 'fixed' });

    // Saved: the editor shows it again, with how the store will take it.
    await page.getByRole('heading', { name: 'Tailored trousers' }).waitFor();
    await page.getByTestId('store-fits').getByText('Shopify (Web shop): 5 attributes — will be merged into 3 options.').waitFor();
    await page.getByTestId('store-fits').getByText(/On publishing: merged: /).waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await browser.screenshot('product-editor', { docs: true });
  });

  it('shows the API sentence when saving fails, next to the form', async () => {
    const { page } = browser;
    await page.goto('/#/products/new');
    const editor = page.getByRole('form', { name: 'Product editor' });
    await editor.getByLabel('Name').fill('Second trousers');
    await editor.getByLabel('sku default', { exact: true }).fill('TAILOREDTR-GREY-32-32-REGU-MID');
    await editor.getByLabel('price default', { exact: true }).fill('10.00');
    await editor.getByRole('button', { name: 'Create product' }).click();
    await expect.poll(() => page.getByTestId('save-error').textContent()).toMatch(/TAILOREDTR-GREY-32-32-REGU-MID/i);
    await page.getByTestId('variant-matrix').locator('td.error').getByText(/already used/).waitFor();
    await browser.screenshot('product-editor-error');
  });

  it('offers archiving when a product with stock history cannot be deleted, and restores it', async () => {
    const { page } = browser;
    const product = await createProduct(stack, { name: 'Worn boots', variants: [{ sku: 'BOOTS-1', price: '60' }] });
    await receiveStock(stack, 'BOOTS-1', 2);
    await page.goto(`/#/products/${product.id}`);
    const editor = page.getByRole('form', { name: 'Product editor' });
    await page.getByRole('heading', { name: 'Worn boots' }).waitFor();
    page.once('dialog', (dialog) => void dialog.accept());
    await editor.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => page.getByTestId('save-error').textContent()).toMatch(/"Worn boots" has stock history \(1 movement\), so it cannot be deleted/);
    await editor.getByRole('button', { name: 'Archive instead' }).click();
    await editor.getByText('Archived. Its stock history and store links are kept.').waitFor();
    expect((await getProduct(stack, product.id)).status).toBe('archived');
    await editor.getByRole('button', { name: 'Restore' }).click();
    await editor.getByText('Restored.').waitFor();
    expect((await getProduct(stack, product.id)).status).toBe('active');
    expect((await getProduct(stack, product.id)).variants).toHaveLength(1);
  });
});
