// Set-up shared by the stock/orders/drift/webhook end-to-end tests: a connected Shopify emulator
// whose catalogue has been imported, so every seeded SKU is linked with its store quantity known.
import { expect } from 'vitest';
import type { DatabaseHandle } from '../../src/db/handle.ts';
import { ensureDefaultAccount } from '../../src/accounts/accounts.ts';
import { connectStore } from '../../src/sync/stores/connect-store.ts';
import { startImport } from '../../src/sync/import/start-import.ts';
import { runJobUntilFinished } from '../../src/jobs/wait-for-job.ts';
import { syncUntilIdle } from '../../src/sync/engine-loop/sync-loop.ts';
import { getStock } from '../../src/stock/stock-query.ts';
import type { SeededShopify } from './sync-fixtures.ts';

export interface ConnectedStore {
  accountId: string;
  storeId: string;
}

export async function connectAndImport(handle: DatabaseHandle, shop: SeededShopify, settings: { buffer?: number } = {}): Promise<ConnectedStore> {
  const account = await ensureDefaultAccount(handle);
  const store = await connectStore(handle, account.id, { platform: 'shopify', url: shop.url, credentials: shop.credentials, ...settings });
  const { jobId } = await startImport(handle, account.id, store.id);
  const job = await runJobUntilFinished(handle, account.id, jobId);
  expect(job.state).toBe('done');
  return { accountId: account.id, storeId: store.id };
}

/** The store's quantity of a SKU at its (only) location. */
export async function storeQuantity(shop: SeededShopify, sku: string): Promise<number> {
  const state = await shop.state();
  for (const product of state.products) {
    for (const variant of product.variants) {
      if (variant.sku === sku) return Object.values(variant.quantities)[0] ?? 0;
    }
  }
  throw new Error(`SKU ${sku} is not on the emulator`);
}

export async function localQuantity(handle: DatabaseHandle, accountId: string, sku: string): Promise<number> {
  return (await getStock(handle, accountId, sku)).total;
}

export async function requests(shop: SeededShopify): Promise<{ total: number; throttled: number; byOperation: Record<string, number> }> {
  return (await shop.control('requests')) as { total: number; throttled: number; byOperation: Record<string, number> };
}

export async function syncToIdle(handle: DatabaseHandle): Promise<void> {
  const result = await syncUntilIdle(handle, { coalesceMs: 0, maxMs: 60_000, onStoreError: (_store, error) => { throw error; } });
  expect(result.idle).toBe(true);
}

export interface ListeningApp {
  baseUrl: string;
  close(): Promise<void>;
}

/** The real Stockroom HTTP app on a free port, so the emulator can deliver webhooks to it. */
export async function listenApp(handle: DatabaseHandle): Promise<ListeningApp> {
  const { buildApp } = await import('../../src/http/app.ts');
  const app = await buildApp({ handle, secret: process.env.STOCKROOM_SECRET, webRoot: null });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('the app is not listening on a port');
  return { baseUrl: `http://127.0.0.1:${address.port}`, close: () => app.close() };
}

export async function connectWithWebhooks(handle: DatabaseHandle, shop: SeededShopify, publicUrl: string): Promise<ConnectedStore> {
  const account = await ensureDefaultAccount(handle);
  const store = await connectStore(handle, account.id, { platform: 'shopify', url: shop.url, credentials: shop.credentials }, { publicUrl });
  expect(store.webhookNote).toBeNull();
  const { jobId } = await startImport(handle, account.id, store.id);
  expect((await runJobUntilFinished(handle, account.id, jobId)).state).toBe('done');
  return { accountId: account.id, storeId: store.id };
}

export async function waitFor(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out waiting for a condition');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
