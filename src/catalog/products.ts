// Products with their attributes and variants: create, read, update, delete. Each write checks
// everything first and happens in one transaction, so bad input writes nothing.
import type { Selectable } from 'kysely';
import type { DatabaseHandle } from '../db/handle.ts';
import type { ProductTable } from '../db/schema.ts';
import { inTransaction, type Executor } from '../db/transaction.ts';
import { newId, nowIso } from '../db/ids.ts';
import { DomainError, invalid, notFound } from '../errors/domain-error.ts';
import { requireMasterId, type MasterKind } from './master-data.ts';
import { refreshDerivedColumns } from './missing-fields.ts';
import { refuseDeletingProductWithHistory, refuseRemovingVariantsWithHistory } from './stock-history.ts';
import {
  normaliseAttributes,
  normaliseHandle,
  normaliseName,
  normaliseProductType,
  normaliseStatus,
  normaliseUnit,
  normaliseVariants,
  slugOf,
  type NormalisedVariant,
  type ProductInput,
  type VariantInput,
} from './product-input.ts';
import { productFromRow, variantFromRow, type Product } from './product.ts';

export async function createProduct(handle: DatabaseHandle, accountId: string, input: ProductInput): Promise<Product> {
  return inTransaction(handle, (trx) => createProductIn(trx, accountId, input));
}

