// The Shopify emulator as an engine-scenario target: seeded from the neutral catalogue; the
// description edited through the Admin GraphQL API as the store's admin would.
import { start, GRAPHQL_PATH } from '../../../emulators/shopify/index.ts';
import { runningStore, withSeedFile, type CatalogueProduct, type PlatformTarget, type RunningStore } from './platform-target.ts';

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

async function adminGraphql(store: RunningStore, query: string, variables: Record<string, unknown>): Promise<Record<string, any>> {
  const response = await fetch(`${store.url}${GRAPHQL_PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-shopify-access-token': store.credentials.accessToken! },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Record<string, any>; errors?: unknown };
  if (!body.data) throw new Error(`Shopify refused the admin request: ${JSON.stringify(body)}`);
  return body.data;
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
  async addVariant(store, remoteProductId, variant) {
    // productSet replaces the variant list: the existing variants go back by id, with their values.
    const read = await adminGraphql(
      store,
      'query($id: ID!) { locations(first: 1) { nodes { id } } product(id: $id) { options { name values } variants(first: 100) { nodes { id selectedOptions { name value } } } } }',
      { id: remoteProductId },
    );
    const option = read.product.options.find((o: { name: string }) => o.name === variant.option);
    const existing = read.product.variants.nodes.map((node: { id: string; selectedOptions: Array<{ name: string; value: string }> }) => ({
      id: node.id,
      optionValues: node.selectedOptions.map((s) => ({ optionName: s.name, name: s.value })),
    }));
    const input = {
      productOptions: [{ name: variant.option, values: [...option.values, variant.value].map((name: string) => ({ name })) }],
      variants: [
        ...existing,
        {
          optionValues: [{ optionName: variant.option, name: variant.value }],
          sku: variant.sku,
          price: variant.price,
          inventoryItem: { tracked: true, sku: variant.sku },
          inventoryQuantities: [{ locationId: read.locations.nodes[0].id, name: 'available', quantity: variant.quantity }],
        },
      ],
    };
    const set = await adminGraphql(
      store,
      'mutation($id: ID!, $input: ProductSetInput!) { productSet(identifier: { id: $id }, input: $input, synchronous: true) { userErrors { message } } }',
      { id: remoteProductId, input },
    );
    if (set.productSet.userErrors.length > 0) throw new Error(`Shopify refused the new variant: ${JSON.stringify(set.productSet.userErrors)}`);
  },
};
