// Per-location stocking: an inventory item not stocked at a location has no InventoryLevel there
// (null / left out when read), the quantity mutations refuse it with ITEM_NOT_STOCKED_AT_LOCATION,
// and inventoryActivate / inventoryBulkToggleActivation stock it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { start } from '../../../emulators/shopify/index.ts';
import type { EmulatorHandle } from '../../../emulators/emulator.ts';
import { shopifyClient, variantBySku } from './shopify-client.ts';

let dir: string;
let seedFile: string;
let emu: EmulatorHandle;
let client: ReturnType<typeof shopifyClient>;
let shopLocation: string;
let warehouse: string;
let elsewhere: string; // stocked at the Warehouse only
let both: string; // stocked at both

const SEED = {
  locations: [{ name: 'Shop location' }, { name: 'Warehouse' }],
  products: [
    { title: 'Stocked Elsewhere', variants: [{ sku: 'ELSEWHERE-1', price: '5.00', quantities: [null, 6] }] },
    { title: 'Stocked Everywhere', variants: [{ sku: 'BOTH-1', price: '5.00', quantities: [3, 4] }] },
  ],
};

const LEVELS = `query Levels($id: ID!, $at: ID!) {
  inventoryItem(id: $id) {
    inventoryLevel(locationId: $at) { id quantities(names: ["available", "on_hand"]) { name quantity } }
    inventoryLevels(first: 5) { nodes { location { id } } }
    locationsCount { count }
  }
}`;
const SET = `mutation Set($input: InventorySetQuantitiesInput!, $key: String!) {
  inventorySetQuantities(input: $input) @idempotent(key: $key) {
    inventoryAdjustmentGroup { id }
    userErrors { field message code }
  }
}`;
const ADJUST = `mutation Adjust($input: InventoryAdjustQuantitiesInput!, $key: String!) {
  inventoryAdjustQuantities(input: $input) @idempotent(key: $key) {
    inventoryAdjustmentGroup { id }
    userErrors { field message code }
  }
}`;
const ACTIVATE = `mutation Activate($item: ID!, $at: ID!, $available: Int, $onHand: Int, $key: String!) {
  inventoryActivate(inventoryItemId: $item, locationId: $at, available: $available, onHand: $onHand) @idempotent(key: $key) {
    inventoryLevel { id location { id } quantities(names: ["available", "on_hand"]) { name quantity } }
    userErrors { field message }
  }
}`;
const ACTIVATE_WITHOUT_KEY = `mutation Activate($item: ID!, $at: ID!) {
  inventoryActivate(inventoryItemId: $item, locationId: $at) { inventoryLevel { id } userErrors { field message } }
}`;
const TOGGLE = `mutation Toggle($item: ID!, $updates: [InventoryBulkToggleActivationInput!]!) {
  inventoryBulkToggleActivation(inventoryItemId: $item, inventoryItemUpdates: $updates) {
    inventoryItem { id }
    inventoryLevels { location { id } }
    userErrors { field message code }
  }
}`;

async function levels(item: string, at: string) {
  const { body } = await client.gql(LEVELS, { id: item, at });
  const read = body.data.inventoryItem;
  return {
    here: read.inventoryLevel ? Object.fromEntries(read.inventoryLevel.quantities.map((q: any) => [q.name, q.quantity])) : null,
    stockedAt: read.inventoryLevels.nodes.map((n: any) => n.location.id),
    count: read.locationsCount.count,
  };
}

const setRow = (item: string, quantity: number, changeFromQuantity: number | null = null) => ({ inventoryItemId: item, locationId: shopLocation, quantity, changeFromQuantity });
const setInput = (quantities: unknown[]) => ({ name: 'available', reason: 'correction', quantities });

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'stockroom-stocking-'));
  seedFile = path.join(dir, 'seed.json');
  writeFileSync(seedFile, JSON.stringify(SEED));
  emu = await start({ seed: seedFile, delayMs: 0, rateLimit: { bucketSize: 1_000_000, restoreRate: 1_000_000 } });
  client = shopifyClient(emu);
});
afterAll(async () => {
  await emu?.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  await client.control('POST', 'reset');
  const { body } = await client.gql('{ locations(first: 5) { nodes { id name } } }');
  [shopLocation, warehouse] = body.data.locations.nodes.map((n: any) => n.id);
  elsewhere = (await variantBySku(client, 'ELSEWHERE-1')).inventoryItem.id;
  both = (await variantBySku(client, 'BOTH-1')).inventoryItem.id;
});

