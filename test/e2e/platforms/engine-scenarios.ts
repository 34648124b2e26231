// The engine-level scenarios every platform must pass, run against that platform's emulator over
// real HTTP: the same steps and the same expectations, driven through the engine's public
// functions and its webhook endpoint (the real HTTP app). A platform file calls
// defineEngineScenarios(target). Where a platform really differs (compare-and-set or not) the
// scenario says so in the one assertion that differs.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TEST_SECRET } from '../sync-fixtures.ts';
import { listenApp, localQuantity, syncToIdle, waitFor, type ListeningApp } from '../stock-sync-fixtures.ts';
import { forEachDialect } from '../../support/databases.ts';
import type { DatabaseHandle } from '../../../src/db/handle.ts';
import { ensureDefaultAccount } from '../../../src/accounts/accounts.ts';
import { createProduct, getProduct, updateProduct } from '../../../src/catalog/products.ts';
import { createMasterItem } from '../../../src/catalog/master-data.ts';
import { listProducts } from '../../../src/catalog/listing.ts';
import { recordMovement } from '../../../src/stock/record-movement.ts';
import { connectStore } from '../../../src/sync/stores/connect-store.ts';
import { startImport } from '../../../src/sync/import/start-import.ts';
import { startPublish } from '../../../src/sync/publish/publish-plan.ts';
import type { PublishReport } from '../../../src/sync/publish/publish-job.ts';
import { runJobUntilFinished } from '../../../src/jobs/wait-for-job.ts';
import { syncOnce } from '../../../src/sync/engine-loop/sync-loop.ts';
import { storeDrift, reconcileNow } from '../../../src/sync/reconcile/reconcile-service.ts';
import { pushProductUpdates } from '../../../src/sync/product-updates/product-update-task.ts';
import { listSyncLog } from '../../../src/sync/sync-log/sync-log.ts';
import { findBySku } from '../../conformance/emulator-control.ts';
import type { CatalogueProduct, PlatformTarget, RunningStore } from './platform-target.ts';

/** The store's catalogue before Stockroom connects. */
export const SCENARIO_CATALOGUE: CatalogueProduct[] = [
  {
    title: 'Cotton Tee',
    description: '<p>Soft cotton, written on the store</p>',
    options: [{ name: 'Size', values: ['S', 'M'] }],
    variants: [
      { sku: 'TEE-S', price: '12.50', values: ['S'], quantity: 5 },
      { sku: 'TEE-M', price: '12.50', values: ['M'], quantity: 3 },
    ],
  },
  { title: 'Stoneware Mug', variants: [{ sku: 'MUG-1', price: '8.00', quantity: 7 }] },
  { title: 'Polled Candle', variants: [{ sku: 'POLL-1', price: '9.00', quantity: 10 }] },
  { title: 'Hooked Candle', variants: [{ sku: 'HOOK-1', price: '9.00', quantity: 10 }] },
  { title: 'Raced Candle', variants: [{ sku: 'RACE-1', price: '9.00', quantity: 10 }] },
  { title: 'Drift Lamp', variants: [{ sku: 'DRIFT-1', price: '25.00', quantity: 6 }] },
];

const NEW_PRODUCTS = ['Cotton Tee', 'Drift Lamp', 'Hooked Candle', 'Polled Candle', 'Raced Candle'];
const ALL_SKUS = ['TEE-S', 'TEE-M', 'MUG-1', 'POLL-1', 'HOOK-1', 'RACE-1', 'DRIFT-1'];

interface ImportSummary {
  linked: number;
  created: number;
  skipped: Array<{ sku: string; reason: string }>;
}

export async function importAndWait(handle: DatabaseHandle, accountId: string, storeId: string): Promise<ImportSummary> {
  const { jobId } = await startImport(handle, accountId, storeId);
  const job = await runJobUntilFinished(handle, accountId, jobId);
  expect(job.error).toBeNull();
  expect(job.state).toBe('done');
  return job.summary as ImportSummary;
}

export async function publishAndWait(handle: DatabaseHandle, accountId: string, storeId: string, request: Parameters<typeof startPublish>[3]): Promise<PublishReport> {
  const { plan, jobId } = await startPublish(handle, accountId, storeId, request);
  if (!jobId) return plan;
  const job = await runJobUntilFinished(handle, accountId, jobId);
  expect(job.state).toBe('done');
  return job.summary as PublishReport;
}

