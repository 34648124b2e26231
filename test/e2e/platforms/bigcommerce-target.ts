// The BigCommerce emulator as an engine-scenario target: products with options and variants
// (stock tracked per variant, or per product for simple ones); the description edited through
// the Catalog API with the store's X-Auth-Token. The request quota is lifted so scenario set-up
// never waits out a 30 s window; pacing by the rate-limit headers is what the bench measures.
import { start } from '../../../emulators/bigcommerce/index.ts';
import { runningStore, withSeedFile, type CatalogueProduct, type PlatformTarget, type RunningStore } from './platform-target.ts';

function bigcommerceProduct(product: CatalogueProduct) {
  const common = { name: product.title, description: product.description ?? '', visible: true };
  if (!product.options || product.options.length === 0) {
    const [only] = product.variants;
    return { ...common, sku: only!.sku, price: Number(only!.price), quantity: only!.quantity, tracking: 'product' as const };
  }
  return {
    ...common,
    price: Number(product.variants[0]!.price),
    tracking: 'variant' as const,
    options: product.options,
    variants: product.variants.map((v) => ({ sku: v.sku, price: Number(v.price), values: v.values!, quantity: v.quantity })),
  };
}

/** `applyDelayMs`: how long the store takes to apply an inventory adjustment (and send webhooks). */
export async function startBigcommerceStore(catalogue: CatalogueProduct[], applyDelayMs = 0): Promise<RunningStore> {
  const emulator = await withSeedFile({ products: catalogue.map(bigcommerceProduct) }, (seed) =>
    start({ seed, delayMs: applyDelayMs, rateLimit: { quota: 100_000, windowMs: 30_000 } }),
  );
  return runningStore('bigcommerce', emulator);
}

export const bigcommerceTarget: PlatformTarget = {
  platform: 'bigcommerce',
  draftStatus: 'hidden',
  liveStatus: 'visible',
  startEmulator: (catalogue) => startBigcommerceStore(catalogue),
  async editDescription(store, remoteProductId, html) {
    const response = await fetch(`${store.url}/stores/${store.credentials.storeHash}/v3/catalog/products/${remoteProductId}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'x-auth-token': store.credentials.accessToken! },
      body: JSON.stringify({ description: html }),
    });
    if (!response.ok) throw new Error(`BigCommerce refused the description edit: ${response.status} ${await response.text()}`);
  },
  async addVariant(store, remoteProductId, variant) {
    const call = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(`${store.url}/stores/${store.credentials.storeHash}/v3/catalog/products/${remoteProductId}${path}`, {
        method,
        headers: { 'content-type': 'application/json', accept: 'application/json', 'x-auth-token': store.credentials.accessToken! },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`BigCommerce refused ${method} ${path}: ${response.status} ${await response.text()}`);
      return ((await response.json()) as { data: any }).data;
    };
    // As the spec has it: the option value first, then the variant naming it by ids.
    const option = ((await call('GET', '/options')) as Array<{ id: number; display_name: string; option_values: unknown[] }>).find((o) => o.display_name === variant.option)!;
    const value = await call('POST', `/options/${option.id}/values`, { label: variant.value, sort_order: option.option_values.length });
    await call('POST', '/variants', {
      sku: variant.sku,
      price: Number(variant.price),
      inventory_level: variant.quantity,
      option_values: [{ id: value.id, option_id: option.id }],
    });
  },
};
