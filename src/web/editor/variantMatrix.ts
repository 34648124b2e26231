// The variant matrix: one row per combination of the attributes' values, keeping what the user
// already typed for a combination (SKU, barcode, price, cost) when attributes change.
import type { Attribute, Variant } from '../api/types.ts';

export const MAX_ATTRIBUTES = 5;

export interface VariantDraft {
  id?: string;
  values: string[];
  sku: string;
  barcode: string;
  price: string;
  costPrice: string;
}

export function cleanAttributes(attributes: Attribute[]): Attribute[] {
  return attributes
    .map((a) => ({ name: a.name.trim(), values: [...new Set(a.values.map((v) => v.trim()).filter(Boolean))] }))
    .filter((a) => a.name && a.values.length > 0);
}

export function combinations(attributes: Attribute[]): string[][] {
  return attributes.reduce<string[][]>((rows, attribute) => rows.flatMap((row) => attribute.values.map((value) => [...row, value])), [[]]);
}

const keyOf = (values: string[]) => values.join('\u0000');

export function buildMatrix(attributes: Attribute[], previous: VariantDraft[]): VariantDraft[] {
  const clean = cleanAttributes(attributes);
  const byKey = new Map(previous.map((row) => [keyOf(row.values), row]));
  const combos = combinations(clean);
  // A product without attributes still has its one variant; keep it as it was.
  if (clean.length === 0) return [previous.find((row) => row.values.length === 0) ?? previous[0] ?? emptyDraft([])].map((row) => ({ ...row, values: [] }));
  return combos.map((values) => byKey.get(keyOf(values)) ?? emptyDraft(values));
}

export function emptyDraft(values: string[]): VariantDraft {
  return { values, sku: '', barcode: '', price: '', costPrice: '' };
}

export function draftFromVariant(variant: Variant): VariantDraft {
  return {
    id: variant.id,
    values: variant.values ?? [],
    sku: variant.sku ?? '',
    barcode: variant.barcode ?? '',
    price: variant.price ?? '',
    costPrice: variant.costPrice ?? '',
  };
}

/** SKUs made from the product name and each value, for rows that have none yet. */
export function suggestSkus(name: string, rows: VariantDraft[]): VariantDraft[] {
  const stem = (text: string) => text.normalize('NFKD').replace(/[^A-Za-z0-9]+/g, '').toUpperCase();
  const base = stem(name).slice(0, 10) || 'ITEM';
  return rows.map((row) => (row.sku.trim() ? row : { ...row, sku: [base, ...row.values.map((v) => stem(v).slice(0, 4))].join('-') }));
}
