// The `query:` search fields each connection understands, as matchers over store records.
import { parseGid } from './gid.ts';
import { compareValues, matchAnyOf, matchDate, matchText, type FieldMatcher } from './search-query.ts';
import type { OrderRecord, ProductRecord, ShopStore, VariantRecord } from './store.ts';

export const idMatcher =
  <T extends { id: number }>(type: string): FieldMatcher<T> =>
  (r, t) => {
    const wanted = parseGid(t.value, type) ?? Number(t.value);
    return compareValues(r.id, t, wanted);
  };

export function productFields(store: ShopStore): Record<string, FieldMatcher<ProductRecord>> {
  return {
    sku: (p, t) => p.variantIds.some((id) => matchText(store.variants.get(id)?.sku, t)),
    barcode: (p, t) => p.variantIds.some((id) => matchText(store.variants.get(id)?.barcode, t)),
    updated_at: (p, t) => matchDate(p.updatedAt, t),
    created_at: (p, t) => matchDate(p.createdAt, t),
    status: (p, t) => matchAnyOf(p.status, t),
    handle: (p, t) => matchText(p.handle, t),
    title: (p, t) => matchText(p.title, t),
    vendor: (p, t) => matchText(p.vendor, t),
    product_type: (p, t) => matchText(p.productType, t),
    id: idMatcher('Product'),
  };
}

export function variantFields(store: ShopStore): Record<string, FieldMatcher<VariantRecord>> {
  return {
    sku: (v, t) => matchText(v.sku, t),
    barcode: (v, t) => matchText(v.barcode, t),
    updated_at: (v, t) => matchDate(v.updatedAt, t),
    created_at: (v, t) => matchDate(v.createdAt, t),
    product_id: (v, t) => compareValues(v.productId, t, parseGid(t.value, 'Product') ?? Number(t.value)),
    product_status: (v, t) => matchAnyOf(store.products.get(v.productId)!.status, t),
    inventory_item_id: (v, t) => compareValues(v.inventoryItemId, t, parseGid(t.value, 'InventoryItem') ?? Number(t.value)),
    title: (v, t) => matchText(store.variantTitle(v), t),
    id: idMatcher('ProductVariant'),
  };
}

export const orderFields: Record<string, FieldMatcher<OrderRecord>> = {
  updated_at: (o, t) => matchDate(o.updatedAt, t),
  created_at: (o, t) => matchDate(o.createdAt, t),
  processed_at: (o, t) => matchDate(o.createdAt, t),
  name: (o, t) => matchText(o.name, t) || matchText(o.name.replace('#', ''), t),
  status: (o, t) => matchAnyOf(o.cancelledAt ? 'cancelled' : 'open', t),
  sku: (o, t) => o.lineItems.some((l) => matchText(l.sku, t)),
  id: idMatcher('Order'),
};

/** A bare word matches when the record's text contains it (case-insensitive). */
export function containsText<T>(text: (r: T) => string): FieldMatcher<T> {
  return (r, t) => text(r).toLowerCase().includes(t.value.toLowerCase());
}
