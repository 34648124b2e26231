// A local product as the store should hold it (a ProductDraft), fitted to the store's limits and
// policy, with each variant's quantity = what the store should show (desired quantity).
import type { ChannelLimits, ProductDraft } from '../../channels/channel.ts';
import type { Executor } from '../../db/transaction.ts';
import { desiredQuantity, onHandAt } from '../push/desired-quantity.ts';
import type { StoreRow } from '../stores/store-view.ts';
import { fitProduct, type Fit } from './fit.ts';
import type { SourceProduct } from './local-product-source.ts';

export function fitFor(product: SourceProduct, limits: ChannelLimits, store: Pick<StoreRow, 'attribute_policy'>): Fit {
  return fitProduct(
    { attributes: product.attributes, variants: product.variants.map((v) => ({ id: v.id, sku: v.sku, optionValues: v.optionValues })) },
    limits,
    store.attribute_policy,
  );
}

export async function buildDraft(db: Executor, store: StoreRow, product: SourceProduct, fit: Exclude<Fit, { kind: 'blocked' }>): Promise<ProductDraft> {
  const onHand = await onHandAt(db, store.account_id, store.location_id, product.variants.map((v) => v.id));
  return {
    localProductId: product.id,
    handle: product.handle,
    title: product.name,
    options: fit.options,
    variants: product.variants.map((variant) => ({
      localVariantId: variant.id,
      sku: variant.sku ?? '',
      barcode: variant.barcode,
      price: variant.price,
      weightKg: variant.weightKg,
      optionValues: fit.variantValues.get(variant.id) ?? [],
      quantity: desiredQuantity(onHand.get(variant.id) ?? 0, Number(store.buffer)),
    })),
  };
}
