// Shopify items not stocked at the store's location, end to end against the emulator over HTTP:
// a local variant linked by import to a Shopify item stocked only at another location reads as 0
// (not broken), and one sync round stocks it at the mapped location with its quantity; pointing the
// store at another of its locations (`store set --remote-location`) stocks the items that location
// lacks. The other location's quantities are never touched.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { start } from '../../emulators/shopify/index.ts';
import type { EmulatorHandle } from '../../emulators/emulator.ts';
import './sync-fixtures.ts'; // STOCKROOM_SECRET for the credentials
import { forEachDialect } from '../support/databases.ts';
import { ensureDefaultAccount } from '../../src/accounts/accounts.ts';
import { createProduct } from '../../src/catalog/products.ts';
import { recordMovement } from '../../src/stock/record-movement.ts';
import { connectStore } from '../../src/sync/stores/connect-store.ts';
import { updateStoreSettings } from '../../src/sync/stores/store-settings.ts';
import { startImport } from '../../src/sync/import/start-import.ts';
import { runJobUntilFinished } from '../../src/jobs/wait-for-job.ts';
import { syncOnce } from '../../src/sync/engine-loop/sync-loop.ts';
import { storeDrift } from '../../src/sync/reconcile/reconcile-service.ts';
import { listSyncLog } from '../../src/sync/sync-log/sync-log.ts';
import { syncToIdle } from './stock-sync-fixtures.ts';

const SEED = {
  locations: [{ name: 'Shop location' }, { name: 'Warehouse' }],
  products: [
    // Created in Shopify, stocked only at the Warehouse.
    { title: 'Elsewhere Tee', variants: [{ sku: 'ELSE-TEE', price: '12.00', quantities: [null, 6] }] },
    // Stocked only at the Shop location.
    { title: 'Counter Mug', variants: [{ sku: 'HERE-MUG', price: '8.00', quantities: [3, null] }] },
  ],
};

interface EmulatorState {
  locations: Array<{ id: string; name: string }>;
  products: Array<{ variants: Array<{ sku: string; quantities: Record<string, number> }> }>;
}

let dir: string;
let emulator: EmulatorHandle;

async function control<T>(route: string, body?: unknown): Promise<T> {
  const response = await fetch(`${emulator.url}/__emulator/${route}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`emulator ${route}: ${response.status}`);
  return (await response.json()) as T;
}

/** A SKU's available quantity per location name; a location that does not stock it is absent. */
async function stockedAt(sku: string): Promise<Record<string, number>> {
  const state = await control<EmulatorState>('state');
  const names = new Map(state.locations.map((l) => [l.id, l.name]));
  const variant = state.products.flatMap((p) => p.variants).find((v) => v.sku === sku)!;
  return Object.fromEntries(Object.entries(variant.quantities).map(([id, quantity]) => [names.get(id)!, quantity]));
}

async function activations(): Promise<number> {
  return (await control<{ byOperation: Record<string, number> }>('requests')).byOperation.inventoryActivate ?? 0;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'stockroom-activation-'));
  const file = path.join(dir, 'seed.json');
  writeFileSync(file, JSON.stringify(SEED));
  emulator = await start({ seed: file, delayMs: 0 });
});
afterAll(async () => {
  await emulator?.close();
  rmSync(dir, { recursive: true, force: true });
});

forEachDialect('items not stocked at the store location (e2e, Shopify emulator)', (getHandle) => {
  let accountId = '';
  let storeId = '';

  beforeEach(async () => {
    if (accountId) return;
    await control('reset', {});
    const handle = getHandle();
    accountId = (await ensureDefaultAccount(handle)).id;
    // Both SKUs exist here first, so the import links them (and keeps the local stock).
    await createProduct(handle, accountId, { name: 'Elsewhere Tee', variants: [{ sku: 'ELSE-TEE', price: '12.00' }] });
    await createProduct(handle, accountId, { name: 'Counter Mug', variants: [{ sku: 'HERE-MUG', price: '8.00' }] });
    await recordMovement(handle, accountId, { sku: 'ELSE-TEE', kind: 'receipt', quantity: 5 });
    await recordMovement(handle, accountId, { sku: 'HERE-MUG', kind: 'receipt', quantity: 2 });
    const store = await connectStore(handle, accountId, { platform: 'shopify', url: emulator.url, credentials: emulator.credentials });
    storeId = store.id;
    const { jobId } = await startImport(handle, accountId, storeId);
    const job = await runJobUntilFinished(handle, accountId, jobId);
    expect(job.state).toBe('done');
    expect(job.summary).toMatchObject({ linked: 2, created: 0, skipped: [] });
  });

  it('a linked item stocked only at another location reads as 0 and gets its quantity after one sync', async () => {
    const handle = getHandle();
    // Not broken: the store holds nothing for it at its location, which is drift like any other.
    expect(await storeDrift(handle, accountId, storeId)).toEqual([
      { sku: 'ELSE-TEE', location: 'Main', expected: 5, store: 0 },
      { sku: 'HERE-MUG', location: 'Main', expected: 2, store: 3 },
    ]);
    const before = await activations();

    await syncOnce(handle, { pollOrders: false, coalesceMs: 0 });

    expect(await stockedAt('ELSE-TEE')).toEqual({ 'Shop location': 5, Warehouse: 6 });
    expect(await stockedAt('HERE-MUG')).toEqual({ 'Shop location': 2 });
    expect((await activations()) - before).toBe(1);
    const push = (await listSyncLog(handle, accountId, { kind: 'stock-push' }))[0]!;
    expect(push.outcome).toBe('ok');
    expect(push.error).toBeNull();
    expect(await storeDrift(handle, accountId, storeId)).toEqual([]);
  });

  it('pointing the store at another of its locations stocks there the items it lacks', async () => {
    const handle = getHandle();
    await syncToIdle(handle);
    const before = await activations();

    const view = await updateStoreSettings(handle, accountId, storeId, { remoteLocation: 'warehouse' });
    const state = await control<EmulatorState>('state');
    expect(view.remoteLocationId).toBe(state.locations.find((l) => l.name === 'Warehouse')!.id);
    await syncOnce(handle, { pollOrders: false, coalesceMs: 0 });

    expect(await stockedAt('ELSE-TEE')).toEqual({ 'Shop location': 5, Warehouse: 5 });
    expect(await stockedAt('HERE-MUG')).toEqual({ 'Shop location': 2, Warehouse: 2 });
    expect((await activations()) - before).toBe(1);
    expect(await storeDrift(handle, accountId, storeId)).toEqual([]);

    await recordMovement(handle, accountId, { sku: 'HERE-MUG', kind: 'sale', quantity: 1 });
    await syncToIdle(handle);
    expect(await stockedAt('HERE-MUG')).toEqual({ 'Shop location': 2, Warehouse: 1 });
  });

  it('refuses a location the store does not have, changing nothing', async () => {
    const handle = getHandle();
    await expect(updateStoreSettings(handle, accountId, storeId, { remoteLocation: 'Attic' })).rejects.toThrow(/has no location "Attic"; its locations are: Shop location .*, Warehouse/);
  });
});
