// inventorySetQuantities / inventoryAdjustQuantities with the 2026-04+ rules (texts from
// vendor-specs/shopify/captures-2026-04), and orders moving available → committed.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { start } from '../../../emulators/shopify/index.ts';
import type { EmulatorHandle } from '../../../emulators/emulator.ts';
import { quantitiesAt, shopifyClient, variantBySku } from './shopify-client.ts';

let emu: EmulatorHandle;
let client: ReturnType<typeof shopifyClient>;
let location: string;
let itemId: string;

const SET = `mutation Set($input: InventorySetQuantitiesInput!, $key: String!) {
  inventorySetQuantities(input: $input) @idempotent(key: $key) {
    inventoryAdjustmentGroup { id reason referenceDocumentUri changes { name delta quantityAfterChange item { id } location { id } } }
    userErrors { field message code }
  }
}`;
const SET_WITHOUT_KEY = `mutation Set($input: InventorySetQuantitiesInput!) {
  inventorySetQuantities(input: $input) {
    inventoryAdjustmentGroup { id }
    userErrors { field message code }
  }
}`;
const ADJUST = `mutation Adjust($input: InventoryAdjustQuantitiesInput!, $key: String!) {
  inventoryAdjustQuantities(input: $input) @idempotent(key: $key) {
    inventoryAdjustmentGroup { changes { name delta } }
    userErrors { field message code }
  }
}`;

const row = (quantity: number, changeFromQuantity: number | null, item = itemId) => ({ inventoryItemId: item, locationId: location, quantity, changeFromQuantity });
const setInput = (quantities: unknown[], name = 'available') => ({ name, reason: 'correction', referenceDocumentUri: 'gid://stockroom/Test/1', quantities });

beforeAll(async () => {
  emu = await start({ seed: 'demo', delayMs: 0, rateLimit: { bucketSize: 1_000_000, restoreRate: 1_000_000 } });
  client = shopifyClient(emu);
});
afterAll(() => emu.close());
beforeEach(async () => {
  await client.control('POST', 'reset');
  const { body } = await client.gql('{ locations(first: 5) { nodes { id } } }');
  location = body.data.locations.nodes[0].id;
  await client.control('POST', 'inventory', { sku: 'HW-001', quantity: 10 });
  itemId = (await variantBySku(client, 'HW-001')).inventoryItem.id;
});

