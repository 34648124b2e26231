// /v3/inventory: locations, absolute and relative adjustments (≤ 2,000 items, tracking mode must
// match the reference), and reading inventory items per location. Absolute adjustments apply
// asynchronously, after the emulator's delay, as the real API does.
import { randomUUID } from 'node:crypto';
import { BcError } from '../bc-error.ts';
import type { CatalogState, InventoryChange, Product, Variant } from '../catalog-state.ts';
import { inventoryItemJson, locationItemJson, locationJson } from '../representations.ts';
import type { Route } from '../router.ts';
import { listPage, pageRequest } from './paging.ts';

const MAX_ADJUSTMENT_ITEMS = 2000;

interface AdjustmentItem {
  location_id: number;
  quantity: number;
  variant_id?: number;
  sku?: string;
  product_id?: number;
}

function parseAdjustment(body: unknown, catalog: CatalogState, absolute: boolean): Array<{ product: Product; variant: Variant; locationId: number; quantity: number }> {
  if (typeof body !== 'object' || body === null || !Array.isArray((body as { items?: unknown }).items)) {
    throw new BcError(422, 'The body needs an items array.', { items: 'items is required' });
  }
  const items = (body as { items: unknown[] }).items;
  if (items.length > MAX_ADJUSTMENT_ITEMS) {
    throw new BcError(422, `At most ${MAX_ADJUSTMENT_ITEMS} items may be adjusted in one request; ${items.length} were sent.`, { items: 'too many items' });
  }
  const seen = new Set<string>();
  return items.map((raw, index) => {
    if (typeof raw !== 'object' || raw === null) throw new BcError(422, `items.${index} must be an object.`);
    const item = raw as AdjustmentItem;
    const refs = ['variant_id', 'sku', 'product_id'].filter((k) => (item as unknown as Record<string, unknown>)[k] !== undefined);
    if (refs.length !== 1) {
      throw new BcError(422, `items.${index} must name exactly one of sku, variant_id or product_id.`, { [`items.${index}`]: `given: ${refs.join(', ') || 'none'}` });
    }
    if (!Number.isInteger(item.location_id)) throw new BcError(422, `items.${index}.location_id must be an integer.`);
    if (!catalog.location(item.location_id)) throw new BcError(422, `[Location with id ${item.location_id} does not exist]`);
    if (!Number.isInteger(item.quantity)) throw new BcError(422, `items.${index}.quantity must be an integer.`);
    if (absolute && item.quantity < 0) throw new BcError(422, `items.${index}.quantity must not be negative for an absolute adjustment.`);
    if (item.variant_id !== undefined && !Number.isInteger(item.variant_id)) throw new BcError(422, `items.${index}.variant_id must be an integer.`);
    if (item.product_id !== undefined && !Number.isInteger(item.product_id)) throw new BcError(422, `items.${index}.product_id must be an integer.`);
    if (item.sku !== undefined && typeof item.sku !== 'string') throw new BcError(422, `items.${index}.sku must be a string.`);
    const { product, variant } = catalog.resolveInventoryItem(item);
    const key = `${variant.id}@${item.location_id}`;
    if (seen.has(key)) throw new BcError(422, `items.${index} adjusts the same item at the same location twice in one request.`);
    seen.add(key);
    return { product, variant, locationId: item.location_id, quantity: item.quantity };
  });
}

function trackedItems(catalog: CatalogState, query: URLSearchParams): Array<{ product: Product; variant: Variant }> {
  const list = (name: string) => query.get(name)?.split(',').map((s) => s.trim()) ?? null;
  const skus = list('sku:in')?.map((s) => s.toLowerCase()) ?? null;
  const variantIds = list('variant_id:in')?.map(Number) ?? null;
  const productIds = list('product_id:in')?.map(Number) ?? null;
  const items: Array<{ product: Product; variant: Variant }> = [];
  for (const product of catalog.products.values()) {
    if (product.inventory_tracking === 'none') continue;
    if (productIds && !productIds.includes(product.id)) continue;
    const variants = product.inventory_tracking === 'product' ? product.variants.slice(0, 1) : product.variants;
    for (const variant of variants) {
      if (skus && !skus.includes(variant.sku.toLowerCase())) continue;
      if (variantIds && !variantIds.includes(variant.id)) continue;
      items.push({ product, variant });
    }
  }
  return items;
}

export function inventoryRoutes(
  catalog: CatalogState,
  applyDelayMs: () => number,
  onInventoryChange: (changes: InventoryChange[]) => void,
  later: (fn: () => void, ms: number) => void,
): Route[] {
  return [
    {
      method: 'GET',
      pattern: '/inventory/locations',
      writes: false,
      handler: (request) => listPage(catalog.locations, pageRequest(request.query, 50, 250), request.query, locationJson),
    },
    {
      method: 'PUT',
      pattern: '/inventory/adjustments/absolute',
      writes: true,
      handler: (request) => {
        const adjustments = parseAdjustment(request.body, catalog, true);
        const apply = () => {
          const changes: InventoryChange[] = adjustments.map(({ product, variant, locationId, quantity }) => {
            catalog.setInventory(variant, locationId, quantity);
            return { product, variant, locationId, value: quantity, method: 'absolute' };
          });
          onInventoryChange(changes);
        };
        const delay = applyDelayMs();
        if (delay > 0) later(apply, delay);
        else apply();
        return { status: 200, body: { transaction_id: randomUUID() } };
      },
    },
    {
      method: 'POST',
      pattern: '/inventory/adjustments/relative',
      writes: true,
      handler: (request) => {
        const adjustments = parseAdjustment(request.body, catalog, false);
        const changes: InventoryChange[] = adjustments.map(({ product, variant, locationId, quantity }) => {
          catalog.setInventory(variant, locationId, (variant.inventory.get(locationId) ?? 0) + quantity);
          return { product, variant, locationId, value: quantity, method: 'relative' };
        });
        onInventoryChange(changes);
        return { status: 200, body: { transaction_id: randomUUID() } };
      },
    },
    {
      method: 'GET',
      pattern: '/inventory/items',
      writes: false,
      handler: (request) => {
        const locationIds = request.query.get('location_id:in')?.split(',').map(Number) ?? null;
        const locations = catalog.locations.filter((l) => !locationIds || locationIds.includes(l.id));
        return listPage(trackedItems(catalog, request.query), pageRequest(request.query, 50, 1000), request.query, ({ product, variant }) =>
          inventoryItemJson(catalog, product, variant, locations),
        );
      },
    },
    {
      method: 'GET',
      pattern: '/inventory/locations/{location_id}/items',
      writes: false,
      handler: (request) => {
        const location = catalog.location(Number(request.params.location_id));
        if (!location) throw new BcError(404, `Location ${request.params.location_id} was not found.`);
        return listPage(trackedItems(catalog, request.query), pageRequest(request.query, 50, 1000), request.query, ({ product, variant }) =>
          locationItemJson(product, variant, location),
        );
      },
    },
  ];
}
