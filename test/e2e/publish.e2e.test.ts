// Publish against the Shopify emulator over HTTP: the local-products list with fits, a dry run
// that changes nothing, drafts created with their stock, the merge/skip policy for a 5-attribute
// product, and EXACTLY ONCE — after a lost link, and when the CLI is killed mid-job and run again.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startShopify, TEST_SECRET, type SeededShopify } from './sync-fixtures.ts';
import { forEachDialect } from '../support/databases.ts';
import { openDatabase, type DatabaseHandle } from '../../src/db/handle.ts';
import { ensureDefaultAccount } from '../../src/accounts/accounts.ts';
import { createProduct } from '../../src/catalog/products.ts';
import { recordMovement } from '../../src/stock/record-movement.ts';
import { connectStore } from '../../src/sync/stores/connect-store.ts';
import { updateStoreSettings } from '../../src/sync/stores/store-settings.ts';
import { listLocalProducts } from '../../src/sync/publish/local-products.ts';
import { startPublish } from '../../src/sync/publish/publish-plan.ts';
import type { PublishReport } from '../../src/sync/publish/publish-job.ts';
import { runJobUntilFinished } from '../../src/jobs/wait-for-job.ts';
import { getJob } from '../../src/jobs/job-store.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

async function publishAndWait(handle: DatabaseHandle, accountId: string, storeId: string, request: Parameters<typeof startPublish>[3]): Promise<PublishReport> {
  const { plan, jobId } = await startPublish(handle, accountId, storeId, request);
  if (!jobId) return plan;
  const job = await runJobUntilFinished(handle, accountId, jobId);
  expect(job.state).toBe('done');
  return job.summary as PublishReport;
}

async function seedLocalCatalogue(handle: DatabaseHandle, accountId: string) {
  const tee = await createProduct(handle, accountId, {
    name: 'Plain Tee',
    ecommerce: true,
    attributes: [{ name: 'Size', values: ['S', 'M'] }],
    variants: [
      { sku: 'PT-S', barcode: '111', price: '10.00', values: ['S'] },
      { sku: 'PT-M', price: '10.00', values: ['M'] },
    ],
  });
  await recordMovement(handle, accountId, { sku: 'PT-S', kind: 'receipt', quantity: 4 });
  const jeans = await createProduct(handle, accountId, {
    name: 'Five-Way Jeans',
    ecommerce: true,
    attributes: [
      { name: 'Color', values: ['Blue'] },
      { name: 'Size', values: ['M'] },
      { name: 'Cut', values: ['Slim'] },
      { name: 'Length', values: ['30', '32'] },
      { name: 'Width', values: ['32'] },
    ],
    variants: [
      { sku: 'J-30', price: '50.00', values: ['Blue', 'M', 'Slim', '30', '32'] },
      { sku: 'J-32', price: '50.00', values: ['Blue', 'M', 'Slim', '32', '32'] },
    ],
  });
  const mug = await createProduct(handle, accountId, { name: 'Unflagged Mug', ecommerce: false, variants: [{ sku: 'MUG-U', price: '5.00' }] });
  return { tee, jeans, mug };
}

