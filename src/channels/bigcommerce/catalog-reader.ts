// Reading products a page at a time (250, in id order so pages neither skip nor repeat) with their
// variants, and their quantities at the mapped location from the Inventory API (a variant's own
// inventory_level is its total over every location).
import { ChannelError, type QuantityWrite, type QuantityWriteResult, type RemoteProduct } from '../channel.ts';
import { collection, locationItemSchema, productSchema, single, type BcProduct } from './payloads.ts';
import { toRemoteProduct, type LocationQuantities } from './remote-product.ts';
import type { BcRestClient } from './rest-client.ts';

export const CATALOG_PAGE_SIZE = 250;
export const INVENTORY_PAGE_SIZE = 1000;

export interface Catalog {
  client: BcRestClient;
  locationId: () => Promise<number>;
  /** Absolute quantity writes at the mapped location (for a new product's opening stock). */
  writeQuantities: (writes: QuantityWrite[], idempotencyKey: string) => Promise<QuantityWriteResult>;
}

/** What the store holds, per variant id, at the location; a location item's on-hand figure is what absolute adjustments set. */
export async function quantitiesAt(catalog: Catalog, productIds: number[]): Promise<LocationQuantities> {
  const quantities: LocationQuantities = { byVariant: new Map(), byProduct: new Map() };
  if (productIds.length === 0) return quantities;
  const locationId = await catalog.locationId();
  for (let start = 0; start < productIds.length; start += CATALOG_PAGE_SIZE) {
    const ids = productIds.slice(start, start + CATALOG_PAGE_SIZE).join(',');
    for (let page = 1; ; page += 1) {
      const answer = await catalog.client.request('GET', `/v3/inventory/locations/${locationId}/items`, collection(locationItemSchema), {
        query: { 'product_id:in': ids, limit: INVENTORY_PAGE_SIZE, page },
      });
      for (const item of answer.data) {
        const onHand = item.total_inventory_onhand ?? item.available_to_sell;
        if (onHand === undefined) continue;
        if (item.identity.variant_id != null) quantities.byVariant.set(item.identity.variant_id, onHand);
        if (item.identity.variant_id == null || !quantities.byProduct.has(item.identity.product_id)) quantities.byProduct.set(item.identity.product_id, onHand);
      }
      const totalPages = answer.meta?.pagination?.total_pages;
      if (totalPages !== undefined ? page >= totalPages : answer.data.length < INVENTORY_PAGE_SIZE) break;
    }
  }
  return quantities;
}

export async function withQuantities(catalog: Catalog, products: BcProduct[]): Promise<RemoteProduct[]> {
  const tracked = products.filter((p) => p.inventory_tracking === 'product' || p.inventory_tracking === 'variant').map((p) => p.id);
  const quantities = await quantitiesAt(catalog, tracked);
  return products.map((product) => toRemoteProduct(product, quantities));
}

export async function loadProduct(catalog: Catalog, productId: number): Promise<BcProduct | null> {
  try {
    const answer = await catalog.client.request('GET', `/v3/catalog/products/${productId}`, single(productSchema), { query: { include: 'variants' } });
    return answer.data;
  } catch (error) {
    if (error instanceof ChannelError && error.code === 'not_found') return null;
    throw error;
  }
}

export async function readProduct(catalog: Catalog, remoteProductId: string): Promise<RemoteProduct | null> {
  const id = Number(remoteProductId);
  if (!Number.isInteger(id) || id < 1) return null;
  const product = await loadProduct(catalog, id);
  return product ? (await withQuantities(catalog, [product]))[0] : null;
}

export function parsePageCursor(cursor: string | null, what: string): number {
  if (cursor === null) return 1;
  const page = Number(cursor);
  if (!Number.isInteger(page) || page < 1) throw new ChannelError('invalid', `"${cursor}" is not a BigCommerce ${what} page cursor.`, false);
  return page;
}

export async function readCatalogPage(catalog: Catalog, cursor: string | null): Promise<{ products: RemoteProduct[]; nextCursor: string | null }> {
  const page = parsePageCursor(cursor, 'catalogue');
  const answer = await catalog.client.request('GET', '/v3/catalog/products', collection(productSchema), {
    query: { include: 'variants', limit: CATALOG_PAGE_SIZE, page, sort: 'id', direction: 'asc' },
  });
  const totalPages = answer.meta?.pagination?.total_pages;
  const hasMore = totalPages !== undefined ? page < totalPages : answer.data.length === CATALOG_PAGE_SIZE;
  return { products: await withQuantities(catalog, answer.data), nextCursor: hasMore ? String(page + 1) : null };
}
