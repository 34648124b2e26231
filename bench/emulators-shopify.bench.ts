// How fast the Shopify emulator serves the calls sync leans on, so benchmarks of Stockroom measure
// Stockroom: a 250-row inventorySetQuantities and a 250-item products page, with 100,000 variants
// held. The cost bucket is lifted here; the sync benchmark is what measures against Shopify's limit.
import { start } from '../emulators/shopify/index.ts';

const VARIANTS = Number(process.env.BENCH_VARIANTS ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const startedAt = performance.now();
const handle = await start({ seed: `gen:${VARIANTS}`, delayMs: 0, rateLimit: { bucketSize: 1e12, restoreRate: 1e12 } });
console.error(`started with ${VARIANTS} variants in ${((performance.now() - startedAt) / 1000).toFixed(2)} s`);
const endpoint = `${handle.url}/admin/api/2026-07/graphql.json`;
const headers = { 'x-shopify-access-token': handle.credentials.accessToken, 'content-type': 'application/json' };

async function gql(query: string, variables: Record<string, unknown>): Promise<any> {
  const response = await fetch(endpoint, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as any;
  if (response.status !== 200 || body.errors) throw new Error(`HTTP ${response.status} ${JSON.stringify(body.errors ?? body)}`);
  return body;
}

async function measure(name: string, call: (round: number) => Promise<void>): Promise<void> {
  await call(-1); // warm-up: parse/validate cache, JIT
  let rounds = 0;
  const started = performance.now();
  while (performance.now() - started < SECONDS * 1000) await call(rounds++);
  const seconds = (performance.now() - started) / 1000;
  const perSecond = rounds / seconds;
  console.error(`${name}: ${perSecond.toFixed(1)} requests/s (${rounds} requests in ${seconds.toFixed(2)} s, ${VARIANTS} variants held)`);
  console.log(JSON.stringify({ bench: 'emulator-shopify', figure: name, requestsPerSecond: Number(perSecond.toFixed(1)), rounds, variantsHeld: VARIANTS }));
}

const locations = await gql('{ locations(first: 1) { nodes { id } } }', {});
const locationId = locations.data.locations.nodes[0].id;
const items = await gql('{ productVariants(first: 250) { nodes { inventoryItem { id } } } }', {});
const itemIds: string[] = items.data.productVariants.nodes.map((n: any) => n.inventoryItem.id);

const SET = `mutation Set($input: InventorySetQuantitiesInput!, $key: String!) {
  inventorySetQuantities(input: $input) @idempotent(key: $key) {
    inventoryAdjustmentGroup { id }
    userErrors { field message code }
  }
}`;
await measure('inventorySetQuantities-250-rows', async (round) => {
  const body = await gql(SET, {
    key: `bench-${round}`,
    input: {
      name: 'available',
      reason: 'correction',
      quantities: itemIds.map((inventoryItemId, i) => ({ inventoryItemId, locationId, quantity: (round + i + 1000) % 50, changeFromQuantity: null })),
    },
  });
  if (body.data.inventorySetQuantities.userErrors.length) throw new Error(JSON.stringify(body.data.inventorySetQuantities.userErrors));
});

const PAGE = `query Page($after: String) {
  products(first: 250, after: $after) { pageInfo { hasNextPage endCursor } nodes { id title handle status updatedAt } }
}`;
let after: string | null = null;
await measure('products-page-250', async () => {
  const body = await gql(PAGE, { after });
  const page = body.data.products;
  after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
});

const VARIANT_PAGE = `query Page($after: String) {
  productVariants(first: 250, after: $after) { pageInfo { hasNextPage endCursor } nodes { id sku inventoryItem { id } } }
}`;
let variantAfter: string | null = null;
await measure('productVariants-page-250', async () => {
  const body = await gql(VARIANT_PAGE, { after: variantAfter });
  const page = body.data.productVariants;
  variantAfter = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
});
await handle.close();
