// Benchmark set-up that links every variant a store holds without the import job (the import is
// measured on its own, and is slow at 100,000): read the store's quantities, then write one local
// product + variant + opening level + links per remote variant, 2,000 per transaction. The links
// keep the store's inventory refs (and so their grouping by parent). Raw inserts: keep in step
// with the catalogue and sync tables.
import type { DatabaseHandle } from '../../src/db/handle.ts';
import { inTransaction } from '../../src/db/transaction.ts';
import { newId } from '../../src/db/ids.ts';
import { ensureDefaultAccount } from '../../src/accounts/accounts.ts';
import type { Platform, QuantityReading } from '../../src/channels/channel.ts';
import { connectStore } from '../../src/sync/stores/connect-store.ts';
import { channelFor, storeCipher } from '../../src/sync/stores/store-channel.ts';
import { getStoreRow } from '../../src/sync/stores/store-view.ts';

export async function connectAndLinkDirectly(
  handle: DatabaseHandle,
  platform: Platform,
  emulator: { url: string; credentials: Record<string, string> },
): Promise<{ accountId: string; storeId: string; variants: number }> {
  const account = await ensureDefaultAccount(handle);
  const store = await connectStore(handle, account.id, { platform, url: emulator.url, credentials: emulator.credentials });
  const row = await getStoreRow(handle.db, account.id, store.id);
  const { channel } = await channelFor(row, storeCipher());
  const readings: QuantityReading[] = [];
  for (let cursor: string | null = null, first = true; first || cursor; first = false) {
    const page = await channel.readQuantities(cursor);
    readings.push(...page.readings);
    cursor = page.nextCursor;
  }
  const now = new Date().toISOString();
  for (let start = 0; start < readings.length; start += 2000) {
    await inTransaction(handle, async (trx) => {
      for (const [offset, reading] of readings.slice(start, start + 2000).entries()) {
        const n = start + offset;
        const productId = newId();
        const variantId = newId();
        const productLinkId = newId();
        const sku = reading.sku ?? `BENCH-${n}`;
        await trx.insertInto('product').values({ id: productId, account_id: account.id, handle: `bench-${n}`, name: `Bench ${n}`, description: '', product_group_id: null, brand_id: null, supplier_id: null, tax_group_id: null, product_type: null, unit: null, ecommerce: 1, status: 'active', attributes: '[]', missing_mask: 0, created_at: now, updated_at: now }).execute();
        await trx.insertInto('variant').values({ id: variantId, account_id: account.id, product_id: productId, position: 0, sku, sku_key: sku.trim().toLowerCase(), barcode: null, option_values: '[]', combination_key: '', price_minor: 500, cost_price_minor: null, weight_grams: null, created_at: now, updated_at: now }).execute();
        await trx.insertInto('stock_level').values({ account_id: account.id, variant_id: variantId, location_id: row.location_id, quantity_milli: (reading.quantity ?? 0) * 1000, updated_at: now }).execute();
        await trx.insertInto('product_link').values({ id: productLinkId, account_id: account.id, store_id: store.id, product_id: productId, remote_product_id: `bench-${reading.remoteVariantId}`, handle: null, created_at: now, updated_at: now }).execute();
        await trx.insertInto('variant_link').values({ id: newId(), account_id: account.id, store_id: store.id, product_link_id: productLinkId, variant_id: variantId, remote_variant_id: reading.remoteVariantId, inventory_ref: reading.inventoryRef, last_known_remote_qty: reading.quantity ?? 0, last_pushed_qty: null, created_at: now, updated_at: now }).execute();
      }
    });
  }
  return { accountId: account.id, storeId: store.id, variants: readings.length };
}