describe('publish (e2e, Shopify emulator)', () => {
  let shop: SeededShopify;
  beforeAll(async () => {
    shop = await startShopify([]);
  });
  afterAll(async () => {
    await shop?.close();
  });

  forEachDialect('in process', (getHandle) => {
    it('lists unlinked products with fits, dry-runs, publishes drafts with stock, follows the attribute policy, and never duplicates', async () => {
      await shop.control('reset', {});
      const handle = getHandle();
      const account = await ensureDefaultAccount(handle);
      const { tee, jeans, mug } = await seedLocalCatalogue(handle, account.id);
      const store = await connectStore(handle, account.id, { platform: 'shopify', url: shop.url, credentials: shop.credentials });

      const listed = await listLocalProducts(handle, account.id, store.id);
      expect(listed.map(({ productId, preselected, fits }) => ({ productId, preselected, fits }))).toEqual([
        { productId: jeans.id, preselected: true, fits: 'merged: Cut, Length, Width folded into one option "Cut / Length / Width"' },
        { productId: tee.id, preselected: true, fits: 'yes' },
        { productId: mug.id, preselected: false, fits: 'yes' },
      ]);

      // Policy skip: the 5-attribute product is blocked with the reason, in the list and the dry run.
      await updateStoreSettings(handle, account.id, store.id, { attributePolicy: 'skip' });
      const skipDry = await publishAndWait(handle, account.id, store.id, { flagged: true, dryRun: true });
      expect(skipDry.created.map((p) => p.name)).toEqual(['Plain Tee']);
      expect(skipDry.blocked).toEqual([
        { productId: jeans.id, name: 'Five-Way Jeans', reason: "it has 5 attributes and the store takes at most 3 (the store's policy is to skip such products)" },
      ]);
      await updateStoreSettings(handle, account.id, store.id, { attributePolicy: 'merge' });

      const dry = await publishAndWait(handle, account.id, store.id, { flagged: true, dryRun: true });
      expect(dry).toEqual({ created: [{ productId: jeans.id, name: 'Five-Way Jeans' }, { productId: tee.id, name: 'Plain Tee' }], blocked: [], failed: [] });
      expect((await shop.state()).products).toEqual([]);

      const report = await publishAndWait(handle, account.id, store.id, { flagged: true });
      expect(report.created.map((p) => p.name).sort()).toEqual(['Five-Way Jeans', 'Plain Tee']);
      expect(report.failed).toEqual([]);
      const state = await shop.state();
      expect(state.products).toHaveLength(2);
      for (const product of state.products) expect(product.status).toBe('DRAFT');
      const remoteTee = state.products.find((p) => p.title === 'Plain Tee')!;
      const location = state.locations[0].id;
      expect(remoteTee.variants.map((v) => [v.sku, v.barcode || null, v.price, v.quantities[location]])).toEqual([
        ['PT-S', '111', '10.00', 4],
        ['PT-M', null, '10.00', 0],
      ]);
      const remoteJeans = state.products.find((p) => p.title === 'Five-Way Jeans')!;
      expect(remoteJeans.variants.map((v) => v.options)).toEqual([
        ['Blue', 'M', 'Slim / 30 / 32'],
        ['Blue', 'M', 'Slim / 32 / 32'],
      ]);

      // Twice: nothing left to create; naming a published product says it is there already.
      expect(await publishAndWait(handle, account.id, store.id, { flagged: true })).toEqual({ created: [], blocked: [], failed: [] });
      const again = await publishAndWait(handle, account.id, store.id, { productIds: [tee.id] });
      expect(again.blocked).toEqual([{ productId: tee.id, name: 'Plain Tee', reason: 'it is already on the store' }]);

      // A crash between "created" and "linked": the link is gone, the product is on the store.
      const link = await handle.db.selectFrom('product_link').select('id').where('product_id', '=', tee.id).executeTakeFirstOrThrow();
      await handle.db.deleteFrom('variant_link').where('product_link_id', '=', link.id).execute();
      await handle.db.deleteFrom('product_link').where('id', '=', link.id).execute();
      const relinked = await publishAndWait(handle, account.id, store.id, { productIds: [tee.id] });
      expect(relinked.created).toEqual([{ productId: tee.id, name: 'Plain Tee' }]);
      expect((await shop.state()).products).toHaveLength(2);
      const links = await handle.db.selectFrom('variant_link').select(['remote_variant_id']).where('store_id', '=', store.id).execute();
      expect(links).toHaveLength(4);
    });
  });

  forEachDialect('failures', (getHandle) => {
    it('reports each failed product with the reason, and a retry takes only the failed ones', async () => {
      await shop.control('reset', {});
      const handle = getHandle();
      const account = await ensureDefaultAccount(handle);
      const first = await createProduct(handle, account.id, { name: 'Retry A', variants: [{ sku: 'RETRY-A', price: '1.00' }] });
      const second = await createProduct(handle, account.id, { name: 'Retry B', variants: [{ sku: 'RETRY-B', price: '1.00' }] });
      const store = await connectStore(handle, account.id, { platform: 'shopify', url: shop.url, credentials: shop.credentials });
      const { jobId: okJob } = await startPublish(handle, account.id, store.id, { productIds: [first.id] });
      await runJobUntilFinished(handle, account.id, okJob!);

      await shop.control('faults', { errorRate: 1 });
      const { jobId } = await startPublish(handle, account.id, store.id, { productIds: [second.id] });
      const failed = await runJobUntilFinished(handle, account.id, jobId!);
      expect(failed.state).toBe('done');
      expect(failed.summary).toMatchObject({ created: [], failed: [{ productId: second.id, name: 'Retry B' }] });
      expect((failed.summary as PublishReport).failed[0].reason.length).toBeGreaterThan(10);
      expect(failed.errors).toEqual([{ item: second.id, label: 'Retry B', reason: (failed.summary as PublishReport).failed[0].reason }]);

      await shop.control('faults', { errorRate: 0 });
      const { retryJob } = await import('../../src/jobs/job-store.ts');
      await retryJob(handle, account.id, jobId!);
      const retried = await runJobUntilFinished(handle, account.id, jobId!);
      expect(retried.summary).toEqual({ created: [{ productId: second.id, name: 'Retry B' }], blocked: [], failed: [] });
      const titles = (await shop.state()).products.map((p) => p.title).sort();
      expect(titles).toEqual(['Retry A', 'Retry B']);
    });
  });

  it('creates drafts exactly once when the CLI is killed mid-job and run again', { timeout: 150_000 }, async () => {
    await shop.control('reset', {});
    const dataDir = mkdtempSync(path.join(tmpdir(), 'stockroom-publish-kill-'));
    const PRODUCTS = 10;
    let storeId: string;
    let handle = await openDatabase({ dataDir });
    try {
      const account = await ensureDefaultAccount(handle);
      for (let n = 0; n < PRODUCTS; n++) {
        await createProduct(handle, account.id, { name: `Kill Test ${String(n).padStart(2, '0')}`, ecommerce: true, variants: [{ sku: `KILL-${n}`, price: '1.00' }] });
      }
      storeId = (await connectStore(handle, account.id, { platform: 'shopify', url: shop.url, credentials: shop.credentials })).id;
    } finally {
      await handle.close();
    }
    // Slow the store down so the kill lands mid-job.
    await shop.control('faults', { latencyMs: 120 });
    const env = { ...process.env, STOCKROOM_SECRET: TEST_SECRET, STOCKROOM_JOB_LEASE_MS: '1000', DATABASE_URL: '' };
    const args = ['bin/stockroom.mjs', '--data', dataDir, 'store', 'publish', storeId, '--flagged', '--wait', '--json'];

    const first = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const firstExit = new Promise<number | null>((resolve) => first.on('exit', (code) => resolve(code)));
    const deadline = Date.now() + 60_000;
    while ((await shop.state()).products.length === 0) {
      if (Date.now() > deadline) throw new Error('the first run never created a product');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    first.kill('SIGKILL');
    await firstExit;
    const createdBeforeKill = (await shop.state()).products.length;
    expect(createdBeforeKill).toBeGreaterThanOrEqual(1);
    expect(createdBeforeKill).toBeLessThan(PRODUCTS);

    const second = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    second.stdout.on('data', (chunk) => (stdout += chunk));
    second.stderr.on('data', (chunk) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => second.on('exit', (exitCode) => resolve(exitCode)));
    expect(stderr).not.toMatch(/failed/);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as PublishReport;
    expect(report.failed).toEqual([]);

    const products = (await shop.state()).products;
    expect(products).toHaveLength(PRODUCTS);
    expect(new Set(products.flatMap((p) => p.variants.map((v) => v.sku))).size).toBe(PRODUCTS);

    // The killed run's job is resumed once its lease expires, and creates nothing more.
    handle = await openDatabase({ dataDir });
    try {
      const account = await ensureDefaultAccount(handle);
      expect(await handle.db.selectFrom('product_link').select('id').execute()).toHaveLength(PRODUCTS);
      const orphan = await handle.db.selectFrom('job').select(['id', 'state']).where('kind', '=', 'store-publish').orderBy('created_at').executeTakeFirstOrThrow();
      expect(orphan.state).toBe('running');
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const resumed = await runJobUntilFinished(handle, account.id, orphan.id);
      expect(resumed.state).toBe('done');
      expect((await getJob(handle, account.id, orphan.id)).attempts).toBe(2);
      expect((await shop.state()).products).toHaveLength(PRODUCTS);
    } finally {
      await handle.close();
      await shop.control('faults', { latencyMs: 0 });
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
