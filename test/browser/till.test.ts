// The till in Chromium: sell and return by SKU and barcode, decimal quantities for per-unit
// products, an unknown barcode sold as an unallocated item that lands in Unallocated, and an
// archived product: not offered by the lookup, but a scan still sells it, with a warning.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from './support/stack.ts';
import { logIn, openBrowser, type BrowserSession } from './support/browser.ts';
import { apiOk, createProduct, receiveStock, seedMasterData, type MasterIds } from './support/seed.ts';

describe('till', () => {
  let stack: Stack;
  let browser: BrowserSession;
  let master: MasterIds;

  beforeAll(async () => {
    stack = await startStack();
    master = await seedMasterData(stack);
    await createProduct(stack, {
      name: 'Enamel mug',
      productType: 'fixed',
      variants: [{ sku: 'MUG-1', barcode: '5012345678900', price: '8.00' }],
    });
    await createProduct(stack, {
      name: 'Manila rope',
      productType: 'per_unit',
      unit: 'ft',
      variants: [{ sku: 'ROPE-12', barcode: '5099999999991', price: '1.20' }],
    });
    await receiveStock(stack, 'MUG-1', 10);
    await receiveStock(stack, 'ROPE-12', 100);
    const whistle = await createProduct(stack, { name: 'Tin whistle', productType: 'fixed', variants: [{ sku: 'WHISTLE-1', price: '6.00' }] });
    await receiveStock(stack, 'WHISTLE-1', 5);
    await apiOk(stack, 'PATCH', `/api/products/${whistle.id}`, { status: 'archived' });
    browser = await openBrowser(stack.baseUrl);
    await logIn(browser.page);
    await browser.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Till' }).click();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  const stockOf = async (sku: string) => (await apiOk<{ total: number }>(stack, 'GET', `/api/stock?sku=${sku}`)).total;

  it('sells by SKU, sells decimal feet of rope by barcode, and takes a return', async () => {
    const { page } = browser;
    const till = page.getByRole('form', { name: 'Till' });
    await till.getByLabel('SKU or barcode').fill('MUG-1');
    await till.getByLabel(/Quantity/).fill('2');
    await till.getByRole('button', { name: 'Sell' }).click();
    await page.getByTestId('till-ticket').getByText(/Sold 2 × .*MUG-1.*8 on hand/).waitFor();
    expect(await stockOf('MUG-1')).toBe(8);

    // A fixed product refuses a decimal quantity, with the reason.
    await till.getByLabel('SKU or barcode').fill('MUG-1');
    await page.getByTestId('till-match').waitFor();
    await till.getByLabel(/Quantity/).fill('1.5');
    await till.getByRole('button', { name: 'Sell' }).click();
    await page.getByText(/sold as whole items|whole units/).first().waitFor();
    expect(await stockOf('MUG-1')).toBe(8);

    await till.getByLabel('SKU or barcode').fill('5099999999991');
    await page.getByTestId('till-match').getByText(/per ft/).waitFor();
    await till.getByLabel('Quantity (ft)').fill('2.5');
    await till.getByRole('button', { name: 'Sell' }).click();
    await page.getByTestId('till-ticket').getByText(/Sold 2.5 × .*ROPE-12.*97.5 on hand/).waitFor();
    expect(await stockOf('ROPE-12')).toBe(97.5);

    await till.getByLabel('SKU or barcode').fill('MUG-1');
    await till.getByLabel(/Quantity/).fill('1');
    await till.getByRole('button', { name: 'Return' }).click();
    await page.getByTestId('till-ticket').getByText(/Returned 1 × .*MUG-1.*9 on hand/).waitFor();
    expect(await stockOf('MUG-1')).toBe(9);
    await browser.screenshot('till', { docs: true });
  });

  it('sells an unknown barcode as an unallocated item, which then waits in Unallocated', async () => {
    const { page } = browser;
    const till = page.getByRole('form', { name: 'Till' });
    await till.getByLabel('SKU or barcode').fill('4006381333931');
    await till.getByLabel(/Quantity/).fill('1');
    await till.getByRole('button', { name: 'Sell' }).click();
    const form = page.getByRole('form', { name: 'Sell as unallocated item' });
    await form.waitFor();
    await expect.poll(() => page.getByTestId('till-error').textContent()).toMatch(/4006381333931/);
    await form.getByLabel('Description').fill('Blue biro');
    await form.getByLabel('Price').fill('1.50');
    await form.getByLabel('Tax group').selectOption(master.taxGroupId);
    await browser.screenshot('till-unallocated', { docs: true });
    await form.getByRole('button', { name: 'Sell unallocated item' }).click();
    await page.getByTestId('till-ticket').getByText('Sold 1 × Blue biro (unallocated)').waitFor();

    const unallocated = await apiOk<{ items: { name: string; unallocated: boolean; missingFields: string[] }[] }>(
      stack,
      'GET',
      '/api/products?productGroup=unallocated&pageSize=50',
    );
    const biro = unallocated.items.find((p) => p.name === 'Blue biro');
    expect(biro?.unallocated).toBe(true);
    expect(biro?.missingFields).toContain('group');

    // And the Products screen's to-do list shows it.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Inventory/ }).click();
    await page.getByRole('button', { name: 'Unallocated to-do' }).click();
    await page.locator('.ag-pinned-left-cols-container [col-id="name"]', { hasText: 'Blue biro' }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Till' }).click();
  });

  it('does not offer an archived product as the code is typed, but sells it when scanned, saying it is archived', async () => {
    const { page } = browser;
    const till = page.getByRole('form', { name: 'Till' });
    const lookup = page.waitForResponse((response) => response.url().includes('/api/variants') && response.url().includes('WHISTLE-1'));
    await till.getByLabel('SKU or barcode').fill('WHISTLE-1');
    expect((await (await lookup).json()).items).toEqual([]);
    expect(await page.getByTestId('till-match').count()).toBe(0);
    await till.getByLabel(/Quantity/).fill('1');
    await till.getByRole('button', { name: 'Sell' }).click();
    await expect
      .poll(() => page.getByTestId('till-warning').textContent())
      .toBe('"Tin whistle" (WHISTLE-1) is archived; the sale is recorded all the same. Restore the product in its editor if it is back on sale.');
    await page.getByTestId('till-ticket').getByText(/Sold 1 × WHISTLE-1 \(archived product\).*4 on hand/).waitFor();
    expect(await stockOf('WHISTLE-1')).toBe(4);
    await browser.screenshot('till-archived', { docs: true });

    // The next sale clears the warning.
    await till.getByLabel('SKU or barcode').fill('MUG-1');
    await till.getByRole('button', { name: 'Sell' }).click();
    await page.getByTestId('till-ticket').getByText(/Sold 1 × .*MUG-1/).waitFor();
    expect(await page.getByTestId('till-warning').count()).toBe(0);
  });
});
