// Whether a local product fits a store's limits, and the shape it takes there (PRODUCT.md §2).
// More attributes than the store takes: `merge` folds the surplus into the last allowed option
// (`Length / Width` = `30 / 32`), `skip` keeps the product off the store with the reason. More
// variants than the store takes is always blocked: a half-published product is worse than none.
import type { RemoteOption } from '../../channels/channel.ts';
import type { AttributePolicy } from '../stores/store-tables.ts';

export const MERGE_SEPARATOR = ' / ';

export interface FitAttribute {
  name: string;
  values: string[];
}

export interface FitVariant {
  id: string;
  sku: string | null;
  optionValues: string[];
}

export interface FitInput {
  attributes: FitAttribute[];
  variants: FitVariant[];
}

export interface FitLimits {
  maxOptions: number;
  maxVariants: number;
}

export type Fit =
  | { kind: 'yes'; options: RemoteOption[]; variantValues: Map<string, string[]> }
  | { kind: 'merged'; how: string; options: RemoteOption[]; variantValues: Map<string, string[]> }
  | { kind: 'blocked'; reason: string };

/** The `fits` text CONTRACT.md shows: "yes", "merged: <how>" or "blocked: <reason>". */
export function fitLabel(fit: Fit): string {
  if (fit.kind === 'yes') return 'yes';
  if (fit.kind === 'merged') return `merged: ${fit.how}`;
  return `blocked: ${fit.reason}`;
}

function plural(count: number, word: string): string {
  return `${count.toLocaleString('en-GB')} ${word}${count === 1 ? '' : 's'}`;
}

function uniqueInOrder(values: string[]): string[] {
  return [...new Set(values)];
}

export function fitProduct(product: FitInput, limits: FitLimits, policy: AttributePolicy): Fit {
  if (product.variants.length === 0) return { kind: 'blocked', reason: 'it has no variants' };
  if (product.variants.length > limits.maxVariants) {
    return {
      kind: 'blocked',
      reason: `it has ${plural(product.variants.length, 'variant')} and the store takes at most ${limits.maxVariants.toLocaleString('en-GB')}`,
    };
  }
  const withoutSku = product.variants.filter((variant) => !variant.sku?.trim()).length;
  if (withoutSku > 0) {
    return { kind: 'blocked', reason: `${plural(withoutSku, 'variant')} ${withoutSku === 1 ? 'has' : 'have'} no SKU, which the store needs to keep stock in step` };
  }
  const attributes = product.attributes;
  if (attributes.length <= limits.maxOptions) {
    const variantValues = new Map(product.variants.map((variant) => [variant.id, variant.optionValues.slice(0, attributes.length)]));
    return { kind: 'yes', options: attributes.map((a) => ({ name: a.name, values: [...a.values] })), variantValues };
  }
  if (policy === 'skip' || limits.maxOptions < 1) {
    return {
      kind: 'blocked',
      reason: `it has ${plural(attributes.length, 'attribute')} and the store takes at most ${limits.maxOptions} (the store's policy is to skip such products)`,
    };
  }
  const kept = attributes.slice(0, limits.maxOptions - 1);
  const folded = attributes.slice(limits.maxOptions - 1);
  const mergedName = folded.map((a) => a.name).join(MERGE_SEPARATOR);
  const variantValues = new Map<string, string[]>();
  for (const variant of product.variants) {
    const values = variant.optionValues;
    variantValues.set(variant.id, [...values.slice(0, kept.length), values.slice(kept.length, attributes.length).join(MERGE_SEPARATOR)]);
  }
  const mergedValues = uniqueInOrder([...variantValues.values()].map((values) => values[kept.length]));
  const options: RemoteOption[] = [...kept.map((a) => ({ name: a.name, values: [...a.values] })), { name: mergedName, values: mergedValues }];
  return { kind: 'merged', how: `${folded.map((a) => a.name).join(', ')} folded into one option "${mergedName}"`, options, variantValues };
}