/** Order-line movements (kind, units) for a SKU, oldest first. */
async function orderMovements(handle: DatabaseHandle, sku: string): Promise<Array<[string, number]>> {
  const rows = await handle.db
    .selectFrom('stock_movement')
    .innerJoin('variant', 'variant.id', 'stock_movement.variant_id')
    .select(['stock_movement.kind', 'stock_movement.quantity_milli'])
    .where('variant.sku', '=', sku)
    .where('stock_movement.kind', 'in', ['channel_order', 'channel_refund'])
    .orderBy('stock_movement.created_at')
    .execute();
  return rows.map((r) => [r.kind, Number(r.quantity_milli) / 1000]);
}

async function deliveries(handle: DatabaseHandle, storeId: string): Promise<number> {
  return (await handle.db.selectFrom('webhook_delivery').select('delivery_id').where('store_id', '=', storeId).execute()).length;
}

/** Every master field a product can miss, so it is not Unallocated. */
async function fullyAllocated(handle: DatabaseHandle, accountId: string) {
  return {
    productGroupId: (await createMasterItem(handle, accountId, 'product_group', { name: 'Kitchen' })).id,
    brandId: (await createMasterItem(handle, accountId, 'brand', { name: 'Potter' })).id,
    supplierId: (await createMasterItem(handle, accountId, 'supplier', { name: 'Clay Co' })).id,
    taxGroupId: (await createMasterItem(handle, accountId, 'tax_group', { name: 'Standard', rate: '20' })).id,
    productType: 'fixed' as const,
  };
}

function badCredentials(good: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(good).map(([key, value]) => [key, key === 'storeHash' ? value : `${value}-wrong`]));
}

