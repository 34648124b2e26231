// BigCommerce products (with their variants) → the Channel's RemoteProduct. Options are rebuilt
// from the variants' option_values (option_display_name + label): including `options` in a
// product listing limits pages to 10 products, and the variants already say everything needed.
import type { RemoteOption, RemoteProduct, RemoteStatus, RemoteVariant } from '../channel.ts';
import type { BcProduct, BcVariant } from './payloads.ts';
import { productRef, variantRef } from './refs.ts';

/** Quantities at the mapped location by variant id, and by product id for items listed without a variant. */
export interface LocationQuantities {
  byVariant: Map<number, number>;
  byProduct: Map<number, number>;
}

function blankToNull(value: string | null | undefined): string | null {
  return value === undefined || value === null || value.trim() === '' ? null : value;
}

/** BigCommerce keeps up to 4 decimal places and sends binary floats (1.7999999999999998): "1.80". */
export function decimal(value: number | string | null | undefined): string | null {
  if (value === undefined || value === null || value === '') return null;
  const number = Number(value);
  if (!Number.isFinite(number)) return null;
  return number.toFixed(4).replace(/(\.\d\d\d*?)0+$/, '$1');
}

function status(product: BcProduct): RemoteStatus {
  return product.is_visible === false ? 'draft' : 'active';
}

export function optionsOf(variants: BcVariant[]): RemoteOption[] {
  const options: RemoteOption[] = [];
  for (const variant of variants) {
    for (const value of variant.option_values) {
      let option = options.find((o) => o.name === value.option_display_name);
      if (!option) {
        option = { name: value.option_display_name, values: [] };
        options.push(option);
      }
      if (!option.values.includes(value.label)) option.values.push(value.label);
    }
  }
  return options;
}

function handleOf(product: BcProduct): string | null {
  const slug = product.custom_url?.url.replace(/^\/+|\/+$/g, '') ?? '';
  return slug === '' ? null : slug;
}

export function toRemoteProduct(product: BcProduct, quantities: LocationQuantities): RemoteProduct {
  const variants = product.variants ?? [];
  const options = optionsOf(variants);
  const tracking = product.inventory_tracking ?? 'none';
  const stockVariantId = product.base_variant_id ?? variants[0]?.id;
  const remoteVariants: RemoteVariant[] = variants.map((variant) => {
    let quantity: number | null = null;
    if (tracking === 'variant') quantity = quantities.byVariant.get(variant.id) ?? 0;
    if (tracking === 'product') {
      // A product-tracked product's stock is one figure, kept on its base variant.
      quantity = (stockVariantId !== undefined ? quantities.byVariant.get(stockVariantId) : undefined) ?? quantities.byProduct.get(product.id) ?? 0;
    }
    return {
      remoteVariantId: String(variant.id),
      inventoryRef: tracking === 'product' ? productRef(product.id) : variantRef(variant.id),
      sku: blankToNull(variant.sku) ?? (variants.length === 1 ? blankToNull(product.sku) : null),
      barcode: blankToNull(variant.upc) ?? blankToNull(variant.gtin) ?? (variants.length === 1 ? (blankToNull(product.upc) ?? blankToNull(product.gtin)) : null),
      price: decimal(variant.price ?? product.price),
      weightKg: decimal(variant.weight ?? product.weight),
      optionValues: options.map((option) => variant.option_values.find((v) => v.option_display_name === option.name)?.label ?? ''),
      quantity,
    };
  });
  return {
    remoteProductId: String(product.id),
    handle: handleOf(product),
    title: product.name,
    descriptionHtml: blankToNull(product.description),
    status: status(product),
    options,
    variants: remoteVariants,
    updatedAt: product.date_modified ? new Date(product.date_modified).toISOString() : null,
  };
}
