// Inventory → Products in Chromium: the Unallocated to-do list through the group column filter,
// bulk edit of three of its products, column sets, See Variants and inline edit, and archived
// products: out of the default list, archived in bulk, shown through the Status column's filter.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startStack, type Stack } from './support/stack.ts';
import { logIn, openBrowser, type BrowserSession } from './support/browser.ts';
import { apiOk, createProduct, getProduct, receiveStock, seedMasterData, type CreatedProduct, type MasterIds } from './support/seed.ts';

async function gridRowNames(page: Page): Promise<string[]> {
  const cells = page.locator('[data-testid="products-grid"] .ag-center-cols-container .ag-row, [data-testid="products-grid"] .ag-pinned-left-cols-container .ag-row');
  await cells.first().waitFor();
  return (await page.locator('[data-testid="products-grid"] .ag-pinned-left-cols-container [col-id="name"]').allTextContents()).map((t) => t.trim()).sort();
}

async function rowCountText(page: Page, expected: string): Promise<void> {
  await expect.poll(() => page.getByTestId('row-count').textContent(), { timeout: 10_000 }).toBe(expected);
}

describe('products grid', () => {
  let stack: Stack;
  let browser: BrowserSession;
  let master: MasterIds;
  const imported: CreatedProduct[] = [];
  let finished: CreatedProduct;

  beforeAll(async () => {
    stack = await startStack();
    master = await seedMasterData(stack);
    // Four products as an import leaves them: no group, brand, supplier, type, tax group or cost.
    for (const [index, name] of ['Linen shirt', 'Canvas tote', 'Wool beanie', 'Silk scarf'].entries()) {
      imported.push(await createProduct(stack, { name, variants: [{ sku: `IMP-${index + 1}`, price: `${10 + index}.00` }] }));
    }
    finished = await createProduct(stack, {
      name: 'Oxford shirt',
      productGroupId: master.groupId,
      brandId: master.brandId,
      supplierId: master.supplierId,
      taxGroupId: master.taxGroupId,
      productType: 'fixed',
      ecommerce: true,
      attributes: [{ name: 'Size', values: ['S', 'M'] }],
      variants: [
        { sku: 'OX-S', price: '30.00', costPrice: '12.00', values: ['S'] },
        { sku: 'OX-M', price: '30.00', costPrice: '12.00', values: ['M'] },
      ],
    });
    expect(imported.every((p) => p.unallocated)).toBe(true);
    expect(finished.unallocated).toBe(false);
    browser = await openBrowser(stack.baseUrl);
    await logIn(browser.page);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('filters the group column on Unallocated and bulk-edits three products out of it', async () => {
    const { page } = browser;
    await rowCountText(page, '5 products');

    // The product group column's own filter, set to Unallocated: the to-do list.
    const groupHeader = page.locator('.ag-header-cell[col-id="productGroupId"]');
    await groupHeader.hover();
    await groupHeader.locator('.ag-header-cell-filter-button, .ag-header-icon.ag-header-cell-menu-button').first().click();
    await page.getByRole('radio', { name: 'Unallocated' }).click();
    await rowCountText(page, '4 products');
    await page.keyboard.press('Escape');
    expect(await gridRowNames(page)).toEqual(['Canvas tote', 'Linen shirt', 'Silk scarf', 'Wool beanie']);
    // The missing fields are shown for each row.
    const linenRow = page.locator(`.ag-center-cols-container .ag-row[row-id="${imported[0].id}"]`);
    for (const label of ['Group', 'Brand', 'Supplier', 'Type', 'Tax group', 'Cost price']) {
      await linenRow.locator('[col-id="missingFields"] .chip', { hasText: label }).first().waitFor();
    }
    await browser.screenshot('products-unallocated', { docs: true });

    // Select three rows and bulk-edit them.
    for (const product of imported.slice(0, 3)) {
      await page.locator(`.ag-pinned-left-cols-container .ag-row[row-id="${product.id}"] .ag-selection-checkbox input`).check();
    }
    await page.getByText('3 selected').waitFor();
    await page.getByRole('button', { name: 'Bulk edit' }).click();
    const panel = page.getByRole('form', { name: 'Bulk edit' });
    await panel.getByLabel('Product group').selectOption(master.groupId);
    await panel.getByLabel('Brand').selectOption(master.brandId);
    await panel.getByLabel('Supplier').selectOption(master.supplierId);
    await panel.getByLabel('Product type').selectOption('fixed');
    await panel.getByLabel('Tax group').selectOption(master.taxGroupId);
    await panel.getByLabel('Cost price').fill('4.50');
    await panel.getByLabel('Ecommerce').selectOption('on');
    await browser.screenshot('products-bulk-edit', { docs: true });
    await panel.getByRole('button', { name: /Apply 7 changes/ }).click();
    await page.getByText('3 products updated.').waitFor();

    // Only the fourth is left to do, and the server agrees.
    await rowCountText(page, '1 product');
    expect(await gridRowNames(page)).toEqual(['Silk scarf']);
    for (const product of imported.slice(0, 3)) {
      const after = await getProduct(stack, product.id);
      expect(after.unallocated).toBe(false);
      expect(after).toMatchObject({ productGroupId: master.groupId, brandId: master.brandId, productType: 'fixed', ecommerce: true });
      expect(after.variants[0]).toMatchObject({ costPrice: '4.50' });
    }
    expect((await getProduct(stack, imported[3].id)).unallocated).toBe(true);
  });

  it('switches column sets, shows variants and saves an inline edit', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Unallocated to-do' }).click();
    await rowCountText(page, '5 products');

    await page.getByRole('radio', { name: 'Ecommerce' }).click();
    await page.locator('.ag-header-cell[col-id="stores"]').waitFor();
    await page.locator('.ag-header-cell[col-id="lastError"]').waitFor();
    expect(await page.locator('.ag-header-cell[col-id="brandId"]').count()).toBe(0);
    await browser.screenshot('products-ecommerce-fields');

    await page.getByRole('radio', { name: 'General' }).click();
    await page.getByLabel('See Variants').check();
    await rowCountText(page, '6 variants');
    await page.getByRole('radio', { name: 'Pricing' }).click();
    const priceCell = page.locator(`.ag-row[row-id="${finished.variants[1].id}"] [col-id="price"]`);
    await priceCell.dblclick();
    await priceCell.locator('input').fill('32.50');
    await priceCell.locator('input').press('Enter');
    await page.getByText('Saved Price').waitFor();
    const after = await getProduct(stack, finished.id);
    expect(after.variants.find((v) => v.sku === 'OX-M')?.price).toBe('32.50');
    await browser.screenshot('variants-pricing', { docs: true });

    // A bad value is refused with the API's sentence next to the grid, and the cell goes back.
    await priceCell.dblclick();
    await priceCell.locator('input').fill('-3');
    await priceCell.locator('input').press('Enter');
    await expect.poll(() => page.getByTestId('edit-error').textContent()).toMatch(/Could not change Price of “OX-M”: .+/);
    expect((await getProduct(stack, finished.id)).variants.find((v) => v.sku === 'OX-M')?.price).toBe('32.50');
  });

  it('says "more than 1,000" for a text search the server stopped counting, and the exact count once scrolled to the end', async () => {
    const { page } = browser;
    const lengths = Array.from({ length: 1005 }, (_, i) => String(i).padStart(4, '0'));
    await createProduct(stack, {
      name: 'Bolt pack',
      attributes: [{ name: 'Length', values: lengths }],
      variants: lengths.map((length) => ({ sku: `BOLT-${length}`, price: '0.10', values: [length] })),
    });
    // Still on See Variants: the Product column's text filter becomes the API's q.
    const productHeader = page.locator('.ag-header-cell[col-id="productName"]');
    await productHeader.hover();
    await productHeader.locator('.ag-header-cell-filter-button, .ag-header-icon.ag-header-cell-menu-button').first().click();
    await page.locator('.ag-filter .ag-text-field-input').first().fill('bolt');
    await rowCountText(page, 'more than 1,000 variants');
    await page.keyboard.press('Escape');

    // Scrolling down asks for block after block; the block holding the last match makes the count exact.
    const viewport = page.locator('[data-testid="products-grid"] .ag-body-viewport');
    await expect
      .poll(
        async () => {
          await viewport.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
          return page.getByTestId('row-count').textContent();
        },
        { timeout: 30_000, interval: 300 },
      )
      .toBe('1,005 variants');
    await viewport.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    await page.locator('.ag-center-cols-container .ag-row [col-id="sku"]', { hasText: 'BOLT-1004' }).waitFor();
    await browser.screenshot('variants-text-search-end');
  });

  it('leaves archived products out of the list, archives one in bulk, and shows them through the Status filter', async () => {
    const { page } = browser;
    const lamp = await createProduct(stack, { name: 'Brass lamp', variants: [{ sku: 'ARCH-LAMP', price: '45.00' }] });
    const kettle = await createProduct(stack, { name: 'Old kettle', variants: [{ sku: 'ARCH-KETTLE', price: '20.00' }] });
    await receiveStock(stack, 'ARCH-KETTLE', 2);
    await apiOk(stack, 'PATCH', `/api/products/${kettle.id}`, { status: 'archived' });
    await page.reload(); // a fresh grid: products, General fields, no filter (the session cookie stays)
    // 4 imported, Oxford shirt, Bolt pack and the lamp; not the archived kettle.
    await rowCountText(page, '7 products');
    expect(await page.locator(`.ag-row[row-id="${kettle.id}"]`).count()).toBe(0);

    // Archive the lamp through bulk edit: it leaves the list.
    await page.locator(`.ag-pinned-left-cols-container .ag-row[row-id="${lamp.id}"] .ag-selection-checkbox input`).check();
    await page.getByRole('button', { name: 'Bulk edit' }).click();
    const panel = page.getByRole('form', { name: 'Bulk edit' });
    await panel.getByLabel('Status').selectOption('archived');
    await panel.getByRole('button', { name: /Apply 1 change/ }).click();
    await page.getByText('1 product archived: kept with stock history and store links, and shown under Status → Archived.').waitFor();
    await rowCountText(page, '6 products');
    expect((await getProduct(stack, lamp.id)).status).toBe('archived');

    // The Status column's filter: Archived shows both, each marked.
    const statusHeader = page.locator('.ag-header-cell[col-id="status"]');
    await statusHeader.hover();
    await statusHeader.locator('.ag-header-cell-filter-button, .ag-header-icon.ag-header-cell-menu-button').first().click();
    await page.getByRole('radio', { name: 'Archived', exact: true }).click();
    await rowCountText(page, '2 products');
    await page.keyboard.press('Escape');
    // Each name cell reads the name followed by its Archived chip.
    expect(await gridRowNames(page)).toEqual(['Brass lampArchived', 'Old kettleArchived']);
    for (const product of [lamp, kettle]) {
      await page.locator(`.ag-pinned-left-cols-container .ag-row[row-id="${product.id}"] [col-id="name"] .chip.archived`, { hasText: 'Archived' }).waitFor();
      expect(await page.locator(`.ag-center-cols-container .ag-row[row-id="${product.id}"] [col-id="status"]`).textContent()).toBe('Archived');
    }
    await browser.screenshot('products-archived', { docs: true });

    // All, archived too; and back to the default, which leaves them out again.
    await statusHeader.hover();
    await statusHeader.locator('.ag-header-cell-filter-button, .ag-header-icon.ag-header-cell-menu-button').first().click();
    await page.getByRole('radio', { name: 'All', exact: true }).click();
    await rowCountText(page, '8 products');
    await page.getByRole('radio', { name: 'Active and draft' }).click();
    await rowCountText(page, '6 products');
    await page.keyboard.press('Escape');
  });
});