export function defineEngineScenarios(target: PlatformTarget): void {
  forEachDialect(`engine scenarios (e2e, ${target.platform} emulator)`, (handle) => {
    let store: RunningStore;
    let app: ListeningApp;
    let accountId = '';
    let storeId = '';

    beforeAll(async () => {
      expect(process.env.STOCKROOM_SECRET).toBe(TEST_SECRET);
      store = await target.startEmulator(SCENARIO_CATALOGUE);
      app = await listenApp(handle());
      accountId = (await ensureDefaultAccount(handle())).id;
    });

    afterAll(async () => {
      // The store first, so no webhook delivery is in flight while the app closes.
      await store?.close();
      await app?.close();
    });

    it('refuses bad credentials at connect and saves nothing', async () => {
      await expect(
        connectStore(handle(), accountId, { platform: target.platform, url: store.url, credentials: badCredentials(store.credentials) }),
      ).rejects.toThrow(/refused these credentials/);
      expect(await handle().db.selectFrom('store').select('id').execute()).toEqual([]);
    });

    it('connects with webhooks, imports by SKU into Unallocated, and a second import duplicates nothing', async () => {
      // A local mug with the store's SKU: it is linked, keeps its own stock (2), which is then pushed.
      const mug = await createProduct(handle(), accountId, { name: 'Mug (local name)', ...(await fullyAllocated(handle(), accountId)), variants: [{ sku: 'MUG-1', price: '7.50', costPrice: '3.00' }] });
      await recordMovement(handle(), accountId, { sku: 'MUG-1', kind: 'receipt', quantity: 2 });

      const connected = await connectStore(handle(), accountId, { platform: target.platform, url: store.url, credentials: store.credentials }, { publicUrl: app.baseUrl });
      expect(connected.webhookNote).toBeNull();
      storeId = connected.id;

      const first = await importAndWait(handle(), accountId, storeId);
      expect(first).toEqual({ linked: 1, created: ALL_SKUS.length - 1, skipped: [] });
      const unallocated = await listProducts(handle(), accountId, { productGroup: 'unallocated' });
      expect(unallocated.items.map((p) => p.name).sort()).toEqual(NEW_PRODUCTS);
      for (const item of unallocated.items) {
        expect(item.ecommerce).toBe(true);
        expect(item.missingFields).toEqual(expect.arrayContaining(['group', 'brand', 'supplier', 'taxGroup', 'costPrice']));
      }
      const teeId = unallocated.items.find((p) => p.name === 'Cotton Tee')!.id;
      const tee = await getProduct(handle(), accountId, teeId);
      expect(tee.description).toBe('<p>Soft cotton, written on the store</p>');
      expect(tee.attributes).toEqual([{ name: 'Size', values: ['S', 'M'] }]);
      expect(tee.variants.map((v) => [v.sku, v.price, v.values])).toEqual([
        ['TEE-S', '12.50', ['S']],
        ['TEE-M', '12.50', ['M']],
      ]);
      expect(await localQuantity(handle(), accountId, 'TEE-S')).toBe(5);
      expect(await localQuantity(handle(), accountId, 'MUG-1')).toBe(2);
      expect((await getProduct(handle(), accountId, mug.id)).name).toBe('Mug (local name)');

      // The second run starts while the store answers 5xx to everything, and it recovers 300 ms
      // later: the page is read again after a short wait instead of failing the job.
      await store.setFaults({ errorRate: 1 });
      const recovered = new Promise((resolve) => setTimeout(resolve, 300)).then(() => store.setFaults({}));
      const second = await importAndWait(handle(), accountId, storeId);
      await recovered;
      expect(second).toEqual({ linked: ALL_SKUS.length, created: 0, skipped: [] });
      expect(await handle().db.selectFrom('product').select('id').where('account_id', '=', accountId).execute()).toHaveLength(SCENARIO_CATALOGUE.length);
      expect(await handle().db.selectFrom('variant_link').select('id').where('store_id', '=', storeId).execute()).toHaveLength(ALL_SKUS.length);

      await syncToIdle(handle());
      expect(await store.quantity('MUG-1')).toBe(2);
      expect(await store.quantity('TEE-S')).toBe(5);
    });

    it('publishes a local product as a draft with its stock exactly once, even after its link is lost', async () => {
      const lantern = await createProduct(handle(), accountId, {
        name: 'Local Lantern',
        ecommerce: true,
        attributes: [{ name: 'Size', values: ['Small', 'Large'] }],
        variants: [
          { sku: 'LANT-S', price: '15.00', values: ['Small'] },
          { sku: 'LANT-L', price: '19.00', values: ['Large'] },
        ],
      });
      await recordMovement(handle(), accountId, { sku: 'LANT-S', kind: 'receipt', quantity: 4 });
      const productsBefore = (await store.state()).products.length;

      const report = await publishAndWait(handle(), accountId, storeId, { productIds: [lantern.id] });
      expect(report).toEqual({ created: [{ productId: lantern.id, name: 'Local Lantern' }], blocked: [], failed: [] });
      const state = await store.state();
      expect(state.products).toHaveLength(productsBefore + 1);
      const remote = findBySku(state, 'LANT-S')!.product;
      expect(remote.title).toBe('Local Lantern');
      expect(remote.status).toBe(target.draftStatus);
      expect(remote.variants.map((v) => [v.sku, Number(v.price), v.options, v.quantities[state.locations[0]!.id] ?? 0])).toEqual([
        ['LANT-S', 15, ['Small'], 4],
        ['LANT-L', 19, ['Large'], 0],
      ]);

      // Run twice: nothing is left to create, and naming it says it is there already.
      expect(await publishAndWait(handle(), accountId, storeId, { flagged: true })).toEqual({ created: [], blocked: [], failed: [] });
      expect((await publishAndWait(handle(), accountId, storeId, { productIds: [lantern.id] })).blocked).toEqual([
        { productId: lantern.id, name: 'Local Lantern', reason: 'it is already on the store' },
      ]);

      // A crash between "created" and "linked": the link is gone, the product is on the store.
      const link = await handle().db.selectFrom('product_link').select('id').where('product_id', '=', lantern.id).executeTakeFirstOrThrow();
      await handle().db.deleteFrom('variant_link').where('product_link_id', '=', link.id).execute();
      await handle().db.deleteFrom('product_link').where('id', '=', link.id).execute();
      expect((await publishAndWait(handle(), accountId, storeId, { productIds: [lantern.id] })).created).toEqual([{ productId: lantern.id, name: 'Local Lantern' }]);
      expect((await store.state()).products).toHaveLength(productsBefore + 1);
      const links = await handle().db
        .selectFrom('variant_link')
        .innerJoin('variant', 'variant.id', 'variant_link.variant_id')
        .select(['variant.sku', 'variant_link.remote_variant_id'])
        .where('variant.product_id', '=', lantern.id)
        .execute();
      expect(links.map((l) => l.sku).sort()).toEqual(['LANT-L', 'LANT-S']);
      expect(links.map((l) => l.remote_variant_id).sort()).toEqual(remote.variants.map((v) => v.id).sort());
    });

    it('lowers the store quantity after a till sale once sync runs to idle', async () => {
      await recordMovement(handle(), accountId, { code: 'TEE-S', kind: 'sale', quantity: 1 });
      await recordMovement(handle(), accountId, { code: 'TEE-S', kind: 'sale', quantity: 1 });
      await syncToIdle(handle());
      expect(await store.quantity('TEE-S')).toBe(3);
      expect(await store.quantity('TEE-M')).toBe(3);
      const after = await store.requests();
      expect(after.throttled).toBe(0);
    });

    it('lowers local stock exactly once for a web order found by polling (its webhook lost)', async () => {
      await store.setFaults({ webhookLossRate: 1 });
      try {
        const before = await deliveries(handle(), storeId);
        await store.createOrder([{ sku: 'POLL-1', quantity: 2 }]);
        await syncToIdle(handle());
        await syncToIdle(handle());
        expect(await deliveries(handle(), storeId)).toBe(before);
        expect(await localQuantity(handle(), accountId, 'POLL-1')).toBe(8);
        expect(await store.quantity('POLL-1')).toBe(8);
        expect(await orderMovements(handle(), 'POLL-1')).toEqual([['channel_order', -2]]);
      } finally {
        await store.setFaults({});
      }
    });

    it('counts a web order once when its webhook is delivered twice, and a restocking cancel puts it back once', async () => {
      await store.setFaults({ webhookDuplicateRate: 1 });
      try {
        const before = await deliveries(handle(), storeId);
        const order = await store.createOrder([{ sku: 'HOOK-1', quantity: 3 }]);
        await waitFor(async () => (await deliveries(handle(), storeId)) > before);
        await new Promise((resolve) => setTimeout(resolve, 200)); // the second copy too
        // The webhook alone (no polling this round) takes the order in.
        await syncOnce(handle(), { pollOrders: false, coalesceMs: 0 });
        expect(await localQuantity(handle(), accountId, 'HOOK-1')).toBe(7);
        await syncToIdle(handle());
        expect(await localQuantity(handle(), accountId, 'HOOK-1')).toBe(7);
        expect(await orderMovements(handle(), 'HOOK-1')).toEqual([['channel_order', -3]]);

        await store.cancelOrder(order.id, true);
        await new Promise((resolve) => setTimeout(resolve, 200));
        await syncToIdle(handle());
        await syncToIdle(handle());
        expect(await localQuantity(handle(), accountId, 'HOOK-1')).toBe(10);
        expect(await store.quantity('HOOK-1')).toBe(10);
        expect(await orderMovements(handle(), 'HOOK-1')).toEqual([
          ['channel_order', -3],
          ['channel_refund', 3],
        ]);
      } finally {
        await store.setFaults({});
      }
    });

    it('never overwrites a web sale not yet taken in when the till sells the same SKU', async () => {
      await store.setFaults({ webhookLossRate: 1 });
      try {
        await store.createOrder([{ sku: 'RACE-1', quantity: 3 }]);
        await recordMovement(handle(), accountId, { sku: 'RACE-1', kind: 'sale', quantity: 2 });
        // A round that pushes before it polls.
        const round = await syncOnce(handle(), { pollOrders: false, coalesceMs: 0 });
        expect(round.ordersChanged).toBe(1);
        const pushLog = await listSyncLog(handle(), accountId, { storeId, kind: 'stock-push' });
        // Shopify: the compare-and-set push is answered stale, then the order is taken in. Without
        // compare-and-set (WooCommerce, BigCommerce) the orders are taken in before any push.
        expect(pushLog[0]!.details).toMatchObject({ stale: target.platform === 'shopify' ? 1 : 0, pushed: 1 });
        await syncToIdle(handle());
        expect(await localQuantity(handle(), accountId, 'RACE-1')).toBe(5);
        expect(await store.quantity('RACE-1')).toBe(5);
        expect(await orderMovements(handle(), 'RACE-1')).toEqual([['channel_order', -3]]);
      } finally {
        await store.setFaults({});
      }
    });

    it('finds drift injected on the store, shows it in a dry run without change, and repairs it', async () => {
      expect(await storeDrift(handle(), accountId, storeId)).toEqual([]);
      await store.setInventory('DRIFT-1', 13);
      const expected = [{ sku: 'DRIFT-1', location: 'Main', expected: 6, store: 13 }];
      // The admin edit may have fired a webhook: take it in before reading drift.
      await syncOnce(handle(), { pollOrders: false, coalesceMs: 0, scheduledReconcile: false });
      expect(await storeDrift(handle(), accountId, storeId)).toEqual(expected);

      const dryRun = await reconcileNow(handle(), accountId, storeId, { dryRun: true });
      expect(dryRun).toMatchObject({ dryRun: true, found: 1, fixed: 0 });
      expect(await store.quantity('DRIFT-1')).toBe(13);

      const repaired = await reconcileNow(handle(), accountId, storeId, { dryRun: false });
      expect(repaired).toMatchObject({ dryRun: false, found: 1, fixed: 1, remaining: [] });
      expect(await store.quantity('DRIFT-1')).toBe(6);
      expect(await localQuantity(handle(), accountId, 'DRIFT-1')).toBe(6);
      expect(await storeDrift(handle(), accountId, storeId)).toEqual([]);
    });

    it('pushes a product update without overwriting the description edited on the store', async () => {
      const remote = findBySku(await store.state(), 'TEE-S')!.product;
      await target.editDescription(store, remote.id, '<p>Rewritten in the store admin</p>');
      const teeId = (await handle().db.selectFrom('product').select('id').where('name', '=', 'Cotton Tee').executeTakeFirstOrThrow()).id;
      const tee = await getProduct(handle(), accountId, teeId);
      await updateProduct(handle(), accountId, teeId, { name: 'Cotton Tee Classic', variants: tee.variants.map((v) => ({ id: v.id, price: v.sku === 'TEE-M' ? '14.00' : v.price })) });

      const pass = await pushProductUpdates(handle(), { accountId, storeId });
      expect(pass).toMatchObject({ updated: 1, unlinked: [], failed: [] });
      const after = findBySku(await store.state(), 'TEE-S')!.product;
      expect(after.id).toBe(remote.id);
      expect(after.title).toBe('Cotton Tee Classic');
      expect(after.variants.map((v) => [v.sku, Number(v.price)])).toEqual([
        ['TEE-S', 12.5],
        ['TEE-M', 14],
      ]);
      expect(after.description).toBe('<p>Rewritten in the store admin</p>');
      expect(after.status).toBe(target.liveStatus);
      expect((await pushProductUpdates(handle(), { accountId, storeId })).updated).toBe(0);
      // Stock is untouched by a product update.
      expect(await store.quantity('TEE-S')).toBe(3);
    });

    it('imports a variant added on the store into its linked local product, with the store\'s stock, changing nothing on the store', async () => {
      const remote = findBySku(await store.state(), 'TEE-S')!.product;
      await target.addVariant(store, remote.id, { sku: 'TEE-L', price: '13.00', option: 'Size', value: 'L', quantity: 4 });
      const teeId = (await handle().db.selectFrom('product').select('id').where('name', '=', 'Cotton Tee Classic').executeTakeFirstOrThrow()).id;
      const linked = (await handle().db.selectFrom('variant_link').select('id').where('store_id', '=', storeId).execute()).length;

      expect(await importAndWait(handle(), accountId, storeId)).toEqual({ linked, created: 1, skipped: [] });
      const tee = await getProduct(handle(), accountId, teeId);
      expect(tee.attributes).toEqual([{ name: 'Size', values: ['S', 'M', 'L'] }]);
      expect(tee.variants.map((v) => [v.sku, v.values, v.price])).toEqual([
        ['TEE-S', ['S'], '12.50'],
        ['TEE-M', ['M'], '14.00'],
        ['TEE-L', ['L'], '13.00'],
      ]);
      expect(await localQuantity(handle(), accountId, 'TEE-L')).toBe(4);
      expect(await remoteVariantLinkedTo(handle(), storeId, 'TEE-L')).toBe(findBySku(await store.state(), 'TEE-L')!.variant.id);

      // The store already holds all of it: no product update is pushed, and its stock stays.
      expect((await pushProductUpdates(handle(), { accountId, storeId })).updated).toBe(0);
      await syncToIdle(handle());
      expect(await store.quantity('TEE-L')).toBe(4);
      expect(await storeDrift(handle(), accountId, storeId)).toEqual([]);
      // Importing again links it and adds nothing.
      expect(await importAndWait(handle(), accountId, storeId)).toEqual({ linked: linked + 1, created: 0, skipped: [] });
      expect(await localQuantity(handle(), accountId, 'TEE-L')).toBe(4);
    });

    it('pushes a changed attribute value of an existing variant, keeping its stock on the store and its link', async () => {
      const teeId = (await handle().db.selectFrom('product').select('id').where('name', '=', 'Cotton Tee Classic').executeTakeFirstOrThrow()).id;
      const tee = await getProduct(handle(), accountId, teeId);
      await updateProduct(handle(), accountId, teeId, {
        attributes: [{ name: 'Size', values: ['S', 'M', 'XL'] }],
        variants: tee.variants.map((v) => ({ id: v.id, values: v.sku === 'TEE-L' ? ['XL'] : v.values })),
      });

      expect(await pushProductUpdates(handle(), { accountId, storeId })).toMatchObject({ updated: 1, unlinked: [], blocked: [], failed: [] });
      const state = await store.state();
      expect(['TEE-S', 'TEE-M', 'TEE-L'].map((sku) => findBySku(state, sku)!.variant.options)).toEqual([['S'], ['M'], ['XL']]);
      expect(findBySku(state, 'TEE-L')!.product.variants).toHaveLength(3);
      // BigCommerce replaces the variant (new id, no stock): the link follows it and the stock is pushed again.
      await syncToIdle(handle());
      expect(await remoteVariantLinkedTo(handle(), storeId, 'TEE-L')).toBe(findBySku(await store.state(), 'TEE-L')!.variant.id);
      expect(await store.quantity('TEE-L')).toBe(4);
      expect(await store.quantity('TEE-S')).toBe(3);
      expect(await storeDrift(handle(), accountId, storeId)).toEqual([]);
      expect((await pushProductUpdates(handle(), { accountId, storeId })).updated).toBe(0);
    });

    it('pushes a SKU and value changed in one edit, and a SKU changed alone, finding each store variant by its link', async () => {
      const teeId = (await handle().db.selectFrom('product').select('id').where('name', '=', 'Cotton Tee Classic').executeTakeFirstOrThrow()).id;
      const tee = await getProduct(handle(), accountId, teeId);
      const mediumRemoteId = await remoteVariantLinkedTo(handle(), storeId, 'TEE-M');
      const mediumQuantity = await store.quantity('TEE-M');
      await updateProduct(handle(), accountId, teeId, {
        attributes: [{ name: 'Size', values: ['S', 'M', 'XXL'] }],
        variants: tee.variants.map((v) =>
          v.sku === 'TEE-L' ? { id: v.id, sku: 'TEE-XXL', values: ['XXL'] } : v.sku === 'TEE-M' ? { id: v.id, sku: 'TEE-M2', values: v.values } : { id: v.id, values: v.values },
        ),
      });

      expect(await pushProductUpdates(handle(), { accountId, storeId })).toMatchObject({ updated: 1, unlinked: [], blocked: [], failed: [] });
      const state = await store.state();
      expect(['TEE-S', 'TEE-M2', 'TEE-XXL'].map((sku) => findBySku(state, sku)!.variant.options)).toEqual([['S'], ['M'], ['XXL']]);
      // No stray variant keeps the old SKUs or the old value.
      expect(findBySku(state, 'TEE-L')).toBeNull();
      expect(findBySku(state, 'TEE-M')).toBeNull();
      expect(findBySku(state, 'TEE-S')!.product.variants).toHaveLength(3);
      // A SKU changed alone is written in place: same store variant, same link, same stock.
      expect(findBySku(state, 'TEE-M2')!.variant.id).toBe(mediumRemoteId);
      expect(await remoteVariantLinkedTo(handle(), storeId, 'TEE-M2')).toBe(mediumRemoteId);
      await syncToIdle(handle());
      expect(await remoteVariantLinkedTo(handle(), storeId, 'TEE-XXL')).toBe(findBySku(await store.state(), 'TEE-XXL')!.variant.id);
      expect(await store.quantity('TEE-XXL')).toBe(4);
      expect(await store.quantity('TEE-M2')).toBe(mediumQuantity);
      expect(await store.quantity('TEE-S')).toBe(3);
      expect(await storeDrift(handle(), accountId, storeId)).toEqual([]);
      expect((await pushProductUpdates(handle(), { accountId, storeId })).updated).toBe(0);
    });
  });
}

async function remoteVariantLinkedTo(handle: DatabaseHandle, storeId: string, sku: string): Promise<string | undefined> {
  const row = await handle.db
    .selectFrom('variant_link')
    .innerJoin('variant', 'variant.id', 'variant_link.variant_id')
    .select('variant_link.remote_variant_id')
    .where('variant_link.store_id', '=', storeId)
    .where('variant.sku', '=', sku)
    .executeTakeFirst();
  return row?.remote_variant_id;
}
