// Stock writes and reads. WooCommerce has no compare-and-set: a write sets stock_quantity (with
// manage_stock true in the same request, or WooCommerce drops it), products through products/batch
// and variations through their parent's variations/batch, at most 100 objects a request.
import { ChannelError, type QuantityPage, type QuantityReading, type QuantityWrite, type QuantityWriteResult } from '../channel.ts';
import { loadProductPage, parsePageCursor } from './catalog-reader.ts';
import { batchResponseSchema } from './payloads.ts';
import { parseStockRef } from './refs.ts';
import { toRemoteProduct } from './remote-product.ts';
import type { WooRestClient } from './rest-client.ts';

export const QUANTITY_BATCH = 100;

export async function writeQuantities(client: WooRestClient, writes: QuantityWrite[]): Promise<QuantityWriteResult> {
  if (writes.length > QUANTITY_BATCH) {
    throw new ChannelError('invalid', `At most ${QUANTITY_BATCH} quantities can be sent to WooCommerce at once; ${writes.length} were given.`);
  }
  const result: QuantityWriteResult = { applied: [], stale: [], failed: [] };
  // One request per endpoint: products together, variations per parent.
  const groups = new Map<string, Array<{ write: QuantityWrite; id: number }>>();
  for (const write of writes) {
    const ref = parseStockRef(write.inventoryRef);
    if (!ref) {
      result.failed.push({ inventoryRef: write.inventoryRef, reason: 'not a WooCommerce product or variation reference' });
      continue;
    }
    if (!Number.isInteger(write.quantity)) {
      result.failed.push({ inventoryRef: write.inventoryRef, reason: `WooCommerce takes whole quantities only, not ${write.quantity}` });
      continue;
    }
    const path = ref.kind === 'product' ? 'products/batch' : `products/${ref.parentId}/variations/batch`;
    const id = ref.kind === 'product' ? ref.productId : ref.variationId;
    groups.set(path, [...(groups.get(path) ?? []), { write, id }]);
  }
  for (const [path, rows] of groups) {
    const answer = await client.request('POST', path, batchResponseSchema, {
      body: { update: rows.map(({ write, id }) => ({ id, manage_stock: true, stock_quantity: write.quantity })) },
    });
    const items = Array.isArray(answer.body) ? [] : (answer.body.update ?? []);
    rows.forEach(({ write }, index) => {
      const item = items[index];
      if (!item) result.failed.push({ inventoryRef: write.inventoryRef, reason: 'WooCommerce did not answer for this item' });
      else if (item.error) result.failed.push({ inventoryRef: write.inventoryRef, reason: item.error.message });
      else result.applied.push(write.inventoryRef);
    });
  }
  return result;
}

export async function readQuantityPage(client: WooRestClient, cursor: string | null): Promise<QuantityPage> {
  const page = parsePageCursor(cursor);
  const loaded = await loadProductPage(client, page);
  const readings: QuantityReading[] = [];
  const seenRefs = new Set<string>();
  for (const item of loaded.products) {
    for (const variant of toRemoteProduct(item).variants) {
      if (variant.quantity === null || seenRefs.has(variant.inventoryRef)) continue;
      seenRefs.add(variant.inventoryRef);
      readings.push({ inventoryRef: variant.inventoryRef, remoteVariantId: variant.remoteVariantId, sku: variant.sku, quantity: variant.quantity });
    }
  }
  return { readings, nextCursor: loaded.hasMore ? String(page + 1) : null };
}
