// Marketplace in Chromium against the real server and the Shopify emulator: connect a store
// (credentials checked on the spot), the store's push limits and rate budget as the API gives
// them, See N Local Products with the Ecommerce-flagged ones pre-selected (until a selection is
// saved, even an empty one), save, preview, continue as a background job while the user is
// elsewhere, the drafts on the emulator, a till sale reaching the store, and drift shown in the
// store list and the store once a reconcile has found it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from './support/stack.ts';
import { logIn, openBrowser, type BrowserSession } from './support/browser.ts';
import { apiOk, createProduct, receiveStock, seedMasterData, type CreatedProduct } from './support/seed.ts';
import { quantityOf, startShopify } from './support/shopify.ts';

describe('stores', () => {
  let stack: Stack;
  let shopify: Awaited<ReturnType<typeof startShopify>>;
  let browser: BrowserSession;
  let jacket: CreatedProduct;
  let lamp: CreatedProduct;
  let giftCard: CreatedProduct;
  let storeId = '';

  beforeAll(async () => {
    shopify = await startShopify();
    stack = await startStack({ worker: true });
    const master = await seedMasterData(stack);
    const complete = {
      productGroupId: master.groupId,
      brandId: master.brandId,
      supplierId: master.supplierId,
      taxGroupId: master.taxGroupId,
      productType: 'fixed',
    };
    jacket = await createProduct(stack, {
      ...complete,
      name: 'Trail jacket',
      ecommerce: true,
      attributes: [{ name: 'Size', values: ['M', 'L'] }],
      variants: [
        { sku: 'JKT-M', price: '120.00', costPrice: '50.00', values: ['M'] },
        { sku: 'JKT-L', price: '120.00', costPrice: '50.00', values: ['L'] },
      ],
    });
    lamp = await createProduct(stack, { ...complete, name: 'Desk lamp', ecommerce: true, variants: [{ sku: 'LAMP-1', price: '45.00', costPrice: '20.00' }] });
    giftCard = await createProduct(stack, { ...complete, name: 'Gift card', ecommerce: false, variants: [{ sku: 'GIFT-1', price: '25.00', costPrice: '0.00' }] });
    await receiveStock(stack, 'JKT-M', 5);
    await receiveStock(stack, 'JKT-L', 4);
    await receiveStock(stack, 'LAMP-1', 3);
    browser = await openBrowser(stack.baseUrl);
    await logIn(browser.page);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
    await shopify?.close();
  });

  it('connects a store, refusing a wrong token with the reason first', async () => {
    const { page } = browser;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Marketplace/ }).click();
    await page.getByText('No store is connected yet', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Connect a store' }).click();
    const form = page.getByRole('form', { name: 'Connect a store' });
    await form.getByLabel('Platform').selectOption('shopify');
    await form.getByLabel('Store address').fill(shopify.url);
    await form.getByLabel('Admin API access token').fill('shpat_wrong');
    await form.getByLabel('Name (optional)').fill('Web shop');
    await form.getByRole('button', { name: 'Connect' }).click();
    await expect.poll(() => page.getByTestId('connect-error').textContent(), { timeout: 15_000 }).toMatch(/\w+/);
    expect((await stack.call<{ items: unknown[] }>('GET', '/api/stores')).body.items).toHaveLength(0);
    await browser.screenshot('store-connect-error', { docs: true });

    await form.getByLabel('Admin API access token').fill(shopify.credentials.accessToken);
    await form.getByLabel('Safety buffer').fill('0');
    await form.getByRole('button', { name: 'Connect' }).click();
    await page.getByRole('heading', { name: 'Web shop' }).waitFor();
    const stores = (await stack.call<{ items: { id: string; name: string; platform: string }[] }>('GET', '/api/stores')).body.items;
    expect(stores).toMatchObject([{ name: 'Web shop', platform: 'shopify' }]);
    storeId = stores[0].id;

    // What the store view says of it comes from the API: the connector's limits, what the
    // governor heard when the credentials were checked, and no drift check yet.
    expect(await page.getByTestId('store-limits').textContent()).toMatch(/^250 quantities per request · 2,000-point bucket, refilling 100 points\/s/);
    expect(await page.getByTestId('store-governor').textContent()).toMatch(/^Bucket at [\d,]+ of 2,000 points · never throttled · \d+ requests? \(last answer .+\)\.$/);
    expect(await page.getByTestId('store-drift-summary').textContent()).toBe('not checked yet');
  });

  it('pre-selects the Ecommerce-flagged local products, saves, previews and publishes them as drafts in the background', async () => {
    const { page } = browser;
    await page.getByRole('tab', { name: 'See 3 Local Products' }).click();
    const row = (id: string) => page.locator(`[data-testid="local-products"] tr[data-product-id="${id}"] input[type="checkbox"]`);
    await row(jacket.id).waitFor();
    // The pre-selection is applied once the list has rendered: poll rather than read once.
    await expect.poll(() => row(jacket.id).isChecked()).toBe(true);
    await expect.poll(() => row(lamp.id).isChecked()).toBe(true);
    expect(await row(giftCard.id).isChecked()).toBe(false);
    await browser.screenshot('store-local-products', { docs: true });

    // Toggles and select all / none; an empty selection, saved, stays empty when the page comes
    // back (the flagged ones are no longer pre-selected once a selection is saved).
    await page.getByRole('button', { name: 'Select all' }).click();
    expect(await row(giftCard.id).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Select none' }).click();
    expect(await row(jacket.id).isChecked()).toBe(false);
    await page.getByRole('button', { name: 'Save selection' }).click();
    await page.getByText('Selection saved: 0 products.').waitFor();
    await page.reload();
    await page.getByRole('tab', { name: 'See 3 Local Products' }).click();
    await page.getByText('0 of 3 selected').waitFor();
    expect(await row(jacket.id).isChecked()).toBe(false);
    expect(await row(lamp.id).isChecked()).toBe(false);

    // Then the two flagged ones, saved.
    await row(jacket.id).check();
    await row(lamp.id).check();
    await page.getByText('2 of 3 selected').waitFor();
    await page.getByRole('button', { name: 'Save selection' }).click();
    await page.getByText('Selection saved: 2 products.').waitFor();
    const saved = await apiOk<{ productIds: string[] }>(stack, 'GET', `/api/stores/${storeId}/selection`);
    expect(saved.productIds.sort()).toEqual([jacket.id, lamp.id].sort());

    // The preview changes nothing on the store.
    await page.getByRole('button', { name: 'Preview' }).click();
    const plan = page.getByTestId('publish-plan');
    await plan.getByText('Create “Trail jacket” as a draft').waitFor();
    await plan.getByText('Create “Desk lamp” as a draft').waitFor();
    expect((await shopify.state()).products).toHaveLength(0);
    await browser.screenshot('store-publish-preview', { docs: true });

    // Continue, then go elsewhere while the job runs; the header says how it goes.
    await plan.getByRole('button', { name: /Continue — create 2 drafts/ }).click();
    await page.getByTestId('job-progress').waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Till' }).click();
    await page.getByRole('heading', { name: 'Till' }).waitFor();
    await page.getByTestId('jobs-indicator').waitFor();
    await expect.poll(() => page.getByTestId('jobs-indicator').textContent(), { timeout: 30_000 }).toMatch(/Jobs finished|failed/);

    // Back at the store: the finished job with its per-product results.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Marketplace/ }).click();
    await page.getByRole('link', { name: 'Web shop' }).click();
    const job = page.getByTestId('job-progress');
    await job.waitFor();
    expect(await job.getAttribute('data-state')).toBe('done');
    await job.getByText('2 of 2 done').waitFor();
    await page.getByRole('tab', { name: 'See 1 Local Products' }).waitFor();
    await browser.screenshot('store-publish-done', { docs: true });

    // The drafts are on the store with their stock.
    const state = await shopify.state();
    const titles = state.products.map((p) => `${p.title}:${p.status}`).sort();
    expect(titles).toEqual(['Desk lamp:DRAFT', 'Trail jacket:DRAFT']);
    expect(quantityOf(state, 'JKT-M')).toBe(5);
    expect(quantityOf(state, 'LAMP-1')).toBe(3);
  });

  it('sells at the till and the store quantity follows', async () => {
    const { page } = browser;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Till' }).click();
    const till = page.getByRole('form', { name: 'Till' });
    await till.getByLabel('SKU or barcode').fill('LAMP-1');
    await till.getByLabel(/Quantity/).fill('1');
    await till.getByRole('button', { name: 'Sell' }).click();
    await page.getByTestId('till-ticket').getByText(/Sold 1 × .*LAMP-1.*2 on hand/).waitFor();
    await expect.poll(async () => quantityOf(await shopify.state(), 'LAMP-1'), { timeout: 20_000, interval: 250 }).toBe(2);
  });

  it('reports drift made in the store admin and repairs it', async () => {
    const { page } = browser;
    const set = await fetch(`${shopify.url}/__emulator/inventory`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sku: 'JKT-M', quantity: 9 }),
    });
    expect(set.ok).toBe(true);
    // The scheduled reconcile (every 15 minutes) would find it; a dry run stands in for it here.
    expect((await stack.call('POST', `/api/stores/${storeId}/reconcile`, { dryRun: true })).body).toMatchObject({ found: 1, fixed: 0 });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Marketplace/ }).click();
    // The store list shows at a glance that the store is off.
    const listed = page.getByTestId('stores-table').locator('tr', { hasText: 'Web shop' }).getByTestId('store-drift');
    await listed.getByText('1 variant off').waitFor();
    await listed.getByText(/^checked .+/).waitFor();
    await browser.screenshot('stores-drift-off', { docs: true });
    await page.getByRole('link', { name: 'Web shop' }).click();
    await page.getByTestId('store-drift-summary').getByText('1 variant off').waitFor();
    await page.getByRole('tab', { name: 'Drift' }).click();
    const driftRow = page.getByTestId('drift-table').locator('tr', { hasText: 'JKT-M' });
    await driftRow.waitFor();
    expect((await driftRow.locator('td').allTextContents()).slice(2)).toEqual(['5', '9']);
    await browser.screenshot('store-drift', { docs: true });
    await page.getByRole('button', { name: 'Repair' }).click();
    await page.getByText(/Repaired: 1 of 1 variant set right on the store./).waitFor();
    await page.getByText('No drift: every linked variant shows what it should.').waitFor();
    expect(quantityOf(await shopify.state(), 'JKT-M')).toBe(5);
    // The repair is the last check now: the store is in step again.
    await page.getByTestId('store-drift-summary').getByText('none — 1 set right').waitFor();
    expect(await page.getByTestId('store-governor').textContent()).toMatch(/^Bucket at [\d,]+ of 2,000 points · never throttled · \d+ requests/);
    await browser.screenshot('store-health', { docs: true });
  });

  it('shows the store list, sync log and jobs', async () => {
    const { page } = browser;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Marketplace/ }).click();
    await page.getByTestId('stores-table').getByText('Web shop').waitFor();
    await page.getByTestId('store-drift').getByText('none — 1 set right').waitFor();
    await browser.screenshot('stores', { docs: true });
    await page.getByRole('link', { name: 'Web shop' }).click();
    // Importing again links what is already there and creates nothing twice.
    await page.getByRole('button', { name: 'Import catalogue again' }).click();
    await page.locator('[data-testid="job-progress"][data-state="done"]', { hasText: 'Importing the store' }).waitFor({ timeout: 20_000 });
    expect((await apiOk<{ total: number }>(stack, 'GET', '/api/products?pageSize=1')).total).toBe(3);
    await page.getByRole('tab', { name: 'Sync log' }).click();
    await page.getByTestId('store-jobs').getByText('Publishing products').waitFor();
    await page.getByTestId('sync-log').getByText('publish').first().waitFor();
    await page.getByLabel('Kind').selectOption('publish');
    await expect.poll(async () => (await page.getByTestId('sync-log').locator('tbody tr').allTextContents()).every((t) => t.includes('publish'))).toBe(true);
    await browser.screenshot('store-sync-log', { docs: true });
  });

  it('shows in the Ecommerce column set which stores each product is on', async () => {
    const { page } = browser;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Inventory/ }).click();
    await page.getByRole('radio', { name: 'Ecommerce' }).click();
    const storesCell = (id: string) => page.locator(`.ag-center-cols-container .ag-row[row-id="${id}"] [col-id="stores"]`);
    await storesCell(jacket.id).getByText('Web shop').waitFor();
    await storesCell(lamp.id).getByText('Web shop').waitFor();
    await storesCell(giftCard.id).getByText('Not linked').waitFor();
    await browser.screenshot('products-ecommerce-linked', { docs: true });
  });

  it('says why a product failed to publish, and the sync log retries only the failed item', async () => {
    const { page } = browser;
    const faults = (settings: object) =>
      fetch(`${shopify.url}/__emulator/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(settings) });
    expect((await faults({ errorRate: 1 })).ok).toBe(true);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Marketplace/ }).click();
    await page.getByRole('link', { name: 'Web shop' }).click();
    await page.getByRole('tab', { name: 'See 1 Local Products' }).click();
    await page.getByLabel('Select Gift card').check();
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByRole('button', { name: /Continue — create 1 draft/ }).click();
    const job = page.getByTestId('job-progress');
    await job.getByText('1 of 1 done, 1 failed').waitFor({ timeout: 20_000 });
    await job.locator('.job-errors').getByText(/^Gift card: .+/).waitFor();
    await page.getByTestId('jobs-indicator').getByText('1 job with failures').waitFor();
    await browser.screenshot('store-publish-failed', { docs: true });
    expect((await shopify.state()).products.map((p) => p.title)).not.toContain('Gift card');

    expect((await faults({ errorRate: 0 })).ok).toBe(true);
    await page.getByRole('tab', { name: 'Sync log' }).click();
    await page.getByLabel('Outcome').selectOption('failed');
    const failedEntry = page.getByTestId('sync-log').locator('tbody tr').first();
    await failedEntry.getByText('publish').waitFor();
    await failedEntry.getByRole('button', { name: 'Retry failed items' }).click();
    await page.getByText('Retrying the failed items', { exact: false }).waitFor();
    await expect
      .poll(async () => (await shopify.state()).products.filter((p) => p.title === 'Gift card').map((p) => p.status), { timeout: 20_000, interval: 300 })
      .toEqual(['DRAFT']);
    // Only the failed item ran again: the two earlier drafts were not created twice.
    expect((await shopify.state()).products.map((p) => p.title).sort()).toEqual(['Desk lamp', 'Gift card', 'Trail jacket']);
  });
});
