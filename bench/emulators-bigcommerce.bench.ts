// How fast the BigCommerce emulator serves the calls sync leans on, so benchmarks of Stockroom measure
// Stockroom: a 2,000-item absolute inventory adjustment, a 250-product catalogue page, a 1,000-item
// inventory page. The rate limit is lifted here; it is what the sync benchmark measures against.
import { startBigCommerce } from '../emulators/bigcommerce/index.ts';

const VARIANTS = Number(process.env.BENCH_VARIANTS ?? 100_000);
const handle = await startBigCommerce({ seed: `gen:${VARIANTS}`, delayMs: 0, rateLimit: { quota: 1e9, windowMs: 1000 } });
const base = `${handle.url}/stores/${handle.credentials.storeHash}`;
const headers = { 'x-auth-token': handle.credentials.accessToken, 'content-type': 'application/json' };

async function measure(name: string, rounds: number, call: (round: number) => Promise<Response>): Promise<void> {
  const started = performance.now();
  for (let round = 0; round < rounds; round++) {
    const response = await call(round);
    if (!response.ok) throw new Error(`${name}: HTTP ${response.status} ${await response.text()}`);
    await response.arrayBuffer();
  }
  const seconds = (performance.now() - started) / 1000;
  const perSecond = rounds / seconds;
  console.error(`${name}: ${perSecond.toFixed(1)} requests/s (${rounds} requests in ${seconds.toFixed(2)} s, ${VARIANTS} variants held)`);
  console.log(JSON.stringify({ bench: 'emulator-bigcommerce', figure: name, requestsPerSecond: Number(perSecond.toFixed(1)), rounds, variantsHeld: VARIANTS }));
}

const skus = Array.from({ length: 2000 }, (_, i) => `GEN-${String(Math.floor(i / 4) + 1).padStart(6, '0')}-${['S', 'M', 'L', 'XL'][i % 4]}`);
await measure('absolute-adjustment-2000-items', 20, (round) =>
  fetch(`${base}/v3/inventory/adjustments/absolute`, {
    method: 'PUT',
    headers,
    body: JSON.stringify({ reason: 'bench', items: skus.map((sku, i) => ({ location_id: 1, sku, quantity: (i + round) % 30 })) }),
  }),
);
await measure('catalog-page-250-products-with-variants', 20, (round) => fetch(`${base}/v3/catalog/products?include=variants&limit=250&page=${round + 1}`, { headers }));
await measure('inventory-items-page-1000', 20, (round) => fetch(`${base}/v3/inventory/items?limit=1000&page=${round + 1}`, { headers }));
await handle.close();
