// One catalogue on three stores at once, over real HTTP: products imported from a Shopify store
// and published to a WooCommerce and a BigCommerce store, so the same SKUs are linked to all
// three. An order on any one lowers the quantity on the other two; each store's buffer and
// location mapping apply to it alone; a store that fails does not hold back the others, and
// converges once it recovers.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TEST_SECRET } from './sync-fixtures.ts';
import { localQuantity, syncToIdle } from './stock-sync-fixtures.ts';
import { forEachDialect } from '../support/databases.ts';
import { importAndWait, publishAndWait } from './platforms/engine-scenarios.ts';
import { shopifyTarget } from './platforms/shopify-target.ts';
import { woocommerceTarget } from './platforms/woocommerce-target.ts';
import { bigcommerceTarget } from './platforms/bigcommerce-target.ts';
import type { CatalogueProduct, PlatformTarget, RunningStore } from './platforms/platform-target.ts';
import { ensureDefaultAccount } from '../../src/accounts/accounts.ts';
import { createLocation } from '../../src/accounts/locations.ts';
import { recordMovement } from '../../src/stock/record-movement.ts';
import { connectStore } from '../../src/sync/stores/connect-store.ts';
import { updateStoreSettings } from '../../src/sync/stores/store-settings.ts';
import { syncUntilIdle } from '../../src/sync/engine-loop/sync-loop.ts';

const CATALOGUE: CatalogueProduct[] = [
  {
    title: 'Shared Tee',
    description: '<p>On every store</p>',
    options: [{ name: 'Size', values: ['S', 'M'] }],
    variants: [
      { sku: 'SHARE-S', price: '15.00', values: ['S'], quantity: 10 },
      { sku: 'SHARE-M', price: '15.00', values: ['M'], quantity: 6 },
    ],
  },
  { title: 'Shared Mug', variants: [{ sku: 'SHARE-MUG', price: '8.00', quantity: 5 }] },
];
const SKUS = ['SHARE-S', 'SHARE-M', 'SHARE-MUG'];

