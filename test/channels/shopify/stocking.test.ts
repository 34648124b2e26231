// Items not stocked at the mapped location: the Shopify channel reads them as 0 and its quantity
// write stocks them there (inventoryActivate with the quantity) instead of failing. Against the
// emulator over HTTP; the two answers the emulator is not asked to produce on demand (stocked by
// someone else meanwhile, activation refused) against the scripted Admin API.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Channel, QuantityWrite } from '../../../src/channels/channel.ts';
import { createShopifyChannel } from '../../../src/channels/shopify/index.ts';
import { inventoryActivate } from '../../../src/channels/shopify/operations/inventory.ts';
import { start } from '../../../emulators/shopify/index.ts';
import type { EmulatorHandle } from '../../../emulators/emulator.ts';
import { createPermissiveGovernor } from '../../support/permissive-governor.ts';
import { cost, startFakeAdminApi, type FakeAdminApi } from './fake-admin-api.ts';

const SEED = {
  locations: [{ name: 'Shop location' }, { name: 'Warehouse' }],
  products: [
    { title: 'Stocked Elsewhere', variants: [{ sku: 'ELSE-1', price: '5.00', quantities: [null, 6] }, { sku: 'ELSE-2', price: '5.00', quantities: [null, 2] }] },
    { title: 'Stocked Here', variants: [{ sku: 'HERE-1', price: '5.00', quantities: [3, 0] }, { sku: 'HERE-2', price: '5.00', quantities: [4, 0] }, { sku: 'HERE-3', price: '5.00', quantities: [5, 0] }] },
    { title: 'Not Tracked', variants: [{ sku: 'SERVICE-1', price: '5.00', tracked: false }] },
  ],
};

interface EmulatorState {
  locations: Array<{ id: string; name: string }>;
  products: Array<{ variants: Array<{ sku: string; quantities: Record<string, number> }> }>;
}

let dir: string;
let emulator: EmulatorHandle;
let channel: Channel;
let shopLocation: string;
let warehouse: string;
const refs = new Map<string, string>();

async function control<T>(route: string, body?: unknown): Promise<T> {
  const response = await fetch(`${emulator.url}/__emulator/${route}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return (await response.json()) as T;
}

async function quantitiesOf(sku: string): Promise<Record<string, number>> {
  const state = await control<EmulatorState>('state');
  return state.products.flatMap((p) => p.variants).find((v) => v.sku === sku)!.quantities;
}

async function operations(): Promise<Record<string, number>> {
  return (await control<{ byOperation: Record<string, number> }>('requests')).byOperation;
}

const write = (sku: string, quantity: number, expected: number | null = null): QuantityWrite => ({ inventoryRef: refs.get(sku)!, quantity, expected });

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'stockroom-stocking-'));
  const file = path.join(dir, 'seed.json');
  writeFileSync(file, JSON.stringify(SEED));
  emulator = await start({ seed: file, delayMs: 0 });
});
afterAll(async () => {
  await emulator?.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  await control('reset', {});
  const state = await control<EmulatorState>('state');
  [shopLocation, warehouse] = state.locations.map((l) => l.id);
  channel = createShopifyChannel(
    { platform: 'shopify', url: emulator.url, credentials: emulator.credentials, remoteLocationId: shopLocation },
    { governor: createPermissiveGovernor(), timeoutMs: 5000 },
  );
  const page = await channel.listCatalog(null);
  for (const product of page.products) for (const variant of product.variants) refs.set(variant.sku!, variant.inventoryRef);
});

describe('Shopify items not stocked at the mapped location', () => {
  it('read as 0 there (null only when Shopify does not track the item)', async () => {
    const catalog = await channel.listCatalog(null);
    const bySku = new Map(catalog.products.flatMap((p) => p.variants).map((v) => [v.sku, v.quantity]));
    expect(Object.fromEntries(bySku)).toEqual({ 'ELSE-1': 0, 'ELSE-2': 0, 'HERE-1': 3, 'HERE-2': 4, 'HERE-3': 5, 'SERVICE-1': null });
    const readings = (await channel.readQuantities(null)).readings;
    expect(readings.filter((r) => r.sku?.startsWith('ELSE')).map((r) => r.quantity)).toEqual([0, 0]);
    expect(readings.some((r) => r.sku === 'SERVICE-1')).toBe(false);
  });

  it('are stocked there with their quantity by one write; the other rows of the batch are written too', async () => {
    const before = await operations();
    const result = await channel.setQuantities([write('HERE-1', 1, 3), write('ELSE-1', 7, 0), write('HERE-2', 2, 4), write('ELSE-2', 8, null), write('HERE-3', 9, 5)], 'push-mixed');
    expect(result.failed).toEqual([]);
    expect(result.stale).toEqual([]);
    expect([...result.applied].sort()).toEqual([...refs.entries()].filter(([sku]) => sku !== 'SERVICE-1').map(([, ref]) => ref).sort());

    expect(await quantitiesOf('ELSE-1')).toEqual({ [shopLocation]: 7, [warehouse]: 6 });
    expect(await quantitiesOf('ELSE-2')).toEqual({ [shopLocation]: 8, [warehouse]: 2 });
    expect((await quantitiesOf('HERE-1'))[shopLocation]).toBe(1);
    expect((await quantitiesOf('HERE-3'))[shopLocation]).toBe(9);
    // The refused write, one activation per item not stocked, the rest written once more.
    const after = await operations();
    expect((after.inventorySetQuantities ?? 0) - (before.inventorySetQuantities ?? 0)).toBe(2);
    expect((after.inventoryActivate ?? 0) - (before.inventoryActivate ?? 0)).toBe(2);
  });

  it('cost one extra request per item when the whole batch is not stocked, and no second write', async () => {
    const before = await operations();
    const result = await channel.setQuantities([write('ELSE-1', 1), write('ELSE-2', 0)], 'push-all-missing');
    expect(result.applied).toHaveLength(2);
    const after = await operations();
    expect((after.inventorySetQuantities ?? 0) - (before.inventorySetQuantities ?? 0)).toBe(1);
    expect((after.inventoryActivate ?? 0) - (before.inventoryActivate ?? 0)).toBe(2);
    expect(await quantitiesOf('ELSE-2')).toEqual({ [shopLocation]: 0, [warehouse]: 2 });
    // Stocked now: the next write is a plain one.
    await channel.setQuantities([write('ELSE-1', 4, 1)], 'push-after');
    expect((await operations()).inventoryActivate).toBe(after.inventoryActivate);
    expect((await quantitiesOf('ELSE-1'))[shopLocation]).toBe(4);
  });

  it('apply nothing twice when the engine repeats a write under its key', async () => {
    await channel.setQuantities([write('ELSE-1', 7)], 'push-repeated');
    await control('inventory', { sku: 'ELSE-1', quantity: 9, location: shopLocation }); // edited in Shopify's admin since
    const again = await channel.setQuantities([write('ELSE-1', 7)], 'push-repeated');
    expect(again.applied).toEqual([refs.get('ELSE-1')]);
    expect((await quantitiesOf('ELSE-1'))[shopLocation]).toBe(9);
  });

  it('cost what the activation estimate says: it covers the requested cost and fits the 1,000-point cap', async () => {
    const variables = { key: 'cost-probe', inventoryItemId: refs.get('ELSE-1')!, locationId: shopLocation, available: 1 };
    const response = await fetch(`${emulator.url}/admin/api/2026-07/graphql.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-shopify-access-token': emulator.credentials.accessToken },
      body: JSON.stringify({ query: inventoryActivate.document, variables, operationName: inventoryActivate.name }),
    });
    const body = (await response.json()) as { extensions: { cost: { requestedQueryCost: number; actualQueryCost: number } } };
    expect(inventoryActivate.estimateCost(variables)).toBeGreaterThanOrEqual(body.extensions.cost.requestedQueryCost);
    expect(body.extensions.cost.requestedQueryCost).toBe(11);
  });
});