describe('an item not stocked at a location', () => {
  it('has no level there: inventoryLevel(locationId:) is null and inventoryLevels leaves it out', async () => {
    expect(await levels(elsewhere, shopLocation)).toEqual({ here: null, stockedAt: [warehouse], count: 1 });
    expect(await levels(elsewhere, warehouse)).toEqual({ here: { available: 6, on_hand: 6 }, stockedAt: [warehouse], count: 1 });
    const { body } = await client.gql('query L($at: ID!, $item: ID!) { location(id: $at) { inventoryLevel(inventoryItemId: $item) { id } } }', { at: shopLocation, item: elsewhere });
    expect(body.data.location.inventoryLevel).toBeNull();
    const state = await client.control('GET', 'state');
    const variant = state.body.products[0].variants[0];
    expect(variant.quantities).toEqual({ [warehouse]: 6 });
  });

  it('is refused by inventorySetQuantities with ITEM_NOT_STOCKED_AT_LOCATION, and nothing in the call is applied', async () => {
    const { body } = await client.gql(SET, { input: setInput([setRow(both, 9), setRow(elsewhere, 2)]), key: 'set-not-stocked' });
    expect(body.data.inventorySetQuantities).toEqual({
      inventoryAdjustmentGroup: null,
      userErrors: [{ field: ['input', 'quantities', '1', 'inventoryItemId'], message: 'The specified inventory item is not stocked at the location.', code: 'ITEM_NOT_STOCKED_AT_LOCATION' }],
    });
    expect((await levels(both, shopLocation)).here).toEqual({ available: 3, on_hand: 3 });
    expect((await levels(elsewhere, shopLocation)).here).toBeNull();
    // The refusal is a user error: the mutation's 10 points are what it costs.
    expect(body.extensions.cost.actualQueryCost).toBe(10);
  });

  it('is refused by inventoryAdjustQuantities too', async () => {
    const { body } = await client.gql(ADJUST, {
      input: { name: 'available', reason: 'correction', changes: [{ inventoryItemId: elsewhere, locationId: shopLocation, delta: 1, changeFromQuantity: null }] },
      key: 'adjust-not-stocked',
    });
    expect(body.data.inventoryAdjustQuantities.userErrors).toEqual([
      { field: ['input', 'changes', '0', 'inventoryItemId'], message: 'The inventory item is not stocked at the location.', code: 'ITEM_NOT_STOCKED_AT_LOCATION' },
    ]);
    expect((await levels(elsewhere, shopLocation)).here).toBeNull();
  });
});

describe('inventoryActivate', () => {
  it('stocks the item at the location with its first available quantity; a set then works', async () => {
    const { body } = await client.gql(ACTIVATE, { item: elsewhere, at: shopLocation, available: 7, key: 'activate-1' });
    expect(body.data.inventoryActivate).toEqual({
      inventoryLevel: {
        id: expect.stringContaining('InventoryLevel'),
        location: { id: shopLocation },
        quantities: [{ name: 'available', quantity: 7 }, { name: 'on_hand', quantity: 7 }],
      },
      userErrors: [],
    });
    // Requested cost by Shopify's published method: the mutation's 10 plus its selection.
    expect(body.extensions.cost.requestedQueryCost).toBe(12);
    expect(await levels(elsewhere, shopLocation)).toEqual({ here: { available: 7, on_hand: 7 }, stockedAt: [shopLocation, warehouse], count: 2 });
    const set = await client.gql(SET, { input: setInput([setRow(elsewhere, 5, 7)]), key: 'set-after-activate' });
    expect(set.body.data.inventorySetQuantities.userErrors).toEqual([]);
    expect((await levels(elsewhere, shopLocation)).here).toEqual({ available: 5, on_hand: 5 });
  });

  it('stocks at 0 without a quantity, and stocks by on_hand', async () => {
    await client.gql(ACTIVATE, { item: elsewhere, at: shopLocation, key: 'activate-zero' });
    expect((await levels(elsewhere, shopLocation)).here).toEqual({ available: 0, on_hand: 0 });
    await client.gql(TOGGLE, { item: elsewhere, updates: [{ locationId: shopLocation, activate: false }] });
    await client.gql(ACTIVATE, { item: elsewhere, at: shopLocation, onHand: 4, key: 'activate-on-hand' });
    expect((await levels(elsewhere, shopLocation)).here).toEqual({ available: 4, on_hand: 4 });
  });

  it('answers a replayed key with the first answer and applies nothing again', async () => {
    const first = await client.gql(ACTIVATE, { item: elsewhere, at: shopLocation, available: 7, key: 'activate-replay' });
    await client.gql(SET, { input: setInput([setRow(elsewhere, 1, 7)]), key: 'set-between' });
    const again = await client.gql(ACTIVATE, { item: elsewhere, at: shopLocation, available: 7, key: 'activate-replay' });
    expect(again.body.data).toEqual(first.body.data);
    expect((await levels(elsewhere, shopLocation)).here).toEqual({ available: 1, on_hand: 1 });
    const other = await client.gql(ACTIVATE, { item: elsewhere, at: shopLocation, available: 8, key: 'activate-replay' });
    expect(other.body.data.inventoryActivate.userErrors[0].message).toMatch(/idempotency key was already used/);
  });

  it('refuses a quantity for an item already stocked there, answering the level as it is', async () => {
    const { body } = await client.gql(ACTIVATE, { item: both, at: shopLocation, available: 9, key: 'activate-stocked' });
    expect(body.data.inventoryActivate.userErrors).toEqual([
      { field: ['available'], message: 'Not allowed to set available quantity when the item is already active at the location.' },
    ]);
    expect(body.data.inventoryActivate.inventoryLevel.quantities).toEqual([{ name: 'available', quantity: 3 }, { name: 'on_hand', quantity: 3 }]);
    const plain = await client.gql(ACTIVATE, { item: both, at: shopLocation, key: 'activate-stocked-plain' });
    expect(plain.body.data.inventoryActivate.userErrors).toEqual([]);
    expect(plain.body.data.inventoryActivate.inventoryLevel.location).toEqual({ id: shopLocation });
    expect((await levels(both, shopLocation)).here).toEqual({ available: 3, on_hand: 3 });
  });

  it('refuses unknown items and locations, negative and double quantities, and a missing @idempotent', async () => {
    const unknownItem = await client.gql(ACTIVATE, { item: 'gid://shopify/InventoryItem/1', at: shopLocation, key: 'a1' });
    expect(unknownItem.body.data.inventoryActivate).toEqual({ inventoryLevel: null, userErrors: [{ field: ['inventoryItemId'], message: "The product couldn't be stocked because it wasn't found." }] });
    const unknownLocation = await client.gql(ACTIVATE, { item: elsewhere, at: 'gid://shopify/Location/1', key: 'a2' });
    expect(unknownLocation.body.data.inventoryActivate.userErrors).toEqual([{ field: ['locationId'], message: "The product couldn't be stocked because the location wasn't found." }]);
    const negative = await client.gql(ACTIVATE, { item: elsewhere, at: shopLocation, available: -1, key: 'a3' });
    expect(negative.body.data.inventoryActivate.userErrors).toEqual([{ field: ['available'], message: 'Available must be greater than or equal to 0' }]);
    const doubled = await client.gql(ACTIVATE, { item: elsewhere, at: shopLocation, available: 1, onHand: 1, key: 'a4' });
    expect(doubled.body.data.inventoryActivate.userErrors.map((e: any) => e.field)).toEqual([['available'], ['onHand']]);
    const unkeyed = await client.gql(ACTIVATE_WITHOUT_KEY, { item: elsewhere, at: shopLocation });
    expect(unkeyed.body.errors[0]).toMatchObject({ message: 'The @idempotent directive is required for this mutation but was not provided.', extensions: { code: 'BAD_REQUEST' } });
    expect((await levels(elsewhere, shopLocation)).here).toBeNull();
  });
});

