// Stock push against the Shopify emulator over HTTP: a burst of till sales becomes a handful of
// requests ending at the right number; a sale made on the store between our read and our push is
// never overwritten (stale compare-and-set → take in orders → push again).
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { startShopify, type SeededShopify } from './sync-fixtures.ts';
import { forEachDialect } from '../support/databases.ts';
import { runSyncLoop, syncOnce } from '../../src/sync/engine-loop/sync-loop.ts';
import { releaseStoreLease } from '../../src/sync/engine-loop/store-lease.ts';
import { reconcileNow } from '../../src/sync/reconcile/reconcile-service.ts';
import { listSyncLog } from '../../src/sync/sync-log/sync-log.ts';
import { recordMovement } from '../../src/stock/record-movement.ts';
import { connectAndImport, localQuantity, requests, storeQuantity, syncToIdle, waitFor } from './stock-sync-fixtures.ts';

let shop: SeededShopify;

beforeAll(async () => {
  shop = await startShopify([
    { title: 'Burst Tee', variants: [{ sku: 'BURST-1', price: '10.00', quantities: [600] }] },
    { title: 'Race Mug', variants: [{ sku: 'RACE-1', price: '8.00', quantities: [10] }] },
  ]);
});

afterAll(async () => {
  await shop?.close();
});

forEachDialect('stock push (e2e, Shopify emulator)', (getHandle) => {
  let accountId = '';
  let storeId = '';

  beforeEach(async () => {
    if (accountId) return;
    await shop.control('reset', {});
    ({ accountId, storeId } = await connectAndImport(getHandle(), shop));
    await syncToIdle(getHandle());
  });

  it('turns 500 sales of one SKU in a burst into a few requests that end at the right quantity', async () => {
    const handle = getHandle();
    const before = await requests(shop);
    for (let i = 0; i < 500; i += 1) await recordMovement(handle, accountId, { sku: 'BURST-1', kind: 'sale', quantity: 1 });
    await syncToIdle(handle);

    expect(await localQuantity(handle, accountId, 'BURST-1')).toBe(100);
    expect(await storeQuantity(shop, 'BURST-1')).toBe(100);
    const after = await requests(shop);
    const pushes = (after.byOperation.inventorySetQuantities ?? 0) - (before.byOperation.inventorySetQuantities ?? 0);
    expect(pushes).toBeGreaterThanOrEqual(1);
    expect(pushes).toBeLessThanOrEqual(3);
    expect(after.total - before.total).toBeLessThanOrEqual(10);
    expect(after.throttled).toBe(0);
  });

  it('never relists stock sold on the store between our last read and our push', async () => {
    const handle = getHandle();
    // A shopper buys 3 on the store; we have not taken the order in yet.
    await shop.control('orders', { lines: [{ sku: 'RACE-1', quantity: 3 }] });
    // Meanwhile the till sells 2: we would push 8, expecting the store to hold 10 — it holds 7.
    await recordMovement(handle, accountId, { sku: 'RACE-1', kind: 'sale', quantity: 2 });
    // One round that pushes before it polls: the store answers stale, the pusher takes the order in and pushes again.
    const round = await syncOnce(handle, { pollOrders: false, coalesceMs: 0 });
    expect(round.ordersChanged).toBe(1);
    const pushLog = await listSyncLog(handle, accountId, { kind: 'stock-push' });
    expect(pushLog[0]!.details).toMatchObject({ stale: 1, pushed: 1 });
    await syncToIdle(handle);

    expect(await localQuantity(handle, accountId, 'RACE-1')).toBe(5);
    expect(await storeQuantity(shop, 'RACE-1')).toBe(5);
    const movements = await handle.db.selectFrom('stock_movement').select(['kind', 'quantity_milli']).where('kind', '=', 'channel_order').execute();
    expect(movements.map((m) => Number(m.quantity_milli))).toEqual([-3000]);
  });

  it('keeps the store in line with the loop a worker runs, and lets a reconcile in between rounds', async () => {
    const handle = getHandle();
    const stop = new AbortController();
    const loop = runSyncLoop(handle, stop.signal, { idleMs: 20 });
    try {
      const before = await storeQuantity(shop, 'BURST-1');
      await recordMovement(handle, accountId, { sku: 'BURST-1', kind: 'sale', quantity: 4 });
      await waitFor(async () => (await storeQuantity(shop, 'BURST-1')) === before - 4);
      const result = await reconcileNow(handle, accountId, storeId, { dryRun: true });
      expect(result.found).toBe(0);
    } finally {
      stop.abort();
      await loop;
    }
  });

  it('lets one driver at a time push a store (lease), so two workers never spend its budget twice', async () => {
    const handle = getHandle();
    const before = await storeQuantity(shop, 'RACE-1');
    await recordMovement(handle, accountId, { sku: 'RACE-1', kind: 'sale', quantity: 1 });
    const [first, second] = await Promise.all([
      syncOnce(handle, { holder: 'worker-a', coalesceMs: 0 }),
      syncOnce(handle, { holder: 'worker-b', coalesceMs: 0 }),
    ]);
    expect(first.skippedStores + second.skippedStores).toBe(1);
    expect(first.requests + second.requests).toBe(1);
    expect(await storeQuantity(shop, 'RACE-1')).toBe(before - 1);
    await releaseStoreLease(handle, storeId, 'worker-a');
    await releaseStoreLease(handle, storeId, 'worker-b');
  });
});
