// Reading the catalogue a page at a time in a stable order (orderby=id: WooCommerce's default date
// order has no tie-breaker and repeats or skips items created in the same second).
import { z } from 'zod';
import { ChannelError } from '../channel.ts';
import { productSchema, variationSchema, type WooProduct, type WooVariation } from './payloads.ts';
import type { LoadedProduct } from './remote-product.ts';
import type { WooRestClient } from './rest-client.ts';

export const PAGE_SIZE = 100;

export async function loadVariations(client: WooRestClient, product: WooProduct): Promise<WooVariation[]> {
  if (product.type !== 'variable') return [];
  const variations: WooVariation[] = [];
  for (let page = 1; ; page += 1) {
    const answer = await client.request('GET', `products/${product.id}/variations`, z.array(variationSchema), {
      query: { per_page: PAGE_SIZE, page, orderby: 'id', order: 'asc' },
    });
    variations.push(...answer.body);
    if (answer.body.length < PAGE_SIZE || (answer.totalPages !== null && page >= answer.totalPages)) return variations;
  }
}

export async function loadProduct(client: WooRestClient, productId: number): Promise<LoadedProduct | null> {
  try {
    const answer = await client.request('GET', `products/${productId}`, productSchema);
    return { product: answer.body, variations: await loadVariations(client, answer.body) };
  } catch (error) {
    if ((error as { code?: string }).code === 'not_found') return null;
    throw error;
  }
}

export async function loadProductPage(client: WooRestClient, page: number): Promise<{ products: LoadedProduct[]; hasMore: boolean }> {
  const answer = await client.request('GET', 'products', z.array(productSchema), {
    query: { per_page: PAGE_SIZE, page, orderby: 'id', order: 'asc' },
  });
  const products: LoadedProduct[] = [];
  for (const product of answer.body) products.push({ product, variations: await loadVariations(client, product) });
  const hasMore = answer.totalPages !== null ? page < answer.totalPages : answer.body.length === PAGE_SIZE;
  return { products, hasMore };
}

export function parsePageCursor(cursor: string | null): number {
  if (cursor === null) return 1;
  const page = Number(cursor);
  if (!Number.isInteger(page) || page < 1) throw new ChannelError('invalid', `"${cursor}" is not a WooCommerce page cursor.`);
  return page;
}