describe('inventorySetQuantities', () => {
  it('sets available with a matching changeFromQuantity and reports available and on_hand changes', async () => {
    const { body } = await client.gql(SET, { input: setInput([row(12, 10)]), key: 'k-set-1' });
    const group = body.data.inventorySetQuantities.inventoryAdjustmentGroup;
    expect(body.data.inventorySetQuantities.userErrors).toEqual([]);
    expect(group.reason).toBe('correction');
    expect(group.changes).toEqual([
      { name: 'available', delta: 2, quantityAfterChange: null, item: { id: itemId }, location: { id: location } },
      { name: 'on_hand', delta: 2, quantityAfterChange: null, item: { id: itemId }, location: { id: location } },
    ]);
    expect(await quantitiesAt(client, itemId, location)).toEqual({ available: 12, on_hand: 12, committed: 0 });
  });

  it('null changeFromQuantity skips the check', async () => {
    const { body } = await client.gql(SET, { input: setInput([row(3, null)]), key: 'k-null' });
    expect(body.data.inventorySetQuantities.userErrors).toEqual([]);
    expect((await quantitiesAt(client, itemId, location)).available).toBe(3);
  });

  it('refuses a missing @idempotent directive with the captured error', async () => {
    const { body } = await client.gql(SET_WITHOUT_KEY, { input: setInput([row(12, 10)]) });
    expect(body.errors).toEqual([
      {
        message: 'The @idempotent directive is required for this mutation but was not provided.',
        locations: [{ line: 2, column: 3 }],
        extensions: { code: 'BAD_REQUEST' },
        path: ['inventorySetQuantities'],
      },
    ]);
    expect(body.data).toEqual({ inventorySetQuantities: null });
    expect((await quantitiesAt(client, itemId, location)).available).toBe(10);
  });

  it('refuses a row without changeFromQuantity with the captured error', async () => {
    const { inventoryItemId, locationId, quantity } = row(12, 10);
    const { body } = await client.gql(SET, { input: setInput([{ inventoryItemId, locationId, quantity }]), key: 'k-missing' });
    expect(body.errors[0]).toMatchObject({
      message: 'InventoryQuantityInput must include the following argument: changeFromQuantity.',
      locations: [{ line: 2, column: 3 }, { line: 1, column: 14 }],
      extensions: { code: 'INVALID_FIELD_ARGUMENTS' },
      path: ['inventorySetQuantities'],
    });
    expect((await quantitiesAt(client, itemId, location)).available).toBe(10);
  });

  it('refuses more than 250 rows', async () => {
    const rows = Array.from({ length: 251 }, () => row(1, null));
    const { body } = await client.gql(SET, { input: setInput(rows), key: 'k-251' });
    expect(body.errors[0]).toMatchObject({
      message: 'The input array size of 251 is greater than the maximum allowed of 250.',
      extensions: { code: 'MAX_INPUT_SIZE_EXCEEDED' },
    });
    expect((await quantitiesAt(client, itemId, location)).available).toBe(10);
  });

  it('a stale changeFromQuantity fails with CHANGE_FROM_QUANTITY_STALE and changes NOTHING (not even the good rows)', async () => {
    await client.control('POST', 'inventory', { sku: 'HW-002', quantity: 4 });
    const other = (await variantBySku(client, 'HW-002')).inventoryItem.id;
    const { body } = await client.gql(SET, { input: setInput([row(20, 4, other), row(12, 9)]), key: 'k-stale' });
    expect(body.data.inventorySetQuantities.inventoryAdjustmentGroup).toBeNull();
    expect(body.data.inventorySetQuantities.userErrors).toEqual([
      { field: ['input', 'quantities', '1', 'changeFromQuantity'], message: expect.any(String), code: 'CHANGE_FROM_QUANTITY_STALE' },
    ]);
    expect((await quantitiesAt(client, other, location)).available).toBe(4);
    expect((await quantitiesAt(client, itemId, location)).available).toBe(10);
  });

  it('replaying an idempotency key gives the same result and does not apply twice', async () => {
    const first = await client.gql(SET, { input: setInput([row(15, 10)]), key: 'k-replay' });
    // Someone else changes the stock in between; the replay must not set it back to 15.
    await client.control('POST', 'inventory', { sku: 'HW-001', quantity: 11 });
    const again = await client.gql(SET, { input: setInput([row(15, 10)]), key: 'k-replay' });
    expect(again.body.data).toEqual(first.body.data);
    expect((await quantitiesAt(client, itemId, location)).available).toBe(11);
    const reused = await client.gql(SET, { input: setInput([row(16, 11)]), key: 'k-replay' });
    expect(reused.body.data.inventorySetQuantities.userErrors[0].code).toBe('IDEMPOTENCY_KEY_PARAMETER_MISMATCH');
    expect((await quantitiesAt(client, itemId, location)).available).toBe(11);
  });

  it('reports captured user errors: bad name, bad reason, unknown item, unknown location, duplicates, bounds', async () => {
    const badName = await client.gql(SET, { input: setInput([row(1, null)], 'committed'), key: 'k-name' });
    expect(badName.body.data.inventorySetQuantities.userErrors).toEqual([
      { field: ['input', 'name'], message: "The quantity name must be either 'available' or 'on_hand'.", code: 'INVALID_NAME' },
    ]);
    const badReason = await client.gql(SET, { input: { ...setInput([row(1, null)]), reason: 'not_a_reason' }, key: 'k-reason' });
    expect(badReason.body.data.inventorySetQuantities.userErrors[0]).toMatchObject({ field: ['input', 'reason'], code: 'INVALID_REASON' });
    expect(badReason.body.data.inventorySetQuantities.userErrors[0].message).toMatch(/^The specified reason is invalid\. Valid values are: correction, cycle_count_available,/);
    const unknownItem = await client.gql(SET, { input: setInput([row(1, 0, 'gid://shopify/InventoryItem/999999999999')]), key: 'k-item' });
    expect(unknownItem.body.data.inventorySetQuantities.userErrors).toEqual([
      { field: ['input', 'quantities', '0', 'inventoryItemId'], message: 'The specified inventory item could not be found.', code: 'INVALID_INVENTORY_ITEM' },
    ]);
    const unknownLocation = await client.gql(SET, { input: setInput([{ ...row(1, 0), locationId: 'gid://shopify/Location/999999999999' }]), key: 'k-loc' });
    expect(unknownLocation.body.data.inventorySetQuantities.userErrors).toEqual([
      { field: ['input', 'quantities', '0', 'locationId'], message: 'The specified location could not be found.', code: 'INVALID_LOCATION' },
    ]);
    const duplicate = await client.gql(SET, { input: setInput([row(1, 10), row(2, 10)]), key: 'k-dup' });
    expect(duplicate.body.data.inventorySetQuantities.userErrors.map((e: any) => [e.field.join('.'), e.code])).toEqual([
      ['input.quantities.0.locationId', 'NO_DUPLICATE_INVENTORY_ITEM_ID_GROUP_ID_PAIR'],
      ['input.quantities.1.locationId', 'NO_DUPLICATE_INVENTORY_ITEM_ID_GROUP_ID_PAIR'],
    ]);
    const tooHigh = await client.gql(SET, { input: setInput([row(1_000_000_001, null)]), key: 'k-high' });
    expect(tooHigh.body.data.inventorySetQuantities.userErrors[0]).toEqual({ field: ['input', 'quantities', '0', 'quantity'], message: "The quantity can't be higher than 1,000,000,000.", code: 'INVALID_QUANTITY_TOO_HIGH' });
    const negativeOnHand = await client.gql(SET, { input: setInput([row(-5, null)], 'on_hand'), key: 'k-neg' });
    expect(negativeOnHand.body.data.inventorySetQuantities.userErrors[0].code).toBe('INVALID_QUANTITY_NEGATIVE');
    expect((await quantitiesAt(client, itemId, location)).available).toBe(10);
  });

  it('a set to the current value succeeds with no adjustment group', async () => {
    const { body } = await client.gql(SET, { input: setInput([row(10, 10)]), key: 'k-same' });
    expect(body.data.inventorySetQuantities).toEqual({ inventoryAdjustmentGroup: null, userErrors: [] });
  });
});