describe('inventoryBulkToggleActivation', () => {
  it('stocks at 0 and unstocks, but never from the only location', async () => {
    const on = await client.gql(TOGGLE, { item: elsewhere, updates: [{ locationId: shopLocation, activate: true }] });
    expect(on.body.data.inventoryBulkToggleActivation).toEqual({ inventoryItem: { id: elsewhere }, inventoryLevels: [{ location: { id: shopLocation } }], userErrors: [] });
    expect(await levels(elsewhere, shopLocation)).toEqual({ here: { available: 0, on_hand: 0 }, stockedAt: [shopLocation, warehouse], count: 2 });

    const off = await client.gql(TOGGLE, { item: elsewhere, updates: [{ locationId: warehouse, activate: false }] });
    expect(off.body.data.inventoryBulkToggleActivation.userErrors).toEqual([]);
    expect((await levels(elsewhere, warehouse)).here).toBeNull();

    const only = await client.gql(TOGGLE, { item: elsewhere, updates: [{ locationId: shopLocation, activate: false }] });
    expect(only.body.data.inventoryBulkToggleActivation).toEqual({
      inventoryItem: null,
      inventoryLevels: null,
      userErrors: [{ field: ['inventoryItemUpdates', '0', 'locationId'], message: "The variant couldn't be unstocked from Shop location because products need to be stocked at a minimum of 1 location.", code: 'CANNOT_DEACTIVATE_FROM_ONLY_LOCATION' }],
    });
    expect((await levels(elsewhere, shopLocation)).stockedAt).toEqual([shopLocation]);
  });

  it('refuses an unknown location with nothing changed', async () => {
    const { body } = await client.gql(TOGGLE, { item: both, updates: [{ locationId: warehouse, activate: false }, { locationId: 'gid://shopify/Location/1', activate: true }] });
    expect(body.data.inventoryBulkToggleActivation.userErrors[0].code).toBe('LOCATION_NOT_FOUND');
    expect((await levels(both, warehouse)).here).toEqual({ available: 4, on_hand: 4 });
  });
});

describe('seed files', () => {
  it('refuse a variant stocked nowhere', async () => {
    const file = path.join(dir, 'nowhere.json');
    writeFileSync(file, JSON.stringify({ products: [{ title: 'Nowhere', variants: [{ sku: 'N-1', price: '1.00', quantities: [null] }] }] }));
    await expect(start({ seed: file, delayMs: 0 })).rejects.toThrow(/must be stocked at one location at least/);
  });
});
