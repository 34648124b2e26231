// WooCommerce products and variations → the Channel's RemoteProduct.
import type { RemoteProduct, RemoteStatus, RemoteVariant } from '../channel.ts';
import type { WooProduct, WooVariation } from './payloads.ts';
import { productRef, variationRef } from './refs.ts';

export interface LoadedProduct {
  product: WooProduct;
  variations: WooVariation[];
}

function status(wooStatus: string): RemoteStatus {
  if (wooStatus === 'publish') return 'active';
  if (wooStatus === 'trash') return 'archived';
  return 'draft'; // draft, pending, private: not on sale to shoppers
}

function blankToNull(value: string | null | undefined): string | null {
  return value === undefined || value === null || value.trim() === '' ? null : value;
}

function trackedQuantity(manage: boolean | 'parent' | undefined, quantity: number | null | undefined, parentQuantity: number | null): number | null {
  if (manage === true) return quantity ?? 0;
  if (manage === 'parent') return parentQuantity;
  return null;
}

export function variationOptions(product: WooProduct) {
  return product.type === 'variable' ? product.attributes.filter((a) => a.variation) : [];
}

export function toRemoteProduct({ product, variations }: LoadedProduct): RemoteProduct {
  const options = variationOptions(product).map((a) => ({ name: a.name, values: a.options }));
  const parentQuantity = product.manage_stock === true ? (product.stock_quantity ?? 0) : null;
  let variants: RemoteVariant[];
  if (product.type === 'variable') {
    variants = variations.map((variation) => ({
      remoteVariantId: String(variation.id),
      inventoryRef: variation.manage_stock === 'parent' ? productRef(product.id) : variationRef(product.id, variation.id),
      sku: blankToNull(variation.sku),
      barcode: blankToNull(variation.global_unique_id),
      price: blankToNull(variation.regular_price) ?? blankToNull(variation.price),
      weightKg: blankToNull(variation.weight),
      // A variation that leaves an attribute out matches "any" value of it.
      optionValues: options.map((option) => variation.attributes.find((a) => a.name === option.name)?.option ?? ''),
      quantity: trackedQuantity(variation.manage_stock, variation.stock_quantity, parentQuantity),
    }));
  } else {
    variants = [
      {
        remoteVariantId: String(product.id),
        inventoryRef: productRef(product.id),
        sku: blankToNull(product.sku),
        barcode: blankToNull(product.global_unique_id),
        price: blankToNull(product.regular_price) ?? blankToNull(product.price),
        weightKg: blankToNull(product.weight),
        optionValues: [],
        quantity: trackedQuantity(product.manage_stock, product.stock_quantity, null),
      },
    ];
  }
  return {
    remoteProductId: String(product.id),
    handle: blankToNull(product.slug),
    title: product.name,
    descriptionHtml: blankToNull(product.description),
    status: status(product.status),
    options,
    variants,
    updatedAt: product.date_modified_gmt ? `${product.date_modified_gmt.replace(/Z$/, '')}Z` : null,
  };
}