forEachDialect('one catalogue on Shopify, WooCommerce and BigCommerce at once (e2e)', (handle) => {
  let accountId = '';
  const stores = {} as Record<'shopify' | 'woocommerce' | 'bigcommerce', { emulator: RunningStore; id: string }>;
  const closed = new Set<string>();

  async function connect(target: PlatformTarget, emulator: RunningStore, settings: { buffer?: number } = {}): Promise<string> {
    const store = await connectStore(handle(), accountId, { platform: target.platform, url: emulator.url, credentials: emulator.credentials, ...settings }, { publicUrl: null });
    return store.id;
  }

  /** Every store's quantity of a SKU, in one object, so a failure shows all three. */
  async function everywhere(sku: string): Promise<Record<string, number>> {
    return {
      local: await localQuantity(handle(), accountId, sku),
      shopify: await stores.shopify.emulator.quantity(sku),
      woocommerce: await stores.woocommerce.emulator.quantity(sku),
      bigcommerce: await stores.bigcommerce.emulator.quantity(sku),
    };
  }

  beforeAll(async () => {
    expect(process.env.STOCKROOM_SECRET).toBe(TEST_SECRET);
    accountId = (await ensureDefaultAccount(handle())).id;
    stores.shopify = { emulator: await shopifyTarget.startEmulator(CATALOGUE), id: '' };
    stores.woocommerce = { emulator: await woocommerceTarget.startEmulator([]), id: '' };
    stores.bigcommerce = { emulator: await bigcommerceTarget.startEmulator([]), id: '' };
  });

  afterAll(async () => {
    for (const [platform, store] of Object.entries(stores)) if (!closed.has(platform)) await store?.emulator.close();
  });

  it('links the same SKUs on all three: imported from Shopify, published to WooCommerce (buffer 2) and BigCommerce', async () => {
    stores.shopify.id = await connect(shopifyTarget, stores.shopify.emulator);
    expect(await importAndWait(handle(), accountId, stores.shopify.id)).toEqual({ linked: 0, created: 3, skipped: [] });

    stores.woocommerce.id = await connect(woocommerceTarget, stores.woocommerce.emulator, { buffer: 2 });
    stores.bigcommerce.id = await connect(bigcommerceTarget, stores.bigcommerce.emulator);
    for (const target of [woocommerceTarget, bigcommerceTarget]) {
      const report = await publishAndWait(handle(), accountId, stores[target.platform as 'woocommerce' | 'bigcommerce'].id, { flagged: true });
      expect(report.created.map((p) => p.name).sort()).toEqual(['Shared Mug', 'Shared Tee']);
      expect(report.failed).toEqual([]);
    }
    await syncToIdle(handle());

    for (const [platform, store] of Object.entries(stores)) {
      const links = await handle().db
        .selectFrom('variant_link')
        .innerJoin('variant', 'variant.id', 'variant_link.variant_id')
        .select('variant.sku')
        .where('variant_link.store_id', '=', store.id)
        .execute();
      expect(links.map((l) => l.sku).sort(), platform).toEqual([...SKUS].sort());
    }
    expect(await everywhere('SHARE-S')).toEqual({ local: 10, shopify: 10, woocommerce: 8, bigcommerce: 10 });
    expect(await everywhere('SHARE-M')).toEqual({ local: 6, shopify: 6, woocommerce: 4, bigcommerce: 6 });
    expect(await everywhere('SHARE-MUG')).toEqual({ local: 5, shopify: 5, woocommerce: 3, bigcommerce: 5 });
  });

  it('an order on any one store lowers the quantity on the other two (buffer applied to WooCommerce only)', async () => {
    await stores.shopify.emulator.createOrder([{ sku: 'SHARE-S', quantity: 1 }]);
    await syncToIdle(handle());
    expect(await everywhere('SHARE-S')).toEqual({ local: 9, shopify: 9, woocommerce: 7, bigcommerce: 9 });

    await stores.woocommerce.emulator.createOrder([{ sku: 'SHARE-S', quantity: 2 }]);
    await syncToIdle(handle());
    expect(await everywhere('SHARE-S')).toEqual({ local: 7, shopify: 7, woocommerce: 5, bigcommerce: 7 });

    await stores.bigcommerce.emulator.createOrder([{ sku: 'SHARE-M', quantity: 1 }]);
    await syncToIdle(handle());
    expect(await everywhere('SHARE-M')).toEqual({ local: 5, shopify: 5, woocommerce: 3, bigcommerce: 5 });

    // Orders on two stores between the same two rounds both count.
    await stores.shopify.emulator.createOrder([{ sku: 'SHARE-MUG', quantity: 1 }]);
    await stores.bigcommerce.emulator.createOrder([{ sku: 'SHARE-MUG', quantity: 1 }]);
    await syncToIdle(handle());
    expect(await everywhere('SHARE-MUG')).toEqual({ local: 3, shopify: 3, woocommerce: 1, bigcommerce: 3 });
  });

  it('a failing WooCommerce store does not hold back the others, and converges once it recovers', async () => {
    await stores.woocommerce.emulator.setFaults({ errorRate: 1 });
    const failures: string[] = [];
    try {
      await recordMovement(handle(), accountId, { code: 'SHARE-S', kind: 'sale', quantity: 3 });
      const result = await syncUntilIdle(handle(), { coalesceMs: 0, maxMs: 4_000, onStoreError: (store) => failures.push(store.id) });
      expect(result.idle).toBe(false);
      expect(new Set(failures)).toEqual(new Set([stores.woocommerce.id]));
      expect(await stores.shopify.emulator.quantity('SHARE-S')).toBe(4);
      expect(await stores.bigcommerce.emulator.quantity('SHARE-S')).toBe(4);
      expect(await stores.woocommerce.emulator.quantity('SHARE-S')).toBe(5);
      // An order on the failing store meanwhile: taken in once it answers again.
      await stores.woocommerce.emulator.createOrder([{ sku: 'SHARE-M', quantity: 1 }]);
    } finally {
      await stores.woocommerce.emulator.setFaults({});
    }
    await syncToIdle(handle());
    expect(await everywhere('SHARE-S')).toEqual({ local: 4, shopify: 4, woocommerce: 2, bigcommerce: 4 });
    expect(await everywhere('SHARE-M')).toEqual({ local: 4, shopify: 4, woocommerce: 2, bigcommerce: 4 });
  });

  it("a store's location mapping applies to it alone: BigCommerce shows the Backroom", async () => {
    await createLocation(handle(), accountId, { name: 'Backroom' });
    await recordMovement(handle(), accountId, { sku: 'SHARE-MUG', kind: 'receipt', quantity: 11, location: 'Backroom' });
    await updateStoreSettings(handle(), accountId, stores.bigcommerce.id, { location: 'Backroom' });
    await syncToIdle(handle());
    expect(await everywhere('SHARE-MUG')).toEqual({ local: 14, shopify: 3, woocommerce: 1, bigcommerce: 11 });
    expect(await stores.bigcommerce.emulator.quantity('SHARE-S')).toBe(0);

    // A till sale at Main reaches the stores that show Main, not BigCommerce.
    await recordMovement(handle(), accountId, { sku: 'SHARE-MUG', kind: 'sale', quantity: 1 });
    await syncToIdle(handle());
    expect(await everywhere('SHARE-MUG')).toEqual({ local: 13, shopify: 2, woocommerce: 0, bigcommerce: 11 });
  });

  it('a store whose emulator is gone does not hold back the others', async () => {
    await stores.woocommerce.emulator.close();
    closed.add('woocommerce');
    const failures: string[] = [];
    await recordMovement(handle(), accountId, { code: 'SHARE-M', kind: 'sale', quantity: 2 });
    const result = await syncUntilIdle(handle(), { coalesceMs: 0, maxMs: 4_000, onStoreError: (store) => failures.push(store.id) });
    expect(result.idle).toBe(false);
    expect(new Set(failures)).toEqual(new Set([stores.woocommerce.id]));
    expect(await localQuantity(handle(), accountId, 'SHARE-M')).toBe(2);
    expect(await stores.shopify.emulator.quantity('SHARE-M')).toBe(2);
    expect(await stores.bigcommerce.emulator.quantity('SHARE-M')).toBe(0); // it shows the Backroom
    expect(await stores.bigcommerce.emulator.quantity('SHARE-MUG')).toBe(11);
  });
});
