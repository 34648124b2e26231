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
