// Which allocation details a product lacks. A product missing any of them is in the system group
// Unallocated. The mask is stored on the product for fast filtering and recomputed, from the
// product's own columns and its variants, in the same transaction as every catalogue write.
import { sql } from 'kysely';
import type { Executor } from '../db/transaction.ts';

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

/** Recomputes the mask of these products (or, with 'all', of every product of the account). */
export async function refreshMissingMask(trx: Executor, accountId: string, productIds: readonly string[] | 'all'): Promise<void> {
  if (productIds === 'all') {
    await trx.updateTable('product').set({ missing_mask: MASK_EXPRESSION }).where('account_id', '=', accountId).execute();
    return;
  }
  for (let start = 0; start < productIds.length; start += 500) {
    const chunk = productIds.slice(start, start + 500);
    await trx.updateTable('product').set({ missing_mask: MASK_EXPRESSION }).where('account_id', '=', accountId).where('id', 'in', chunk).execute();
  }
}
