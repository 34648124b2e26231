// Which allocation details a product lacks. A product missing any of them is in the system group
// Unallocated. The mask is stored on the product for fast filtering and recomputed, from the
// product's own columns and its variants, in the same transaction as every catalogue write.
import { sql } from 'kysely';
import type { Executor } from '../db/transaction.ts';
import type { ProductStatus } from '../db/schema.ts';

export const MISSING_FIELDS = ['group', 'brand', 'supplier', 'productType', 'taxGroup', 'costPrice'] as const;
export type MissingField = (typeof MISSING_FIELDS)[number];

export const MISSING_BITS: Record<MissingField, number> = {
  group: 1,
  brand: 2,
  supplier: 4,
  productType: 8,
  taxGroup: 16,
  costPrice: 32,
};

export function isMissingField(value: string): value is MissingField {
  return (MISSING_FIELDS as readonly string[]).includes(value);
}

export function missingFieldsOf(mask: number): MissingField[] {
  return MISSING_FIELDS.filter((field) => (mask & MISSING_BITS[field]) !== 0);
}

export function maskOf(fields: readonly MissingField[]): number {
  return fields.reduce((mask, field) => mask | MISSING_BITS[field], 0);
}

const MASK_EXPRESSION = sql<number>`
  (case when product_group_id is null then 1 else 0 end)
  + (case when brand_id is null then 2 else 0 end)
  + (case when supplier_id is null then 4 else 0 end)
  + (case when product_type is null then 8 else 0 end)
  + (case when tax_group_id is null then 16 else 0 end)
  + (case when exists (select 1 from variant where variant.product_id = product.id and variant.cost_price_minor is null) then 32 else 0 end)`;

/**
 * Recomputes the derived columns of these products (or, with 'all', of every product of the
 * account): the product's missing mask and Unallocated flag, and on each of its variants the
 * copies the variant grid filters on (name, group, ecommerce flag, Unallocated, mask, status).
 * Every catalogue write calls this in its own transaction.
 */
export async function refreshDerivedColumns(trx: Executor, accountId: string, productIds: readonly string[] | 'all'): Promise<void> {
  const chunks = productIds === 'all' ? [null] : chunk(productIds, 500);
  for (const ids of chunks) {
    let products = trx.updateTable('product').set({ missing_mask: MASK_EXPRESSION }).where('account_id', '=', accountId);
    if (ids) products = products.where('id', 'in', ids);
    await products.execute();
    let flags = trx.updateTable('product').set({ unallocated: sql<number>`case when missing_mask > 0 then 1 else 0 end` }).where('account_id', '=', accountId);
    if (ids) flags = flags.where('id', 'in', ids);
    await flags.execute();
    let variants = trx
      .updateTable('variant')
      .set({
        product_name: sql<string>`(select p.name from product p where p.id = variant.product_id)`,
        product_group_id: sql<string | null>`(select p.product_group_id from product p where p.id = variant.product_id)`,
        ecommerce: sql<number>`(select p.ecommerce from product p where p.id = variant.product_id)`,
        unallocated: sql<number>`(select p.unallocated from product p where p.id = variant.product_id)`,
        product_status: sql<ProductStatus>`(select p.status from product p where p.id = variant.product_id)`,
        missing_mask: sql<number>`((select p.missing_mask from product p where p.id = variant.product_id) & ${PRODUCT_LEVEL_BITS}) | (case when cost_price_minor is null then ${MISSING_BITS.costPrice} else 0 end)`,
      })
      .where('account_id', '=', accountId);
    if (ids) variants = variants.where('product_id', 'in', ids);
    await variants.execute();
  }
}

/** every bit but cost price, which a variant has on its own */
export const PRODUCT_LEVEL_BITS = 31;

/** The product's mask computed in code (for bulk inserts that know every field). */
export function productMaskOf(product: { product_group_id: string | null; brand_id: string | null; supplier_id: string | null; product_type: string | null; tax_group_id: string | null }, anyVariantWithoutCost: boolean): number {
  return (
    (product.product_group_id === null ? MISSING_BITS.group : 0) |
    (product.brand_id === null ? MISSING_BITS.brand : 0) |
    (product.supplier_id === null ? MISSING_BITS.supplier : 0) |
    (product.product_type === null ? MISSING_BITS.productType : 0) |
    (product.tax_group_id === null ? MISSING_BITS.taxGroup : 0) |
    (anyVariantWithoutCost ? MISSING_BITS.costPrice : 0)
  );
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}
