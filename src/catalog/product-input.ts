// Checks and normalises what a person sends for a product: attributes, variants, prices.
// Every rule here has a sentence a shopkeeper understands.
import { DomainError, invalid } from '../errors/domain-error.ts';
import type { ProductStatus, ProductType } from '../db/schema.ts';
import { nameKey } from '../accounts/names.ts';
import { parseMoney, parseWeightKg } from './decimal.ts';

export const MAX_ATTRIBUTES = 5;
export const PRODUCT_TYPES: readonly ProductType[] = ['fixed', 'per_unit'];
export const PRODUCT_STATUSES: readonly ProductStatus[] = ['active', 'draft', 'archived'];

export interface Attribute {
  name: string;
  values: string[];
}

export interface VariantInput {
  id?: string;
  sku?: string | null;
  barcode?: string | null;
  /** decimal in the account's currency: "12.50" or 12.5 */
  price?: string | number;
  costPrice?: string | number | null;
  /** kilograms, decimal */
  weight?: string | number | null;
  /** one value per attribute, in the product's attribute order */
  values?: string[];
}

export interface ProductInput {
  name?: string;
  handle?: string;
  description?: string;
  productGroupId?: string | null;
  brandId?: string | null;
  supplierId?: string | null;
  taxGroupId?: string | null;
  productType?: ProductType | null;
  unit?: string | null;
  ecommerce?: boolean;
  status?: ProductStatus;
  attributes?: Attribute[];
  variants?: VariantInput[];
}

export interface NormalisedVariant {
  id?: string;
  position: number;
  sku: string | null;
  skuKey: string | null;
  barcode: string | null;
  priceMinor: number;
  costPriceMinor: number | null;
  weightGrams: number | null;
  values: string[];
  combinationKey: string;
}

export function normaliseName(raw: string | undefined): string {
  const name = (raw ?? '').trim();
  if (!name) throw invalid('A product needs a name.');
  if (name.length > 255) throw invalid('A product name can be at most 255 characters.');
  return name;
}

export function normaliseProductType(raw: string | null | undefined): ProductType | null {
  if (raw === null || raw === undefined || raw === '') return null;
  if (!(PRODUCT_TYPES as readonly string[]).includes(raw)) throw invalid(`The product type must be "fixed" or "per_unit", not "${raw}".`);
  return raw as ProductType;
}

/** A per-unit product is sold by a unit (ft, m, kg…); a fixed one has none. */
export function normaliseUnit(productType: ProductType | null, raw: string | null | undefined): string | null {
  const unit = (raw ?? '').trim();
  if (productType === 'per_unit' && !unit) throw invalid('A per-unit product needs its unit (for example ft, m, pint or kg).');
  if (productType !== 'per_unit') return null;
  if (unit.length > 20) throw invalid('A unit can be at most 20 characters.');
  return unit;
}

export function normaliseStatus(raw: string | undefined): ProductStatus {
  if (raw === undefined) return 'active';
  if (!(PRODUCT_STATUSES as readonly string[]).includes(raw)) throw invalid(`The status must be active, draft or archived, not "${raw}".`);
  return raw as ProductStatus;
}

export function normaliseAttributes(raw: Attribute[] | undefined): Attribute[] {
  const attributes = raw ?? [];
  if (attributes.length > MAX_ATTRIBUTES) {
    throw invalid(`A product can have at most ${MAX_ATTRIBUTES} attributes; this one has ${attributes.length}.`);
  }
  const seen = new Set<string>();
  return attributes.map((attribute, index) => {
    const name = (attribute.name ?? '').trim();
    if (!name) throw invalid(`Attribute ${index + 1} needs a name.`);
    if (seen.has(nameKey(name))) throw invalid(`The attribute "${name}" is listed twice.`);
    seen.add(nameKey(name));
    const values: string[] = [];
    const seenValues = new Set<string>();
    for (const rawValue of attribute.values ?? []) {
      const value = String(rawValue).trim();
      if (!value) throw invalid(`The attribute "${name}" has an empty value.`);
      if (seenValues.has(nameKey(value))) throw invalid(`The attribute "${name}" lists the value "${value}" twice.`);
      seenValues.add(nameKey(value));
      values.push(value);
    }
    if (values.length === 0) throw invalid(`The attribute "${name}" needs at least one value.`);
    return { name, values };
  });
}

