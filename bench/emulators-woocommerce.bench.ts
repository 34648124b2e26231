// How fast the WooCommerce emulator serves the calls sync leans on, with 100,000 variants held:
// a 100-item products/batch update (stock quantities) and a 100-product page (orderby=id), both
// OAuth-signed over http as the connector calls them.
import { start } from '../emulators/woocommerce/index.ts';
import { signUrl } from '../emulators/woocommerce/test-support/oauth-signer.ts';

const VARIANTS = Number(process.env.BENCH_VARIANTS ?? 100_000);
const seedStarted = performance.now();
const handle = await start({ seed: `gen:${VARIANTS}`, delayMs: 0 });
console.error(`seeded ${VARIANTS} variants in ${((performance.now() - seedStarted) / 1000).toFixed(2)} s`);
const keys = handle.credentials as { consumerKey: string; consumerSecret: string };
const api = `${handle.url}/wp-json/wc/v3`;

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
  console.log(JSON.stringify({ bench: 'emulator-woocommerce', figure: name, requestsPerSecond: Number(perSecond.toFixed(1)), rounds, variantsHeld: VARIANTS }));
}

// Simple products are every fifth generated product; their ids are found once through the API.
const firstPage = await fetch(signUrl({ method: 'GET', url: `${api}/products?type=simple&per_page=100&orderby=id&order=asc`, ...keys }));
const simpleIds = ((await firstPage.json()) as { id: number }[]).map((p) => p.id);
// Warm-up (JIT, the first collection after seeding) so the figures are steady-state.
for (let i = 0; i < 20; i++) await (await fetch(signUrl({ method: 'GET', url: `${api}/products?per_page=100&page=${i + 1}`, ...keys }))).arrayBuffer();

await measure('products-batch-update-100', 50, (round) =>
  fetch(signUrl({ method: 'POST', url: `${api}/products/batch`, ...keys }), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ update: simpleIds.map((id, i) => ({ id, manage_stock: true, stock_quantity: (i + round) % 40 })) }),
  }),
);
await measure('products-page-100-orderby-id', 50, (round) =>
  fetch(signUrl({ method: 'GET', url: `${api}/products?per_page=100&orderby=id&order=asc&page=${round + 1}`, ...keys })),
);
await measure('products-page-100-default-date-order', 50, (round) =>
  fetch(signUrl({ method: 'GET', url: `${api}/products?per_page=100&page=${round + 1}`, ...keys })),
);
await measure('products-sku-lookup-10', 50, (round) =>
  fetch(signUrl({ method: 'GET', url: `${api}/products?sku=${Array.from({ length: 10 }, (_, i) => `GEN-${round * 10 + i + 1}-1`).join(',')}`, ...keys })),
);
await handle.close();
