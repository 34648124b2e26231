// A store variant that matches nothing here, inside a store product already linked to a local
// product, becomes a new variant of that local product (PRODUCT.md §1: what does not match is
// created; the product link says where). Its values are mapped onto the local attributes by name:
// each store option must be a local attribute (or the "A / B" option that merging folded several
// into, DESIGN: fit.ts), every local attribute needs a value, and a value an attribute lacks is
// added to it. What cannot be mapped, and a combination the local product already has, is reported
// with the reason, never guessed. The store's stock is the new variant's opening balance.
import { nameKey } from '../../accounts/names.ts';
import type { RemoteOption, RemoteProduct, RemoteVariant } from '../../channels/channel.ts';
import { nowIso } from '../../db/ids.ts';
import type { Executor } from '../../db/transaction.ts';
import { isDomainError } from '../../errors/domain-error.ts';
import { combinationKeyOf, normaliseVariants, type Attribute, type VariantInput } from '../../catalog/product-input.ts';
import { getProductIn, updateProductIn } from '../../catalog/products.ts';
import { MERGE_SEPARATOR } from '../publish/fit.ts';
import type { StoreRow } from '../stores/store-view.ts';
import type { SkippedVariant } from './import-product.ts';
import { linkWithOpeningStock } from './opening-stock.ts';

export interface LinkedLocalProduct {
  id: string;
  name: string;
  linkId: string;
}

/** For each store option, the local attribute positions its value fills (two or more for a merged option). */
type OptionColumns = number[][];

function attributeIndex(attributes: Attribute[], name: string): number {
  return attributes.findIndex((attribute) => nameKey(attribute.name) === nameKey(name));
}

function mapOptions(attributes: Attribute[], options: RemoteOption[], localName: string): { columns: OptionColumns } | { reason: string } {
  const columns: OptionColumns = [];
  const filled = new Set<number>();
  for (const option of options) {
    const whole = attributeIndex(attributes, option.name);
    const parts = option.name.split(MERGE_SEPARATOR).map((part) => attributeIndex(attributes, part));
    const column = whole >= 0 ? [whole] : parts.length > 1 && parts.every((index) => index >= 0) ? parts : null;
    if (!column) return { reason: `the store's option "${option.name}" is not an attribute of local product "${localName}"; add it there and import again` };
    for (const index of column) {
      if (filled.has(index)) return { reason: `the store gives the attribute "${attributes[index].name}" of local product "${localName}" twice` };
      filled.add(index);
    }
    columns.push(column);
  }
  const missing = attributes.filter((_, index) => !filled.has(index)).map((attribute) => `"${attribute.name}"`);
  if (missing.length > 0) {
    return { reason: `local product "${localName}" has the attribute${missing.length === 1 ? '' : 's'} ${missing.join(', ')}, which the store's product does not have` };
  }
  return { columns };
}

/** The variant's value for each local attribute, as the store spells it, or why there is none. */
function localValues(variant: RemoteVariant, options: RemoteOption[], columns: OptionColumns, attributeCount: number): string[] | { reason: string } {
  const values = new Array<string>(attributeCount).fill('');
  for (const [position, column] of columns.entries()) {
    const raw = (variant.optionValues[position] ?? '').trim();
    if (!raw) return { reason: `the store's variant has no value for "${options[position].name}" (it stands for any value)` };
    const parts = column.length === 1 ? [raw] : raw.split(MERGE_SEPARATOR).map((part) => part.trim());
    if (parts.length !== column.length || parts.some((part) => part === '')) {
      return { reason: `the store's value "${raw}" of "${options[position].name}" does not split into ${column.length} values` };
    }
    column.forEach((index, part) => {
      values[index] = parts[part];
    });
  }
  return values;
}

/** The attribute's own spelling of a value, adding the value when the attribute lacks it. */
function valueIn(attribute: Attribute, value: string): string {
  const known = attribute.values.find((candidate) => nameKey(candidate) === nameKey(value));
  if (known !== undefined) return known;
  attribute.values.push(value);
  return value;
}

/**
 * Adds the variants it can to the linked local product, links them with the store's stock as their
 * opening balance, and pushes a reason onto `skipped` for each it cannot. Returns how many it added.
 */