describe('inventoryAdjustQuantities', () => {
  const adjustInput = (delta: number, changeFromQuantity?: number | null) => ({
    name: 'available',
    reason: 'received',
    changes: [{ inventoryItemId: itemId, locationId: location, delta, ...(changeFromQuantity === undefined ? {} : { changeFromQuantity }) }],
  });

  it('adjusts by a delta with a matching changeFromQuantity', async () => {
    const { body } = await client.gql(ADJUST, { input: adjustInput(4, 10), key: 'a-1' });
    expect(body.data.inventoryAdjustQuantities.inventoryAdjustmentGroup.changes).toEqual([
      { name: 'available', delta: 4 },
      { name: 'on_hand', delta: 4 },
    ]);
    expect((await quantitiesAt(client, itemId, location)).available).toBe(14);
  });

  it('refuses a missing changeFromQuantity and a missing @idempotent', async () => {
    const missing = await client.gql(ADJUST, { input: adjustInput(4), key: 'a-2' });
    expect(missing.body.errors[0]).toMatchObject({ message: 'InventoryChangeInput must include the following argument: changeFromQuantity.', extensions: { code: 'INVALID_FIELD_ARGUMENTS' } });
    const noKey = await client.gql(
      'mutation A($input: InventoryAdjustQuantitiesInput!) { inventoryAdjustQuantities(input: $input) { userErrors { code } } }',
      { input: adjustInput(4, null) },
    );
    expect(noKey.body.errors[0]).toMatchObject({ message: 'The @idempotent directive is required for this mutation but was not provided.', extensions: { code: 'BAD_REQUEST' } });
    expect((await quantitiesAt(client, itemId, location)).available).toBe(10);
  });

  it('a stale changeFromQuantity changes nothing; a replayed key applies once', async () => {
    const stale = await client.gql(ADJUST, { input: adjustInput(4, 7), key: 'a-3' });
    expect(stale.body.data.inventoryAdjustQuantities.userErrors[0]).toMatchObject({ field: ['input', 'changes', '0', 'changeFromQuantity'], code: 'CHANGE_FROM_QUANTITY_STALE' });
    expect((await quantitiesAt(client, itemId, location)).available).toBe(10);
    await client.gql(ADJUST, { input: adjustInput(-3, null), key: 'a-4' });
    await client.gql(ADJUST, { input: adjustInput(-3, null), key: 'a-4' });
    expect((await quantitiesAt(client, itemId, location)).available).toBe(7);
  });
});

