// The engine's ProductDraft → Shopify's ProductSetInput. Only master fields are ever written:
// title, handle (on create), options, variants with SKU, barcode, price and tracked inventory.
// Description, status (after create), media, SEO and collections are never sent.
import { ChannelError, type ProductDraft, type RemoteProduct, type RemoteVariant, type VariantDraft } from '../channel.ts';
import { DEFAULT_OPTION_NAME, DEFAULT_OPTION_VALUE } from './remote-product.ts';

type Json = Record<string, unknown>;

interface OptionShape {
  name: string;
  values: string[];
}

function optionsOf(draft: ProductDraft): OptionShape[] {
  if (draft.options.length === 0) return [{ name: DEFAULT_OPTION_NAME, values: [DEFAULT_OPTION_VALUE] }];
  return draft.options.map((option) => ({ name: option.name, values: [...option.values] }));
}

function optionValuesOf(options: OptionShape[], values: string[]): Json[] {
  if (values.length === 0 && options[0]?.name === DEFAULT_OPTION_NAME) return [{ optionName: DEFAULT_OPTION_NAME, name: DEFAULT_OPTION_VALUE }];
  return options.map((option, index) => ({ optionName: option.name, name: values[index] }));
}

function productOptionsInput(options: OptionShape[]): Json[] {
  return options.map((option, index) => ({
    name: option.name,
    position: index + 1,
    values: option.values.map((name) => ({ name })),
  }));
}

function masterVariantFields(options: OptionShape[], variant: VariantDraft): Json {
  return {
    optionValues: optionValuesOf(options, variant.optionValues),
    sku: variant.sku,
    barcode: variant.barcode ?? '',
    price: variant.price,
    inventoryItem: { tracked: true, sku: variant.sku },
  };
}

export function createInput(draft: ProductDraft, locationId: string): Json {
  const options = optionsOf(draft);
  return {
    title: draft.title,
    handle: draft.handle,
    status: 'DRAFT',
    productOptions: productOptionsInput(options),
    variants: draft.variants.map((variant) => ({
      ...masterVariantFields(options, variant),
      inventoryQuantities: [{ locationId, name: 'available', quantity: Math.max(0, Math.floor(variant.quantity)) }],
    })),
  };
}

export interface UpdatePlan {
  input: Json;
  /** SKUs (or remote ids when blank) of variants only on the store that the input keeps. */
  keptRemoteOnly: string[];
}

function comboKey(values: string[]): string {
  return JSON.stringify(values);
}

/**
 * productSet replaces the variant list wholesale, so the plan lists every variant the product
 * should end with: the draft's (matched to existing ones by link, then SKU, then option values, so their
 * ids, inventory items and stock are kept) plus every variant that exists only on the store.
 */
export function updatePlan(existing: RemoteProduct, draft: ProductDraft): UpdatePlan {
  const options = optionsOf(draft);
  const unmatched = new Map(existing.variants.map((variant) => [variant.remoteVariantId, variant]));
  const matches = new Map<VariantDraft, RemoteVariant>();

  for (const variant of draft.variants) {
    const linked = variant.remoteVariantId === undefined ? undefined : unmatched.get(variant.remoteVariantId);
    if (linked) {
      matches.set(variant, linked);
      unmatched.delete(linked.remoteVariantId);
    }
  }
  for (const variant of draft.variants) {
    if (matches.has(variant)) continue;
    const bySku = [...unmatched.values()].find((remote) => remote.sku !== null && remote.sku === variant.sku);
    if (bySku) {
      matches.set(variant, bySku);
      unmatched.delete(bySku.remoteVariantId);
    }
  }
  const sameOptionNames = comboKey(existing.options.map((o) => o.name)) === comboKey(draft.options.map((o) => o.name));
  if (sameOptionNames) {
    for (const variant of draft.variants) {
      if (matches.has(variant)) continue;
      const byOptions = [...unmatched.values()].find((remote) => comboKey(remote.optionValues) === comboKey(variant.optionValues));
      if (byOptions) {
        matches.set(variant, byOptions);
        unmatched.delete(byOptions.remoteVariantId);
      }
    }
  }

  const remoteOnly = [...unmatched.values()];
  const keptRemoteOnly = remoteOnly.map((variant) => variant.sku ?? variant.remoteVariantId);
  if (remoteOnly.length > 0 && !sameOptionNames) {
    throw new ChannelError(
      'conflict',
      `The product on Shopify has variants Stockroom does not know (${keptRemoteOnly.join(', ')}) and its options ` +
        `(${existing.options.map((o) => o.name).join(', ') || 'none'}) differ from Stockroom's ` +
        `(${draft.options.map((o) => o.name).join(', ') || 'none'}); remove or link those variants on Shopify first.`,
    );
  }
  const taken = new Set(draft.variants.map((variant) => comboKey(variant.optionValues)));
  for (const variant of remoteOnly) {
    if (taken.has(comboKey(variant.optionValues))) {
      throw new ChannelError(
        'conflict',
        `Variant ${variant.sku ?? variant.remoteVariantId} exists only on Shopify with the same options ` +
          `(${variant.optionValues.join(' / ')}) as a Stockroom variant; remove or relink it on Shopify first.`,
      );
    }
    variant.optionValues.forEach((value, index) => {
      if (!options[index].values.includes(value)) options[index].values.push(value);
    });
  }

  const variants: Json[] = draft.variants.map((variant) => {
    const match = matches.get(variant);
    return match ? { id: match.remoteVariantId, ...masterVariantFields(options, variant) } : masterVariantFields(options, variant);
  });
  for (const variant of remoteOnly) {
    variants.push({ id: variant.remoteVariantId, optionValues: optionValuesOf(options, variant.optionValues) });
  }

  return {
    input: { title: draft.title, productOptions: productOptionsInput(options), variants },
    keptRemoteOnly,
  };
}