export async function addRemoteVariants(
  trx: Executor,
  store: StoreRow,
  product: RemoteProduct,
  target: LinkedLocalProduct,
  variants: RemoteVariant[],
  skipped: SkippedVariant[],
): Promise<number> {
  if (variants.length === 0) return 0;
  const skuOf = (variant: RemoteVariant) => variant.sku?.trim() ?? '';
  const local = await getProductIn(trx, store.account_id, target.id);
  const mapping = mapOptions(local.attributes, product.options, local.name);
  if ('reason' in mapping) {
    for (const variant of variants) skipped.push({ sku: skuOf(variant), reason: mapping.reason });
    return 0;
  }

  const attributes: Attribute[] = local.attributes.map((attribute) => ({ name: attribute.name, values: [...attribute.values] }));
  const taken = new Map(local.variants.map((variant) => [combinationKeyOf(variant.values), variant.sku]));
  const accepted: Array<{ remote: RemoteVariant; input: VariantInput }> = [];
  for (const variant of variants) {
    const values = localValues(variant, product.options, mapping.columns, attributes.length);
    if (!Array.isArray(values)) {
      skipped.push({ sku: skuOf(variant), reason: values.reason });
      continue;
    }
    const twin = taken.get(combinationKeyOf(values));
    if (twin !== undefined) {
      const which = values.map((value, index) => attributes[index].values.find((known) => nameKey(known) === nameKey(value)) ?? value).join(' / ') || 'with no attributes';
      skipped.push({ sku: skuOf(variant), reason: `local product "${local.name}" already has a variant ${which}${twin ? ` (SKU ${twin})` : ''}` });
      continue;
    }
    const candidate = attributes.map((attribute) => ({ name: attribute.name, values: [...attribute.values] }));
    const input: VariantInput = { sku: skuOf(variant), barcode: variant.barcode, price: variant.price ?? '0', weight: variant.weightKg, values: values.map((value, index) => valueIn(candidate[index], value)) };
    try {
      // The catalogue's own checks (price, weight, SKU length), before anything is written.
      normaliseVariants(candidate, [input]);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      skipped.push({ sku: skuOf(variant), reason: `product "${local.name}": ${error.message}` });
      continue;
    }
    candidate.forEach((attribute, index) => {
      attributes[index].values = attribute.values;
    });
    taken.set(combinationKeyOf(input.values ?? []), input.sku ?? null);
    accepted.push({ remote: variant, input });
  }
  if (accepted.length === 0) return 0;

  const inLine = await linkInLine(trx, target.linkId);
  const updated = await updateProductIn(trx, store.account_id, target.id, {
    attributes,
    variants: [...local.variants.map((variant) => ({ id: variant.id })), ...accepted.map((row) => row.input)],
  });
  const bySku = new Map(updated.variants.map((variant) => [nameKey(variant.sku ?? ''), variant.id]));
  const now = nowIso();
  for (const { remote } of accepted) {
    const variantId = bySku.get(nameKey(skuOf(remote)));
    if (!variantId) throw new Error(`Imported variant ${skuOf(remote)} was not added`);
    await linkWithOpeningStock(trx, store, target.linkId, variantId, remote, now);
  }
  // The store already holds what was added: a link that was in line stays so (no product update
  // is pushed for it); one with edits still waiting keeps them waiting.
  if (inLine) await trx.updateTable('product_link').set({ updated_at: now }).where('id', '=', target.linkId).where('dirty', '=', 0).execute();
  return accepted.length;
}

/** True when no edit of the product waits to be pushed through this link (detect-edits.ts, inverted). */
async function linkInLine(trx: Executor, linkId: string): Promise<boolean> {
  const link = await trx.selectFrom('product_link').select(['product_id', 'updated_at', 'dirty']).where('id', '=', linkId).executeTakeFirstOrThrow();
  if (Number(link.dirty) !== 0) return false;
  const editedProduct = await trx.selectFrom('product').select('id').where('id', '=', link.product_id).where('updated_at', '>', link.updated_at).executeTakeFirst();
  if (editedProduct) return false;
  const editedVariant = await trx.selectFrom('variant').select('id').where('product_id', '=', link.product_id).where('updated_at', '>', link.updated_at).limit(1).executeTakeFirst();
  return !editedVariant;
}
