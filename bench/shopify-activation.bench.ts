// What stocking items at a new location costs on Shopify: N inventory items stocked only at the
// first location, the channel mapped to the second, N quantities written through the Shopify
// channel in batches of 250 with the store's real governor, against the emulator at Shopify's
// standard bucket (2,000 points, 100/s). Prints requests by operation, points asked for, and time.
// BENCH_ACTIVATION_ITEMS (default 1,000).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { start } from '../emulators/shopify/index.ts';
import { createShopifyChannel } from '../src/channels/shopify/index.ts';
import { QUANTITY_BATCH_SIZE } from '../src/channels/shopify/quantities.ts';
import { StoreRequestGovernor } from '../src/sync/governor/request-governor.ts';

const ITEMS = Number(process.env.BENCH_ACTIVATION_ITEMS ?? 1_000);
const dir = mkdtempSync(path.join(tmpdir(), 'bench-activation-'));
const seed = path.join(dir, 'seed.json');
const products = Array.from({ length: ITEMS }, (_, i) => ({
  title: `Item ${i + 1}`,
  variants: [{ sku: `ACT-${String(i + 1).padStart(6, '0')}`, price: '1.00', quantities: [5, null] }],
}));
writeFileSync(seed, JSON.stringify({ locations: [{ name: 'Shop location' }, { name: 'New warehouse' }], products }));
const emulator = await start({ seed, delayMs: 0 });
rmSync(dir, { recursive: true, force: true });

const control = async (route: string) => (await (await fetch(`${emulator.url}/__emulator/${route}`)).json()) as any;
const state = await control('state');
const target: string = state.locations[1].id;
const governor = new StoreRequestGovernor();
const channel = createShopifyChannel(
  { platform: 'shopify', url: emulator.url, credentials: emulator.credentials, remoteLocationId: target },
  { governor, timeoutMs: 30_000 },
);
const refs: string[] = [];
for (let cursor: string | null = null, first = true; first || cursor; first = false) {
  const page = await channel.listCatalog(cursor);
  for (const product of page.products) for (const variant of product.variants) refs.push(variant.inventoryRef);
  cursor = page.nextCursor;
}
const before = await control('requests');
const started = performance.now();
let applied = 0;
let failed = 0;
const batches: string[][] = [];
for (let i = 0; i < refs.length; i += QUANTITY_BATCH_SIZE) batches.push(refs.slice(i, i + QUANTITY_BATCH_SIZE));
await Promise.all(
  batches.map(async (batch, index) => {
    const result = await channel.setQuantities(batch.map((inventoryRef) => ({ inventoryRef, quantity: 7, expected: 0 })), `bench-activation-${index}`);
    applied += result.applied.length;
    failed += result.failed.length;
  }),
);
const seconds = (performance.now() - started) / 1000;
const after = await control('requests');
const by = (op: string) => (after.byOperation[op] ?? 0) - (before.byOperation[op] ?? 0);
const requests = after.total - before.total;
// Requested points as the connector's estimates put them (the emulator's requested costs match: 11 each).
const points = requests * 11;
console.error(
  `${ITEMS} items not stocked at the mapped location, ${batches.length} batches: ${requests} requests ` +
    `(inventorySetQuantities ${by('inventorySetQuantities')}, inventoryActivate ${by('inventoryActivate')}), ` +
    `~${points} points asked, ${seconds.toFixed(1)} s, applied ${applied}, failed ${failed}, throttled ${after.throttled - before.throttled}`,
);
console.log(
  JSON.stringify({
    bench: 'shopify-activation',
    items: ITEMS,
    batches: batches.length,
    requests,
    inventorySetQuantities: by('inventorySetQuantities'),
    inventoryActivate: by('inventoryActivate'),
    pointsRequested: points,
    seconds: Number(seconds.toFixed(1)),
    applied,
    failed,
    throttled: after.throttled - before.throttled,
  }),
);
await emulator.close();
