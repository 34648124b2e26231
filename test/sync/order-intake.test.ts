// Order intake on real SQLite and PostgreSQL, fed orders as a connector reports them: a line is
// counted once the platform holds the stock (not while a WooCommerce order is pending), replays
// change nothing, restocks count by their cumulative amount, and the source store's last known
// quantity follows what was counted.
import { beforeAll, expect, it } from 'vitest';
import { forEachDialect } from '../support/databases.ts';
import { ensureDefaultAccount } from '../../src/accounts/accounts.ts';
import { resolveLocation } from '../../src/accounts/locations.ts';
import { createProduct } from '../../src/catalog/products.ts';
import { recordMovement } from '../../src/stock/record-movement.ts';
import { getStock } from '../../src/stock/stock-query.ts';
import { takeInOrder } from '../../src/sync/orders/order-intake.ts';
import { linkDirtFromChangeMarks } from '../../src/sync/push/dirty-links.ts';
import { newId, nowIso } from '../../src/db/ids.ts';
import type { RemoteOrder } from '../../src/channels/channel.ts';
import type { StoreRow } from '../../src/sync/engine-loop/store-channel.ts';
import '../../src/sync/stock-tables.ts';

function order(overrides: Partial<RemoteOrder> & { quantity?: number; restocked?: number } = {}): RemoteOrder {
  return {
    remoteOrderId: 'order-1',
    name: '#1001',
    holdsStock: true,
    cancelled: false,
    updatedAt: nowIso(),
    lines: [{ lineId: 'line-1', remoteVariantId: 'rv-1', sku: 'INTAKE-1', quantity: overrides.quantity ?? 2, restockedQuantity: overrides.restocked ?? 0 }],
    ...overrides,
  };
}

forEachDialect('order intake', (getHandle) => {
  let store: StoreRow;
  let accountId = '';
  let linkId = '';

  beforeAll(async () => {
    const handle = getHandle();
    const account = await ensureDefaultAccount(handle);
    accountId = account.id;
    const main = await resolveLocation(handle.db, account.id, null);
    const product = await createProduct(handle, account.id, { name: 'Intake Tee', variants: [{ sku: 'INTAKE-1', price: '5.00' }] });
    await recordMovement(handle, account.id, { sku: 'INTAKE-1', kind: 'receipt', quantity: 10 });
    const now = nowIso();
    const storeId = newId();
    await handle.db
      .insertInto('store')
      .values({
        id: storeId, account_id: account.id, platform: 'woocommerce', name: 'Test shop', url: 'http://127.0.0.1:9', credentials_encrypted: 'x',
        location_id: main.id, orders_location_id: main.id, remote_location_id: null, order_cursor: null, order_cursor_started_at: now,
        webhook_secret_encrypted: null, state: 'connected', last_sync_at: null, last_error: null, created_at: now, updated_at: now,
      })
      .execute();
    const productLinkId = newId();
    await handle.db.insertInto('product_link').values({ id: productLinkId, account_id: account.id, store_id: storeId, product_id: product.id, remote_product_id: 'rp-1', handle: null, created_at: now, updated_at: now }).execute();
    linkId = newId();
    await handle.db
      .insertInto('variant_link')
      .values({ id: linkId, account_id: account.id, store_id: storeId, product_link_id: productLinkId, variant_id: product.variants[0]!.id, remote_variant_id: 'rv-1', inventory_ref: 'rv-1', last_known_remote_qty: 10, last_pushed_qty: 10, created_at: now, updated_at: now })
      .execute();
    await linkDirtFromChangeMarks(handle);
    store = await handle.db.selectFrom('store').selectAll().where('id', '=', storeId).executeTakeFirstOrThrow();
  });

  const onHand = async () => (await getStock(getHandle(), accountId, 'INTAKE-1')).total;
  const lastKnown = async () => Number((await getHandle().db.selectFrom('variant_link').select('last_known_remote_qty').where('id', '=', linkId).executeTakeFirstOrThrow()).last_known_remote_qty);

  it('does not count a line while the platform has not taken the stock (pending)', async () => {
    const result = await takeInOrder(getHandle(), store, order({ holdsStock: false }));
    expect(result.unitsCounted).toBe(0);
    expect(await onHand()).toBe(10);
    expect(await lastKnown()).toBe(10);
  });

  it('counts it once when it does, however often it is taken in, and marks the links dirty', async () => {
    expect((await takeInOrder(getHandle(), store, order())).unitsCounted).toBe(2);
    expect((await takeInOrder(getHandle(), store, order())).unitsCounted).toBe(0);
    expect(await onHand()).toBe(8);
    expect(await lastKnown()).toBe(8); // the store already shows the sale
    await linkDirtFromChangeMarks(getHandle());
    const link = await getHandle().db.selectFrom('variant_link').select('dirty').where('id', '=', linkId).executeTakeFirstOrThrow();
    expect(Number(link.dirty)).toBe(1);
    const keys = await getHandle().db.selectFrom('stock_movement').select('idempotency_key').where('kind', '=', 'channel_order').execute();
    expect(keys.map((k) => k.idempotency_key)).toEqual([`order:${store.id}:order-1:line-1`]);
  });

  it('puts back restocked units by their cumulative amount, once each', async () => {
    expect((await takeInOrder(getHandle(), store, order({ restocked: 1 }))).unitsRestocked).toBe(1);
    expect((await takeInOrder(getHandle(), store, order({ restocked: 1 }))).unitsRestocked).toBe(0);
    expect((await takeInOrder(getHandle(), store, order({ restocked: 2, cancelled: true, holdsStock: false }))).unitsRestocked).toBe(1);
    expect(await onHand()).toBe(10);
    expect(await lastKnown()).toBe(10);
    const refunds = await getHandle().db.selectFrom('stock_movement').select(['idempotency_key', 'quantity_milli']).where('kind', '=', 'channel_refund').orderBy('created_at').execute();
    expect(refunds.map((r) => [r.idempotency_key, Number(r.quantity_milli)])).toEqual([
      [`order:${store.id}:order-1:line-1:restock:1`, 1000],
      [`order:${store.id}:order-1:line-1:restock:2`, 1000],
    ]);
  });

  it('reports a line that matches no local variant and counts nothing for it', async () => {
    const result = await takeInOrder(getHandle(), store, {
      ...order(),
      remoteOrderId: 'order-2',
      lines: [{ lineId: 'x', remoteVariantId: 'unknown', sku: 'NOT-HERE', quantity: 1, restockedQuantity: 0 }],
    });
    expect(result).toEqual({ unitsCounted: 0, unitsRestocked: 0, unmatched: [{ lineId: 'x', sku: 'NOT-HERE' }] });
    expect(await onHand()).toBe(10);
  });
});