describe('inventoryItemUpdate', () => {
  it('turns tracking off and changes the SKU; an unknown item is a user error', async () => {
    const update = `mutation U($id: ID!, $input: InventoryItemInput!) { inventoryItemUpdate(id: $id, input: $input) { inventoryItem { id tracked sku } userErrors { field message } } }`;
    const { body } = await client.gql(update, { id: itemId, input: { tracked: false, sku: 'HW-001-NEW' } });
    expect(body.data.inventoryItemUpdate).toEqual({ inventoryItem: { id: itemId, tracked: false, sku: 'HW-001-NEW' }, userErrors: [] });
    expect((await variantBySku(client, 'HW-001-NEW')).inventoryItem.id).toBe(itemId);
    const missing = await client.gql(update, { id: 'gid://shopify/InventoryItem/1', input: { tracked: true } });
    expect(missing.body.data.inventoryItemUpdate).toEqual({ inventoryItem: null, userErrors: [{ field: ['id'], message: 'Inventory item does not exist' }] });
  });
});

describe('orders', () => {
  const ORDERS = `query O($q: String) { orders(first: 10, query: $q, sortKey: UPDATED_AT) { nodes { id name updatedAt cancelledAt
    lineItems(first: 5) { nodes { sku quantity variant { id } } }
    refunds { refundLineItems(first: 5) { nodes { quantity restockType lineItem { sku } } } } } } }`;

  it('an order moves available to committed (on_hand unchanged); cancel with restock moves it back', async () => {
    const placed = await client.control('POST', 'orders', { lines: [{ sku: 'HW-001', quantity: 3 }] });
    expect(placed.status).toBe(201);
    expect(placed.body.name).toBe('#1001');
    expect(await quantitiesAt(client, itemId, location)).toEqual({ available: 7, on_hand: 10, committed: 3 });

    const listed = await client.gql(ORDERS, { q: "updated_at:>'2020-01-01T00:00:00Z'" });
    const order = listed.body.data.orders.nodes[0];
    expect(order).toMatchObject({ id: placed.body.id, name: '#1001', cancelledAt: null, refunds: [] });
    expect(order.lineItems.nodes).toEqual([{ sku: 'HW-001', quantity: 3, variant: { id: (await variantBySku(client, 'HW-001')).id } }]);

    const cancelled = await client.control('POST', `orders/${encodeURIComponent(placed.body.id)}/cancel`, { restock: true });
    expect(cancelled.status).toBe(200);
    expect(await quantitiesAt(client, itemId, location)).toEqual({ available: 10, on_hand: 10, committed: 0 });
    const after = await client.gql(ORDERS, {});
    expect(after.body.data.orders.nodes[0].cancelledAt).not.toBeNull();
    expect(after.body.data.orders.nodes[0].refunds[0].refundLineItems.nodes).toEqual([{ quantity: 3, restockType: 'CANCEL', lineItem: { sku: 'HW-001' } }]);
  });

  it('cancel without restock takes the committed units out of on_hand', async () => {
    const placed = await client.control('POST', 'orders', { lines: [{ sku: 'HW-001', quantity: 2 }] });
    await client.control('POST', `orders/${encodeURIComponent(placed.body.id)}/cancel`, { restock: false });
    expect(await quantitiesAt(client, itemId, location)).toEqual({ available: 8, on_hand: 8, committed: 0 });
  });

  it('filters orders by updated_at', async () => {
    await client.control('POST', 'orders', { lines: [{ sku: 'HW-001', quantity: 1 }] });
    const future = await client.gql(ORDERS, { q: "updated_at:>'2100-01-01T00:00:00Z'" });
    expect(future.body.data.orders.nodes).toEqual([]);
    const past = await client.gql(ORDERS, { q: "updated_at:>='2020-01-01'" });
    expect(past.body.data.orders.nodes).toHaveLength(1);
  });

  it('refuses orders for unknown SKUs and for more than a DENY-policy variant has available', async () => {
    const unknown = await client.control('POST', 'orders', { lines: [{ sku: 'NOPE', quantity: 1 }] });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.code).toBe('UNKNOWN_SKU');
    const tooMany = await client.control('POST', 'orders', { lines: [{ sku: 'HW-001', quantity: 11 }] });
    expect(tooMany.status).toBe(409);
    expect(tooMany.body.error.code).toBe('OUT_OF_STOCK');
    const bad = await client.control('POST', 'orders', { lines: [{ sku: 'HW-001', quantity: 0 }] });
    expect(bad.status).toBe(422);
    expect(await quantitiesAt(client, itemId, location)).toEqual({ available: 10, on_hand: 10, committed: 0 });
  });
});