export function combinationKeyOf(values: readonly string[]): string {
  return JSON.stringify(values.map(nameKey));
}

/** Checks each variant against the attributes, and SKUs and combinations against each other. */
export function normaliseVariants(attributes: Attribute[], raw: VariantInput[] | undefined): NormalisedVariant[] {
  const variants = raw ?? [];
  if (variants.length === 0) throw invalid('A product needs at least one variant.');
  if (variants.length > 2000) throw invalid('A product can have at most 2000 variants.');
  const bySku = new Map<string, number>();
  const byCombination = new Map<string, number>();
  return variants.map((variant, index) => {
    const label = variantLabel(index, variant.sku);
    const values = matchValues(attributes, variant.values ?? [], label);
    const combinationKey = combinationKeyOf(values);
    const twin = byCombination.get(combinationKey);
    if (twin !== undefined) {
      throw invalid(`Variants ${twin + 1} and ${index + 1} have the same combination (${values.join(' / ') || 'no attributes'}); each variant needs its own.`);
    }
    byCombination.set(combinationKey, index);
    const sku = (variant.sku ?? '').trim() || null;
    const skuKey = sku === null ? null : nameKey(sku);
    if (sku && sku.length > 100) throw invalid(`${label}: a SKU can be at most 100 characters.`);
    if (skuKey !== null) {
      const other = bySku.get(skuKey);
      if (other !== undefined) {
        throw new DomainError('duplicate_sku', `The SKU "${sku}" is given to variants ${other + 1} and ${index + 1}; SKUs must be unique (ignoring case and spaces).`);
      }
      bySku.set(skuKey, index);
    }
    return {
      id: variant.id,
      position: index,
      sku,
      skuKey,
      barcode: (variant.barcode ?? '').trim() || null,
      priceMinor: withLabel(label, () => parseMoney(variant.price ?? 0, 'price')),
      costPriceMinor: isBlank(variant.costPrice) ? null : withLabel(label, () => parseMoney(variant.costPrice as string | number, 'cost price')),
      weightGrams: isBlank(variant.weight) ? null : withLabel(label, () => parseWeightKg(variant.weight as string | number)),
      values,
      combinationKey,
    };
  });
}

function matchValues(attributes: Attribute[], raw: readonly string[], label: string): string[] {
  if (raw.length !== attributes.length) {
    const expected = attributes.length === 0 ? 'no attribute values' : `one value for each of ${attributes.map((a) => a.name).join(', ')}`;
    throw invalid(`${label} has ${raw.length} attribute value${raw.length === 1 ? '' : 's'}, but the product needs ${expected}.`);
  }
  return raw.map((rawValue, position) => {
    const attribute = attributes[position];
    const wanted = nameKey(String(rawValue));
    const value = attribute.values.find((candidate) => nameKey(candidate) === wanted);
    if (value === undefined) {
      throw invalid(`${label} has "${String(rawValue).trim()}" for ${attribute.name}, which is not one of its values (${attribute.values.join(', ')}).`);
    }
    return value;
  });
}

function variantLabel(index: number, sku: string | null | undefined): string {
  return sku?.trim() ? `Variant ${index + 1} (SKU ${sku.trim()})` : `Variant ${index + 1}`;
}

function withLabel<T>(label: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof DomainError) throw new DomainError(error.code, `${label}: ${error.message}`, error.details);
    throw error;
  }
}

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

export function slugOf(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return slug || 'product';
}

export function normaliseHandle(raw: string): string {
  const handle = raw.trim();
  if (!handle) throw invalid('A product handle cannot be empty.');
  if (handle.length > 255 || /[\u0000-\u001f]/.test(handle)) throw invalid(`The handle "${handle.slice(0, 40)}" is too long or holds control characters.`);
  return handle;
}
