// The Shopify emulator as an engine-scenario target: seeded from the neutral catalogue; the
// description edited through the Admin GraphQL API as the store's admin would.
import { start, GRAPHQL_PATH } from '../../../emulators/shopify/index.ts';
import { runningStore, withSeedFile, type CatalogueProduct, type PlatformTarget } from './platform-target.ts';

function shopifySeed(catalogue: CatalogueProduct[]) {
  return {
    products: catalogue.map((product) => ({
      title: product.title,
      description: product.description ?? '',
      options: product.options,
      variants: product.variants.map((v) => ({ sku: v.sku, price: v.price, options: v.values ?? [], quantities: [v.quantity] })),
    })),
  };
}

export const shopifyTarget: PlatformTarget = {
  platform: 'shopify',
  draftStatus: 'DRAFT',
  liveStatus: 'ACTIVE',
  async startEmulator(catalogue) {
    const emulator = await withSeedFile(shopifySeed(catalogue), (seed) => start({ seed, delayMs: 0 }));
    return runningStore('shopify', emulator);
  },
  async editDescription(store, remoteProductId, html) {
    const response = await fetch(`${store.url}${GRAPHQL_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-shopify-access-token': store.credentials.accessToken! },
      body: JSON.stringify({
        query: 'mutation($id: ID!, $input: ProductSetInput!) { productSet(identifier: { id: $id }, input: $input, synchronous: true) { userErrors { message } } }',
        variables: { id: remoteProductId, input: { descriptionHtml: html } },
      }),
    });
    const body = (await response.json()) as { data?: { productSet: { userErrors: Array<{ message: string }> } } };
    if (!body.data || body.data.productSet.userErrors.length > 0) throw new Error(`Shopify refused the description edit: ${JSON.stringify(body)}`);
  },
};
