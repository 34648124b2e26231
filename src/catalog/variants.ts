import { sql } from 'kysely';
import type { DatabaseHandle } from '../db/handle.ts';
import { inTransaction } from '../db/transaction.ts';
import { notFound } from '../errors/domain-error.ts';
import { nameKey } from '../accounts/names.ts';
import { getProductIn, updateProductIn } from './products.ts';
import type { VariantInput } from './product-input.ts';
import type { Product, Variant } from './product.ts';
import { variantFromRow } from './product.ts';

/** Changes one variant's fields (SKU, barcode, price, cost price, weight, values), checked as a product update. */
export async function updateVariant(handle: DatabaseHandle, accountId: string, variantId: string, patch: Omit<VariantInput, 'id'>): Promise<Variant> {
  return inTransaction(handle, async (trx) => {
    const row = await trx.selectFrom('variant').select(['product_id']).where('account_id', '=', accountId).where('id', '=', variantId).executeTakeFirst();
    if (!row) throw notFound('That variant does not exist.');
    const product = await getProductIn(trx, accountId, row.product_id);
    const updated = await updateProductIn(trx, accountId, product.id, {
      variants: product.variants.map((variant) => (variant.id === variantId ? { ...patch, id: variantId } : { id: variant.id })),
    });
    return updated.variants.find((variant) => variant.id === variantId) as Variant;
  });
}

export interface FoundVariant {
  variant: Variant;
  product: Pick<Product, 'id' | 'name' | 'productType' | 'unit' | 'taxGroupId'>;
}

/** The variant a till scans: by SKU (trimmed, case-insensitive) first, then by barcode. */
export async function findVariantByCode(handle: DatabaseHandle, accountId: string, code: string): Promise<FoundVariant | undefined> {
  const trimmed = code.trim();
  if (!trimmed) return undefined;
  const row = await handle.db
    .selectFrom('variant')
    .innerJoin('product', 'product.id', 'variant.product_id')
    .selectAll('variant')
    .select(['product.name as product_name', 'product.product_type as product_type', 'product.unit as product_unit', 'product.tax_group_id as product_tax_group_id'])
    .select((eb) =>
      eb
        .selectFrom('stock_level')
        .select((inner) => inner.fn.sum<number>('stock_level.quantity_milli').as('s'))
        .whereRef('stock_level.variant_id', '=', 'variant.id')
        .as('on_hand_milli'),
    )
    .where('variant.account_id', '=', accountId)
    .where((eb) => eb.or([eb('variant.sku_key', '=', nameKey(trimmed)), eb('variant.barcode', '=', trimmed)]))
    .orderBy(sql`case when variant.sku_key = ${nameKey(trimmed)} then 0 else 1 end`)
    .limit(1)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    variant: variantFromRow(row, Number(row.on_hand_milli ?? 0)),
    product: { id: row.product_id, name: row.product_name, productType: row.product_type, unit: row.product_unit, taxGroupId: row.product_tax_group_id },
  };
}
