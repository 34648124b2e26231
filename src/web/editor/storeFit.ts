// Whether a product fits a connected store, said the way a shopkeeper reads it:
// "Shopify: 5 attributes — will be merged into 3 options", "… blocked: …" or "fits".
import type { Store } from '../api/types.ts';

export interface StoreFit {
  store: Store;
  verdict: 'fits' | 'merged' | 'blocked';
  message: string;
}

export const platformNames: Record<string, string> = { shopify: 'Shopify', woocommerce: 'WooCommerce', bigcommerce: 'BigCommerce' };

export function storeLabel(store: Store): string {
  const platform = platformNames[store.platform] ?? store.platform;
  return store.name && store.name !== platform ? `${platform} (${store.name})` : platform;
}

export function fitFor(store: Store, attributeCount: number, variantCount: number): StoreFit {
  // The limits come from the store's connector, through the API.
  const maxOptions = store.limits?.maxOptions ?? Number.POSITIVE_INFINITY;
  const maxVariants = store.limits?.maxVariants ?? Number.POSITIVE_INFINITY;
  const label = storeLabel(store);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (variantCount > maxVariants) {
    return { store, verdict: 'blocked', message: `${label}: blocked — ${plural(variantCount, 'variant')}, the store takes at most ${maxVariants}.` };
  }
  if (attributeCount > maxOptions) {
    if ((store.attributePolicy ?? 'merge') === 'skip') {
      return {
        store,
        verdict: 'blocked',
        message: `${label}: blocked — ${plural(attributeCount, 'attribute')}, the store takes ${maxOptions} options and its policy keeps such products off.`,
      };
    }
    return { store, verdict: 'merged', message: `${label}: ${plural(attributeCount, 'attribute')} — will be merged into ${maxOptions} options.` };
  }
  return { store, verdict: 'fits', message: `${label}: fits.` };
}
