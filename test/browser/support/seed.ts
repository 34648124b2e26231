// Catalogue set-up for browser tests, through the real API (as a script or the CLI would).
import type { Stack } from './stack.ts';

export interface MasterIds {
  groupId: string;
  brandId: string;
  supplierId: string;
  taxGroupId: string;
}

async function ok<T>(stack: Stack, method: string, path: string, body?: unknown): Promise<T> {
  const response = await stack.call<T>(method, path, body);
  if (response.status >= 300) throw new Error(`${method} ${path} → ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

export async function seedMasterData(stack: Stack): Promise<MasterIds> {
  const group = await ok<{ id: string }>(stack, 'POST', '/api/product-groups', { name: 'Shirts' });
  const brand = await ok<{ id: string }>(stack, 'POST', '/api/brands', { name: 'Acme' });
  const supplier = await ok<{ id: string }>(stack, 'POST', '/api/suppliers', { name: 'Northwind' });
  const tax = await ok<{ id: string }>(stack, 'POST', '/api/tax-groups', { name: 'Standard', rate: '20' });
  return { groupId: group.id, brandId: brand.id, supplierId: supplier.id, taxGroupId: tax.id };
}

export interface CreatedProduct {
  id: string;
  name: string;
  unallocated: boolean;
  missingFields: string[];
  variants: { id: string; sku: string | null; price: string; onHand: number }[];
}

export async function createProduct(stack: Stack, body: Record<string, unknown>): Promise<CreatedProduct> {
  return ok<CreatedProduct>(stack, 'POST', '/api/products', body);
}

export async function getProduct(stack: Stack, id: string): Promise<CreatedProduct & Record<string, unknown>> {
  return ok(stack, 'GET', `/api/products/${id}`);
}

export async function receiveStock(stack: Stack, sku: string, quantity: number): Promise<void> {
  await ok(stack, 'POST', '/api/stock/movements', { sku, quantity, kind: 'receipt' });
}

export { ok as apiOk };