/** The same inside the caller's transaction (e.g. a store import creating many products). */
export async function createProductIn(trx: Executor, accountId: string, input: ProductInput): Promise<Product> {
  const name = normaliseName(input.name);
  const productType = normaliseProductType(input.productType);
  const unit = normaliseUnit(productType, input.unit);
  const status = normaliseStatus(input.status);
  const attributes = normaliseAttributes(input.attributes);
  const variants = normaliseVariants(attributes, input.variants);
  if (variants.some((variant) => variant.id)) throw invalid('A new product\'s variants cannot have ids yet.');
  await checkReferences(trx, accountId, input);
  await refuseTakenSkus(trx, accountId, variants, null);
  const productHandle = input.handle?.trim() ? await requireFreeHandle(trx, accountId, normaliseHandle(input.handle), null) : await freeHandleFor(trx, accountId, name);
  const now = nowIso();
  const id = newId();
  await trx
    .insertInto('product')
    .values({
      id,
      account_id: accountId,
      handle: productHandle,
      name,
      description: input.description ?? '',
      product_group_id: input.productGroupId ?? null,
      brand_id: input.brandId ?? null,
      supplier_id: input.supplierId ?? null,
      tax_group_id: input.taxGroupId ?? null,
      product_type: productType,
      unit,
      ecommerce: input.ecommerce ? 1 : 0,
      status,
      attributes: JSON.stringify(attributes),
      missing_mask: 0,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await insertVariants(trx, accountId, id, variants, now);
  await refreshDerivedColumns(trx, accountId, [id]);
  return getProductIn(trx, accountId, id);
}

export async function getProduct(handle: DatabaseHandle, accountId: string, id: string): Promise<Product> {
  return getProductIn(handle.db, accountId, id);
}

export async function getProductIn(db: Executor, accountId: string, id: string): Promise<Product> {
  const row = await db.selectFrom('product').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('That product does not exist.');
  return productWithVariants(db, row);
}

export async function findProductByHandle(handle: DatabaseHandle, accountId: string, productHandle: string): Promise<Product | undefined> {
  const row = await handle.db.selectFrom('product').selectAll().where('account_id', '=', accountId).where('handle', '=', productHandle.trim()).executeTakeFirst();
  return row ? productWithVariants(handle.db, row) : undefined;
}

async function productWithVariants(db: Executor, row: Selectable<ProductTable>): Promise<Product> {
  const variants = await db
    .selectFrom('variant')
    .selectAll('variant')
    .select((eb) =>
      eb
        .selectFrom('stock_level')
        .select((inner) => inner.fn.sum<number>('stock_level.quantity_milli').as('s'))
        .whereRef('stock_level.variant_id', '=', 'variant.id')
        .as('on_hand_milli'),
    )
    .where('variant.product_id', '=', row.id)
    .orderBy('variant.position')
    .execute();
  return productFromRow(
    row,
    variants.map((variant) => variantFromRow(variant, Number(variant.on_hand_milli ?? 0))),
  );
}

/**
 * Changes the fields given. `variants`, when given, is the full new list: a variant with an id is
 * updated, one without is added, and an existing variant left out is deleted — refused (409) when it
 * has stock movements, which the ledger keeps.
 */
export async function updateProduct(handle: DatabaseHandle, accountId: string, id: string, patch: ProductInput): Promise<Product> {
  return inTransaction(handle, (trx) => updateProductIn(trx, accountId, id, patch));
}

export async function updateProductIn(trx: Executor, accountId: string, id: string, patch: ProductInput): Promise<Product> {
  const current = await getProductIn(trx, accountId, id);
  const name = patch.name === undefined ? current.name : normaliseName(patch.name);
  const productType = patch.productType === undefined ? current.productType : normaliseProductType(patch.productType);
  const unit = normaliseUnit(productType, patch.unit === undefined ? current.unit : patch.unit);
  const status = patch.status === undefined ? current.status : normaliseStatus(patch.status);
  const attributes = normaliseAttributes(patch.attributes ?? current.attributes);
  const currentById = new Map(current.variants.map((variant) => [variant.id, variant]));
  // A listed variant with an id keeps whatever fields the patch leaves out.
  const variantInputs: VariantInput[] = (patch.variants ?? current.variants).map((variant) => {
    const existing = variant.id ? currentById.get(variant.id) : undefined;
    return existing ? { ...existing, ...withoutUndefined(variant) } : variant;
  });
  const variants = normaliseVariants(attributes, variantInputs);
  const ownIds = new Set(current.variants.map((variant) => variant.id));
  for (const variant of variants) {
    if (variant.id && !ownIds.has(variant.id)) throw notFound(`The variant ${variant.id} is not part of this product.`);
  }
  await checkReferences(trx, accountId, patch);
  await refuseTakenSkus(trx, accountId, variants, id);
  const keptIds = new Set(variants.map((variant) => variant.id));
  await refuseRemovingVariantsWithHistory(trx, current.variants.filter((variant) => !keptIds.has(variant.id)));
  const productHandle =
    patch.handle === undefined || patch.handle.trim() === current.handle ? current.handle : await requireFreeHandle(trx, accountId, normaliseHandle(patch.handle), id);
  const now = nowIso();
  await trx
    .updateTable('product')
    .set({
      handle: productHandle,
      name,
      description: patch.description ?? current.description,
      product_group_id: patch.productGroupId === undefined ? current.productGroupId : patch.productGroupId,
      brand_id: patch.brandId === undefined ? current.brandId : patch.brandId,
      supplier_id: patch.supplierId === undefined ? current.supplierId : patch.supplierId,
      tax_group_id: patch.taxGroupId === undefined ? current.taxGroupId : patch.taxGroupId,
      product_type: productType,
      unit,
      ecommerce: (patch.ecommerce ?? current.ecommerce) ? 1 : 0,
      status,
      attributes: JSON.stringify(attributes),
      updated_at: now,
    })
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .execute();
  await replaceVariants(trx, accountId, id, current.variants.map((variant) => variant.id), variants, now);
  await refreshDerivedColumns(trx, accountId, [id]);
  return getProductIn(trx, accountId, id);
}

/**
 * Deletes a product that has no stock movements, with its variants (and their empty stock rows).
 * One with movements is refused (409 has_history): archive it instead. Store links are the sync
 * engine's to check (sync/stores/delete-local-product.ts), in the same transaction.
 */
export async function deleteProduct(handle: DatabaseHandle, accountId: string, id: string): Promise<void> {
  await inTransaction(handle, (trx) => deleteProductIn(trx, accountId, id));
}

export async function deleteProductIn(trx: Executor, accountId: string, id: string): Promise<void> {
  const product = await trx.selectFrom('product').select(['id', 'name']).where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
  if (!product) throw notFound('That product does not exist.');
  const variantIds = (await trx.selectFrom('variant').select('id').where('product_id', '=', id).execute()).map((row) => row.id);
  await refuseDeletingProductWithHistory(trx, product, variantIds);
  await deleteVariantRows(trx, variantIds);
  await trx.deleteFrom('product').where('id', '=', id).execute();
}

/** Only for variants without movements (checked by the caller): what is left is derived state. */
async function deleteVariantRows(trx: Executor, variantIds: string[]): Promise<void> {
  if (variantIds.length === 0) return;
  await trx.deleteFrom('stock_change_mark').where('variant_id', 'in', variantIds).execute();
  await trx.deleteFrom('stock_level').where('variant_id', 'in', variantIds).execute();
  await trx.deleteFrom('variant').where('id', 'in', variantIds).execute();
}

async function replaceVariants(trx: Executor, accountId: string, productId: string, existingIds: string[], variants: NormalisedVariant[], now: string): Promise<void> {
  const kept = new Set(variants.filter((variant) => variant.id).map((variant) => variant.id as string));
  await deleteVariantRows(trx, existingIds.filter((existing) => !kept.has(existing)));
  if (kept.size > 0) {
    // Free the unique keys first so variants may swap SKUs or combinations within one update.
    await trx
      .updateTable('variant')
      .set((eb) => ({ sku_key: null, combination_key: eb.ref('id') }))
      .where('id', 'in', [...kept])
      .execute();
  }
  for (const variant of variants.filter((candidate) => candidate.id)) {
    await trx
      .updateTable('variant')
      .set({ ...variantColumns(variant), updated_at: now })
      .where('id', '=', variant.id as string)
      .execute();
  }
  await insertVariants(trx, accountId, productId, variants.filter((variant) => !variant.id), now);
}

export function variantColumns(variant: NormalisedVariant) {
  return {
    position: variant.position,
    sku: variant.sku,
    sku_key: variant.skuKey,
    barcode: variant.barcode,
    option_values: JSON.stringify(variant.values),
    combination_key: variant.combinationKey,
    price_minor: variant.priceMinor,
    cost_price_minor: variant.costPriceMinor,
    weight_grams: variant.weightGrams,
  };
}

async function insertVariants(trx: Executor, accountId: string, productId: string, variants: NormalisedVariant[], now: string): Promise<string[]> {
  if (variants.length === 0) return [];
  const rows = variants.map((variant) => ({
    id: newId(),
    account_id: accountId,
    product_id: productId,
    ...variantColumns(variant),
    created_at: now,
    updated_at: now,
  }));
  for (let start = 0; start < rows.length; start += 200) {
    await trx.insertInto('variant').values(rows.slice(start, start + 200)).execute();
  }
  return rows.map((row) => row.id);
}

const REFERENCES: [keyof ProductInput, MasterKind][] = [
  ['productGroupId', 'product_group'],
  ['brandId', 'brand'],
  ['supplierId', 'supplier'],
  ['taxGroupId', 'tax_group'],
];

/** Every group/brand/supplier/tax group id given must belong to this account. */
export async function checkReferences(db: Executor, accountId: string, input: ProductInput): Promise<void> {
  for (const [field, kind] of REFERENCES) {
    const value = input[field];
    if (typeof value === 'string') {
      if (kind === 'product_group' && value === 'unallocated') {
        throw invalid('Unallocated is not assigned: a product is in it while a detail is missing. Choose a real product group or none.');
      }
      await requireMasterId(db, accountId, kind, value);
    }
  }
}

/** Refuses SKUs that another product's variant already has (trimmed, case-insensitive). */
async function refuseTakenSkus(db: Executor, accountId: string, variants: NormalisedVariant[], productId: string | null): Promise<void> {
  const keys = variants.map((variant) => variant.skuKey).filter((key): key is string => key !== null);
  for (let start = 0; start < keys.length; start += 500) {
    let query = db
      .selectFrom('variant')
      .innerJoin('product', 'product.id', 'variant.product_id')
      .select(['variant.sku as sku', 'product.name as productName'])
      .where('variant.account_id', '=', accountId)
      .where('variant.sku_key', 'in', keys.slice(start, start + 500));
    if (productId) query = query.where('variant.product_id', '<>', productId);
    const taken = await query.limit(1).executeTakeFirst();
    if (taken) {
      throw new DomainError('duplicate_sku', `The SKU "${taken.sku}" is already used by "${taken.productName}"; SKUs must be unique (ignoring case and spaces).`);
    }
  }
}

async function requireFreeHandle(db: Executor, accountId: string, productHandle: string, exceptId: string | null): Promise<string> {
  let query = db.selectFrom('product').select('id').where('account_id', '=', accountId).where('handle', '=', productHandle);
  if (exceptId) query = query.where('id', '<>', exceptId);
  if (await query.executeTakeFirst()) throw new DomainError('conflict', `Another product already has the handle "${productHandle}".`);
  return productHandle;
}

async function freeHandleFor(db: Executor, accountId: string, name: string): Promise<string> {
  const base = slugOf(name);
  for (let suffix = 1; ; suffix += 1) {
    const candidate = suffix === 1 ? base : `${base}-${suffix}`;
    const taken = await db.selectFrom('product').select('id').where('account_id', '=', accountId).where('handle', '=', candidate).executeTakeFirst();
    if (!taken) return candidate;
  }
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<T>;
}
