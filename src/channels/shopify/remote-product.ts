// Shopify's product shape → the engine's RemoteProduct. Shopify gives every product at least one
// option; a product without options of its own carries "Title: Default Title", which is hidden here.
import type { RemoteOption, RemoteProduct, RemoteStatus, RemoteVariant } from '../channel.ts';
import type { ShopifyInventoryItem, ShopifyProduct, ShopifyVariant } from './payloads/product.ts';

export const DEFAULT_OPTION_NAME = 'Title';
export const DEFAULT_OPTION_VALUE = 'Default Title';

export function remoteStatus(status: ShopifyProduct['status']): RemoteStatus {
  if (status === 'DRAFT') return 'draft';
  if (status === 'ARCHIVED') return 'archived';
  return 'active'; // ACTIVE, UNLISTED (sellable by link)
}

export function isDefaultOptionSet(options: ReadonlyArray<{ name: string; values: string[] }>): boolean {
  return options.length === 1 && options[0].name === DEFAULT_OPTION_NAME && options[0].values.length <= 1
    && (options[0].values[0] ?? DEFAULT_OPTION_VALUE) === DEFAULT_OPTION_VALUE;
}

export function remoteOptions(options: ShopifyProduct['options']): RemoteOption[] {
  const ordered = [...options].sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
  if (isDefaultOptionSet(ordered)) return [];
  return ordered.map((option) => ({ name: option.name, values: [...option.values] }));
}

/**
 * The available quantity at the mapped location; null when Shopify does not track the item. A
 * tracked item not stocked there (no inventory level) holds nothing there: 0, and the first
 * quantity written stocks it (stocking.ts).
 */
export function availableQuantity(item: ShopifyInventoryItem): number | null {
  if (!item.tracked) return null;
  if (!item.inventoryLevel) return 0;
  return item.inventoryLevel.quantities.find((q) => q.name === 'available')?.quantity ?? 0;
}

function blankToNull(value: string | null | undefined): string | null {
  return value === undefined || value === null || value.trim() === '' ? null : value;
}

export function remoteVariant(variant: ShopifyVariant, options: RemoteOption[]): RemoteVariant {
  return {
    remoteVariantId: variant.id,
    inventoryRef: variant.inventoryItem.id,
    sku: blankToNull(variant.sku),
    barcode: blankToNull(variant.barcode),
    price: variant.price === null || variant.price === undefined ? null : String(variant.price),
    weightKg: null,
    optionValues: options.map((option) => variant.selectedOptions.find((s) => s.name === option.name)?.value ?? ''),
    quantity: availableQuantity(variant.inventoryItem),
  };
}

export function remoteProduct(product: Omit<ShopifyProduct, 'variants'>, variants: ShopifyVariant[]): RemoteProduct {
  const options = remoteOptions(product.options);
  return {
    remoteProductId: product.id,
    handle: product.handle,
    title: product.title,
    descriptionHtml: product.descriptionHtml ?? null,
    status: remoteStatus(product.status),
    options,
    variants: variants.map((variant) => remoteVariant(variant, options)),
    updatedAt: product.updatedAt ?? null,
  };
}
