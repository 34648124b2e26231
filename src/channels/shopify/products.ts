// Reading, finding, creating and updating one product through the Admin API.
import { ChannelError, type ProductDraft, type ProductUpdateResult, type RemoteProduct } from '../channel.ts';
import type { GraphqlClient } from './graphql-client.ts';
import { productById, productsByHandle, productSet, productVariantsPage, variantsBySku, VARIANTS_PER_REQUEST } from './operations/products.ts';
import {
  productsByHandleResult,
  productByIdResult,
  productVariantsPageResult,
  variantsBySkuResult,
  type ShopifyProduct,
  type ShopifyVariant,
} from './payloads/product.ts';
import { productSetResult } from './payloads/product-set.ts';
import { createInput, updatePlan } from './product-input.ts';
import { remoteProduct } from './remote-product.ts';
import { userErrorsToChannelError } from './user-error-mapping.ts';

/** SKUs looked up per productVariants query (joined with OR). */
export const SKUS_PER_LOOKUP = 20;

export interface ProductDeps {
  client: GraphqlClient;
  locationId: () => Promise<string>;
}

function variantsFirstFor(count: number): number {
  return Math.max(1, Math.min(VARIANTS_PER_REQUEST, count));
}

/** Completes a product whose first variants came with it, paging through the rest. */
async function withAllVariants(deps: ProductDeps, product: ShopifyProduct, locationId: string): Promise<RemoteProduct> {
  const variants: ShopifyVariant[] = [...product.variants.nodes];
  let pageInfo = product.variants.pageInfo;
  while (pageInfo.hasNextPage && pageInfo.endCursor) {
    const page = await deps.client.request(
      productVariantsPage,
      { id: product.id, locationId, first: VARIANTS_PER_REQUEST, after: pageInfo.endCursor },
      productVariantsPageResult,
    );
    if (!page.product) break;
    variants.push(...page.product.variants.nodes);
    pageInfo = page.product.variants.pageInfo;
  }
  return remoteProduct(product, variants);
}

export async function getProduct(deps: ProductDeps, id: string): Promise<RemoteProduct | null> {
  const locationId = await deps.locationId();
  const data = await deps.client.request(productById, { id, locationId, variantsFirst: VARIANTS_PER_REQUEST }, productByIdResult);
  return data.product ? withAllVariants(deps, data.product, locationId) : null;
}

async function productWithHandle(deps: ProductDeps, handle: string): Promise<RemoteProduct | null> {
  const data = await deps.client.request(productsByHandle, { query: `handle:${searchValue(handle)}`, first: 5 }, productsByHandleResult);
  // The search may match loosely; only the exact handle counts.
  const hit = data.products.nodes.find((node) => node.handle === handle);
  return hit ? getProduct(deps, hit.id) : null;
}

/** A value for Shopify's search syntax: quoted, with quotes and backslashes escaped. */
export function searchValue(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export async function findProduct(deps: ProductDeps, draft: ProductDraft): Promise<RemoteProduct | null> {
  const byHandle = await productWithHandle(deps, draft.handle);
  if (byHandle) return byHandle;
  const skus = [...new Set(draft.variants.map((variant) => variant.sku).filter((sku) => sku.trim() !== ''))];
  for (let start = 0; start < skus.length; start += SKUS_PER_LOOKUP) {
    const batch = skus.slice(start, start + SKUS_PER_LOOKUP);
    const query = batch.map((sku) => `sku:${searchValue(sku)}`).join(' OR ');
    const data = await deps.client.request(variantsBySku, { query, first: batch.length * 2 }, variantsBySkuResult);
    // Shopify's search matches loosely; only an exact SKU counts.
    const hit = data.productVariants.nodes.find((node) => node.sku !== null && node.sku !== undefined && batch.includes(node.sku));
    if (hit) return getProduct(deps, hit.product.id);
  }
  return null;
}

async function runProductSet(
  deps: ProductDeps,
  what: string,
  identifier: { handle: string } | { id: string },
  input: Record<string, unknown>,
  variantCount: number,
): Promise<RemoteProduct> {
  const locationId = await deps.locationId();
  const data = await deps.client.request(
    productSet,
    { identifier, input, locationId, variantsFirst: variantsFirstFor(variantCount) },
    productSetResult,
  );
  const payload = data.productSet;
  if (!payload) throw new ChannelError('protocol', `Shopify returned nothing when asked to ${what}.`);
  if (payload.userErrors.length > 0) throw userErrorsToChannelError(what, payload.userErrors);
  if (!payload.product) throw new ChannelError('protocol', `Shopify returned no product when asked to ${what}.`);
  return withAllVariants(deps, payload.product, locationId);
}

export function checkDraftFits(draft: ProductDraft, maxOptions: number, maxVariants: number): void {
  if (draft.options.length > maxOptions) {
    throw new ChannelError('invalid', `Shopify allows at most ${maxOptions} options per product; "${draft.title}" has ${draft.options.length}.`);
  }
  if (draft.variants.length > maxVariants) {
    throw new ChannelError('invalid', `Shopify allows at most ${maxVariants} variants per product; "${draft.title}" has ${draft.variants.length}.`);
  }
  if (draft.variants.length === 0) throw new ChannelError('invalid', `"${draft.title}" has no variants to publish.`);
}

export async function createProduct(deps: ProductDeps, draft: ProductDraft): Promise<RemoteProduct> {
  const locationId = await deps.locationId();
  return runProductSet(deps, `create "${draft.title}"`, { handle: draft.handle }, createInput(draft, locationId), draft.variants.length);
}

export async function updateProduct(deps: ProductDeps, remoteProductId: string, draft: ProductDraft): Promise<ProductUpdateResult> {
  const existing = await getProduct(deps, remoteProductId);
  if (!existing) throw new ChannelError('not_found', `The product "${draft.title}" no longer exists on Shopify.`);
  const plan = updatePlan(existing, draft);
  const variantCount = draft.variants.length + plan.keptRemoteOnly.length;
  const product = await runProductSet(deps, `update "${draft.title}"`, { id: remoteProductId }, plan.input, variantCount);
  return { product, keptRemoteOnly: plan.keptRemoteOnly };
}
