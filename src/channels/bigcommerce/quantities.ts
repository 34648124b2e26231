// Stock writes and reads through the Inventory API. Writes are absolute adjustments at the mapped
// location (at most 2,000 items a request), by variant_id or product_id as the product's tracking
// mode demands. They are idempotent by nature (they set, not add), so the idempotency key only
// names the change in the adjustment's reason. BigCommerce has no compare-and-set: the engine takes
// orders in before pushing, and reconciliation catches the rest.
import { ChannelError, type QuantityPage, type QuantityReading, type QuantityWrite, type QuantityWriteResult } from '../channel.ts';
import { CATALOG_PAGE_SIZE, INVENTORY_PAGE_SIZE, parsePageCursor, type Catalog } from './catalog-reader.ts';
import { collection, locationItemSchema, productSchema, transactionSchema, type BcProduct } from './payloads.ts';
import { parseStockRef, productRef, variantRef } from './refs.ts';
import { readSettled, recordWrites } from './settling-writes.ts';

export const QUANTITY_BATCH = 2000;

export interface StockDesk extends Catalog {
  /** Names this store and location for the settling-writes registry. */
  storeKey: () => Promise<string>;
}

type AdjustmentItem = { location_id: number; quantity: number } & ({ variant_id: number } | { product_id: number });

async function sendAdjustment(desk: StockDesk, rows: Array<{ write: QuantityWrite; item: AdjustmentItem }>, idempotencyKey: string) {
  await desk.client.request('PUT', '/v3/inventory/adjustments/absolute', transactionSchema, {
    body: { reason: `Stockroom sync ${idempotencyKey}`.slice(0, 255), items: rows.map((row) => row.item) },
  });
}

/** The refs a 422 names ("Item with variant_id 106 is tracked by product…"). */
function refsNamedIn(message: string): Set<string> {
  const named = new Set<string>();
  for (const match of message.matchAll(/\b(variant_id|product_id)\s*:?\s*(\d+)/g)) {
    named.add(match[1] === 'variant_id' ? variantRef(Number(match[2])) : productRef(Number(match[2])));
  }
  return named;
}

export async function writeQuantities(desk: StockDesk, writes: QuantityWrite[], idempotencyKey: string): Promise<QuantityWriteResult> {
  if (writes.length > QUANTITY_BATCH) {
    throw new ChannelError('invalid', `At most ${QUANTITY_BATCH} quantities can be sent to BigCommerce at once; ${writes.length} were given.`, false);
  }
  const result: QuantityWriteResult = { applied: [], stale: [], failed: [] };
  const locationId = await desk.locationId();
  let rows: Array<{ write: QuantityWrite; item: AdjustmentItem }> = [];
  for (const write of writes) {
    const ref = parseStockRef(write.inventoryRef);
    if (!ref) {
      result.failed.push({ inventoryRef: write.inventoryRef, reason: 'not a BigCommerce variant or product reference' });
    } else if (!Number.isInteger(write.quantity) || write.quantity < 0) {
      result.failed.push({ inventoryRef: write.inventoryRef, reason: `BigCommerce takes whole quantities of 0 or more, not ${write.quantity}` });
    } else {
      const target = ref.kind === 'variant' ? { variant_id: ref.id } : { product_id: ref.id };
      rows.push({ write, item: { location_id: locationId, ...target, quantity: write.quantity } });
    }
  }
  // A 422 refuses the whole request and names the item at fault: set those aside and send the rest once more.
  for (let attempt = 0; rows.length > 0; attempt += 1) {
    try {
      await sendAdjustment(desk, rows, idempotencyKey);
      result.applied.push(...rows.map((row) => row.write.inventoryRef));
      recordWrites(await desk.storeKey(), rows.map((row) => row.write));
      break;
    } catch (error) {
      if (!(error instanceof ChannelError) || error.code !== 'invalid') throw error;
      const named = refsNamedIn(error.message);
      const refused = rows.filter((row) => named.has(row.write.inventoryRef));
      const rest = rows.filter((row) => !named.has(row.write.inventoryRef));
      if (refused.length === 0 || attempt >= 1) {
        result.failed.push(...rows.map((row) => ({ inventoryRef: row.write.inventoryRef, reason: error.message })));
        break;
      }
      result.failed.push(...refused.map((row) => ({ inventoryRef: row.write.inventoryRef, reason: error.message })));
      rows = rest;
    }
  }
  return result;
}

async function trackingOf(desk: StockDesk, productIds: number[]): Promise<Map<number, BcProduct>> {
  const products = new Map<number, BcProduct>();
  for (let start = 0; start < productIds.length; start += CATALOG_PAGE_SIZE) {
    const ids = productIds.slice(start, start + CATALOG_PAGE_SIZE);
    const answer = await desk.client.request('GET', '/v3/catalog/products', collection(productSchema), {
      query: { 'id:in': ids.join(','), limit: CATALOG_PAGE_SIZE, include_fields: 'name,inventory_tracking,base_variant_id' },
    });
    for (const product of answer.data) products.set(product.id, product);
  }
  return products;
}

async function readLocationPage(desk: StockDesk, page: number): Promise<QuantityPage> {
  const locationId = await desk.locationId();
  const answer = await desk.client.request('GET', `/v3/inventory/locations/${locationId}/items`, collection(locationItemSchema), {
    query: { limit: INVENTORY_PAGE_SIZE, page },
  });
  // Location items do not say how a product is tracked; the catalogue does (and the ref depends on it).
  const productIds = [...new Set(answer.data.map((item) => item.identity.product_id))];
  const products = await trackingOf(desk, productIds);
  const readings: QuantityReading[] = [];
  const productRead = new Set<number>();
  for (const item of answer.data) {
    const product = products.get(item.identity.product_id);
    const quantity = item.total_inventory_onhand ?? item.available_to_sell ?? null;
    if (!product || item.identity.variant_id == null) continue;
    const sku = item.identity.sku && item.identity.sku.trim() !== '' ? item.identity.sku : null;
    if (product.inventory_tracking === 'variant') {
      readings.push({ inventoryRef: variantRef(item.identity.variant_id), remoteVariantId: String(item.identity.variant_id), sku, quantity });
    } else if (product.inventory_tracking === 'product' && !productRead.has(product.id)) {
      const isStockHolder = product.base_variant_id == null || product.base_variant_id === item.identity.variant_id;
      if (!isStockHolder) continue;
      productRead.add(product.id);
      readings.push({ inventoryRef: productRef(product.id), remoteVariantId: String(item.identity.variant_id), sku, quantity });
    }
  }
  const totalPages = answer.meta?.pagination?.total_pages;
  const hasMore = totalPages !== undefined ? page < totalPages : answer.data.length === INVENTORY_PAGE_SIZE;
  return { readings, nextCursor: hasMore ? String(page + 1) : null };
}

export async function readQuantityPage(desk: StockDesk, cursor: string | null): Promise<QuantityPage> {
  const page = parsePageCursor(cursor, 'quantity');
  return readSettled(await desk.storeKey(), () => readLocationPage(desk, page));
}