describe('Shopify activation answers the emulator does not produce on demand', () => {
  const LOCATION = 'gid://shopify/Location/7';
  const ITEM = 'gid://shopify/InventoryItem/1';
  let api: FakeAdminApi;
  let scripted: Channel;
  const notStocked = {
    status: 200,
    json: {
      data: { inventorySetQuantities: { inventoryAdjustmentGroup: null, userErrors: [{ field: ['input', 'quantities', '0', 'inventoryItemId'], message: 'The specified inventory item is not stocked at the location.', code: 'ITEM_NOT_STOCKED_AT_LOCATION' }] } },
      extensions: cost(11, 10, 1990),
    },
  };
  const activated = (inventoryLevel: unknown, userErrors: unknown[]) => ({ status: 200, json: { data: { inventoryActivate: { inventoryLevel, userErrors } }, extensions: cost(11, 11, 1980) } });

  beforeEach(async () => {
    api = await startFakeAdminApi();
    scripted = createShopifyChannel(
      { platform: 'shopify', url: api.url, credentials: { accessToken: 'shpat_test' }, remoteLocationId: LOCATION },
      { governor: createPermissiveGovernor(), timeoutMs: 2000 },
    );
  });
  afterEach(async () => {
    await api.close();
  });

  it('an item someone stocked meanwhile is written with a plain quantity write under a derived key', async () => {
    api.answer(
      notStocked,
      activated({ id: 'gid://shopify/InventoryLevel/7?inventory_item_id=1' }, [{ field: ['available'], message: 'Not allowed to set available quantity when the item is already active at the location.' }]),
      { status: 200, json: { data: { inventorySetQuantities: { inventoryAdjustmentGroup: { id: 'gid://shopify/InventoryAdjustmentGroup/1' }, userErrors: [] } }, extensions: cost(11, 11, 1970) } },
    );
    const result = await scripted.setQuantities([{ inventoryRef: ITEM, quantity: 5, expected: null }], 'push-7');
    expect(result).toEqual({ applied: [ITEM], stale: [], failed: [] });
    expect(api.requests.map((r) => r.body.variables.key)).toEqual(['push-7', 'push-7/activate/1', 'push-7/without-refused']);
    expect(api.requests[1].body.variables).toMatchObject({ inventoryItemId: ITEM, locationId: LOCATION, available: 5 });
  });

  it('an activation Shopify refuses is that row failing, with its reason', async () => {
    api.answer(notStocked, activated(null, [{ field: ['locationId'], message: "The product couldn't be stocked because the location is not active." }]));
    const result = await scripted.setQuantities([{ inventoryRef: ITEM, quantity: 5, expected: 0 }], 'push-8');
    expect(result.applied).toEqual([]);
    expect(result.failed).toEqual([{ inventoryRef: ITEM, reason: expect.stringContaining('location is not active') }]);
    expect(api.requests).toHaveLength(2);
  });
});
