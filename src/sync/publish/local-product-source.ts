// Local products as the publish and product-update paths read them: attributes and variants,
// loaded in bulk for many products at once.
import type { Executor } from '../../db/transaction.ts';
import type { Attribute } from '../../catalog/product-input.ts';
import { formatMoney, formatWeightKg } from '../../catalog/decimal.ts';

export interface SourceVariant {
  id: string;
  sku: string | null;
  barcode: string | null;
  price: string;
  weightKg: string | null;
  optionValues: string[];
}

export interface SourceProduct {
  id: string;
  handle: string;
  name: string;
  ecommerce: boolean;
  attributes: Attribute[];
  variants: SourceVariant[];
}

export async function loadSourceProducts(db: Executor, accountId: string, productIds: readonly string[]): Promise<Map<string, SourceProduct>> {
  const products = new Map<string, SourceProduct>();
  for (let start = 0; start < productIds.length; start += 500) {
    const ids = productIds.slice(start, start + 500);
    const rows = await db
      .selectFrom('product')
      .select(['id', 'handle', 'name', 'ecommerce', 'attributes'])
      .where('account_id', '=', accountId)
      .where('id', 'in', ids)
      .execute();
    for (const row of rows) {
      products.set(row.id, {
        id: row.id,
        handle: row.handle,
        name: row.name,
        ecommerce: Number(row.ecommerce) === 1,
        attributes: JSON.parse(row.attributes) as Attribute[],
        variants: [],
      });
    }
    const variants = await db
      .selectFrom('variant')
      .select(['id', 'product_id', 'sku', 'barcode', 'price_minor', 'weight_grams', 'option_values'])
      .where('account_id', '=', accountId)
      .where('product_id', 'in', ids)
      .orderBy('product_id')
      .orderBy('position')
      .execute();
    for (const variant of variants) {
      products.get(variant.product_id)?.variants.push({
        id: variant.id,
        sku: variant.sku,
        barcode: variant.barcode,
        price: formatMoney(Number(variant.price_minor)),
        weightKg: variant.weight_grams === null ? null : formatWeightKg(Number(variant.weight_grams)),
        optionValues: JSON.parse(variant.option_values) as string[],
      });
    }
  }
  return products;
}
