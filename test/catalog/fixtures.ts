// Small builders shared by the core tests. Each test makes its own account, so tests sharing one
// database never see each other's rows (and scoping by account is exercised everywhere).
import { randomBytes } from 'node:crypto';
import type { DatabaseHandle } from '../../src/db/handle.ts';
import { createAccount, type Account } from '../../src/accounts/accounts.ts';
import { createProduct } from '../../src/catalog/products.ts';
import type { ProductInput } from '../../src/catalog/product-input.ts';
import type { Product } from '../../src/catalog/product.ts';

export async function newAccount(handle: DatabaseHandle): Promise<Account> {
  return createAccount(handle, { name: `Shop ${randomBytes(5).toString('hex')}` });
}

export async function simpleProduct(handle: DatabaseHandle, accountId: string, sku: string, extra: Partial<ProductInput> = {}): Promise<Product> {
  return createProduct(handle, accountId, {
    name: `Product ${sku}`,
    variants: [{ sku, price: '9.99' }],
    ...extra,
  });
}

export function tshirtInput(prefix: string): ProductInput {
  return {
    name: `T-shirt ${prefix}`,
    attributes: [
      { name: 'Color', values: ['Red', 'Blue'] },
      { name: 'Size', values: ['S', 'M'] },
    ],
    variants: [
      { sku: `${prefix}-RS`, price: '10.00', values: ['Red', 'S'] },
      { sku: `${prefix}-RM`, price: '10.00', values: ['Red', 'M'] },
      { sku: `${prefix}-BS`, price: '11.50', costPrice: '4.25', values: ['Blue', 'S'] },
    ],
  };
}

/**
 * Recomputes every derived column (product missing mask and Unallocated flag; the variant copies
 * the grid filters on) from the source columns, and lists each row where the stored value differs.
 */
export async function derivedColumnProblems(handle: DatabaseHandle, accountId: string): Promise<string[]> {
  const products = await handle.db.selectFrom('product').selectAll().where('account_id', '=', accountId).execute();
  const variants = await handle.db.selectFrom('variant').selectAll().where('account_id', '=', accountId).execute();
  const problems: string[] = [];
  for (const product of products) {
    const own = variants.filter((variant) => variant.product_id === product.id);
    const mask =
      (product.product_group_id === null ? 1 : 0) |
      (product.brand_id === null ? 2 : 0) |
      (product.supplier_id === null ? 4 : 0) |
      (product.product_type === null ? 8 : 0) |
      (product.tax_group_id === null ? 16 : 0) |
      (own.some((variant) => variant.cost_price_minor === null) ? 32 : 0);
    if (product.missing_mask !== mask) problems.push(`${product.handle}: missing_mask ${product.missing_mask} ≠ ${mask}`);
    if (product.unallocated !== (mask > 0 ? 1 : 0)) problems.push(`${product.handle}: unallocated ${product.unallocated}`);
    for (const variant of own) {
      const expected = {
        product_name: product.name,
        product_group_id: product.product_group_id,
        ecommerce: product.ecommerce,
        unallocated: mask > 0 ? 1 : 0,
        missing_mask: (mask & 31) | (variant.cost_price_minor === null ? 32 : 0),
        product_status: product.status,
      };
      for (const [column, value] of Object.entries(expected)) {
        if (variant[column as keyof typeof expected] !== value) problems.push(`${variant.sku}: ${column} ${String(variant[column as keyof typeof expected])} ≠ ${String(value)}`);
      }
    }
  }
  return problems;
}
