// Orders placed on the Shopify emulator lower local stock exactly once, whether the webhook
// arrives twice, late (after polling took the order in) or never (polling alone); a cancellation
// with restock puts the stock back once. Then the store is brought in line with the ledger.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startShopify, type SeededShopify } from './sync-fixtures.ts';
import { forEachDialect } from '../support/databases.ts';
import { syncOnce } from '../../src/sync/engine-loop/sync-loop.ts';
import type { DatabaseHandle } from '../../src/db/handle.ts';
import { connectWithWebhooks, listenApp, localQuantity, storeQuantity, syncToIdle, waitFor, type ListeningApp } from './stock-sync-fixtures.ts';

async function orderMovements(handle: DatabaseHandle, storeId: string, orderId: string) {
  const rows = await handle.db
    .selectFrom('stock_movement')
    .select(['kind', 'quantity_milli', 'idempotency_key'])
    .where('idempotency_key', 'like', `order:${storeId}:${orderId}:%`)
    .orderBy('created_at')
    .execute();
  return rows.map((r) => [r.kind, Number(r.quantity_milli) / 1000]);
}

async function deliveries(handle: DatabaseHandle, storeId: string): Promise<number> {
  return (await handle.db.selectFrom('webhook_delivery').select('delivery_id').where('store_id', '=', storeId).execute()).length;
}

forEachDialect('store orders (e2e, Shopify emulator)', (getHandle) => {
  let shop: SeededShopify;
  let app: ListeningApp;
  let storeId = '';
  let accountId = '';

  beforeAll(async () => {
    shop = await startShopify([
      { title: 'Twice', variants: [{ sku: 'TWICE', price: '5.00', quantities: [10] }] },
      { title: 'Late', variants: [{ sku: 'LATE', price: '5.00', quantities: [10] }] },
      { title: 'Never', variants: [{ sku: 'NEVER', price: '5.00', quantities: [10] }] },
    ]);
    app = await listenApp(getHandle());
    ({ storeId, accountId } = await connectWithWebhooks(getHandle(), shop, app.baseUrl));
    await syncToIdle(getHandle());
  });

  afterAll(async () => {
    await app?.close();
    await shop?.close();
  });

  it('counts an order once when its webhook arrives twice, and a restocking cancel once', async () => {
    const handle = getHandle();
    await shop.control('faults', { webhookDuplicateRate: 1 });
    const before = await deliveries(handle, storeId);
    const order = (await shop.control('orders', { lines: [{ sku: 'TWICE', quantity: 2 }] })) as { id: string };
    await waitFor(async () => (await deliveries(handle, storeId)) >= before + 1);
    await new Promise((resolve) => setTimeout(resolve, 200)); // the duplicate too
    // The webhook alone (no polling this round) takes the order in: re-read, counted once.
    await syncOnce(handle, { pollOrders: false, coalesceMs: 0 });
    expect(await localQuantity(handle, accountId, 'TWICE')).toBe(8);
    await syncToIdle(handle);
    expect(await localQuantity(handle, accountId, 'TWICE')).toBe(8);
    expect(await orderMovements(handle, storeId, order.id)).toEqual([['channel_order', -2]]);

    await shop.control(`orders/${encodeURIComponent(order.id)}/cancel`, { restock: true });
    await new Promise((resolve) => setTimeout(resolve, 200));
    await syncToIdle(handle);
    await syncToIdle(handle);
    expect(await localQuantity(handle, accountId, 'TWICE')).toBe(10);
    expect(await storeQuantity(shop, 'TWICE')).toBe(10);
    expect(await orderMovements(handle, storeId, order.id)).toEqual([
      ['channel_order', -2],
      ['channel_refund', 2],
    ]);
    await shop.control('faults', {});
  });

  it('counts an order once when polling took it in before its late webhook', async () => {
    const handle = getHandle();
    await shop.control('faults', { webhookDelayMs: 1_500 });
    const before = await deliveries(handle, storeId);
    const order = (await shop.control('orders', { lines: [{ sku: 'LATE', quantity: 3 }] })) as { id: string };
    await syncToIdle(handle); // polling finds it first
    expect(await localQuantity(handle, accountId, 'LATE')).toBe(7);
    await waitFor(async () => (await deliveries(handle, storeId)) > before);
    await syncToIdle(handle); // the late webhook changes nothing
    expect(await localQuantity(handle, accountId, 'LATE')).toBe(7);
    expect(await storeQuantity(shop, 'LATE')).toBe(7);
    expect(await orderMovements(handle, storeId, order.id)).toEqual([['channel_order', -3]]);
    await shop.control('faults', {});
  });

  it('counts an order whose webhook never arrives, by polling', async () => {
    const handle = getHandle();
    await shop.control('faults', { webhookLossRate: 1 });
    const before = await deliveries(handle, storeId);
    const order = (await shop.control('orders', { lines: [{ sku: 'NEVER', quantity: 4 }] })) as { id: string };
    await syncToIdle(handle);
    expect(await deliveries(handle, storeId)).toBe(before);
    expect(await localQuantity(handle, accountId, 'NEVER')).toBe(6);
    expect(await storeQuantity(shop, 'NEVER')).toBe(6);
    expect(await orderMovements(handle, storeId, order.id)).toEqual([['channel_order', -4]]);
    await shop.control('faults', {});
  });
});
