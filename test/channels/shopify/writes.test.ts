// What the Shopify channel writes: the exact variables of inventorySetQuantities (2026-04+ rules)
// and productSet (draft on create, master fields only on update), and how userErrors come back.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChannelError, type Channel, type ProductDraft } from '../../../src/channels/channel.ts';
import { createShopifyChannel } from '../../../src/channels/shopify/index.ts';
import { createPermissiveGovernor } from '../../support/permissive-governor.ts';
import { cost, startFakeAdminApi, type FakeAdminApi } from './fake-admin-api.ts';

const LOCATION = 'gid://shopify/Location/7';
let api: FakeAdminApi;
let channel: Channel;

beforeEach(async () => {
  api = await startFakeAdminApi();
  channel = createShopifyChannel(
    { platform: 'shopify', url: api.url, credentials: { accessToken: 'shpat_test' }, remoteLocationId: LOCATION },
    { governor: createPermissiveGovernor(), timeoutMs: 2000 },
  );
});
afterEach(async () => {
  await api.close();
});

function setResult(userErrors: unknown[]) {
  return {
    status: 200,
    json: {
      data: { inventorySetQuantities: { inventoryAdjustmentGroup: userErrors.length ? null : { id: 'gid://shopify/InventoryAdjustmentGroup/1' }, userErrors } },
      extensions: cost(11, 10, 1990),
    },
  };
}

describe('setQuantities', () => {
  it('sends available/correction with changeFromQuantity on every row (null included) and the key in @idempotent', async () => {
    api.answer(setResult([]));
    const result = await channel.setQuantities(
      [
        { inventoryRef: 'gid://shopify/InventoryItem/1', quantity: 12, expected: 10 },
        { inventoryRef: 'gid://shopify/InventoryItem/2', quantity: 0, expected: null },
      ],
      'push-42',
    );
    expect(result).toEqual({ applied: ['gid://shopify/InventoryItem/1', 'gid://shopify/InventoryItem/2'], stale: [], failed: [] });
    const { query, variables } = api.requests[0].body;
    expect(query).toContain('@idempotent(key: $key)');
    expect(variables.key).toBe('push-42');
    expect(variables.input).toMatchObject({ name: 'available', reason: 'correction' });
    const rows = (variables.input as { quantities: Array<Record<string, unknown>> }).quantities;
    expect(rows).toEqual([
      { inventoryItemId: 'gid://shopify/InventoryItem/1', locationId: LOCATION, quantity: 12, changeFromQuantity: 10 },
      { inventoryItemId: 'gid://shopify/InventoryItem/2', locationId: LOCATION, quantity: 0, changeFromQuantity: null },
    ]);
    expect(Object.keys(rows[1])).toContain('changeFromQuantity');
  });

  it('reports every row stale when Shopify says CHANGE_FROM_QUANTITY_STALE (the call changed nothing)', async () => {
    api.answer(
      setResult([
        { field: ['input', 'quantities', '1', 'changeFromQuantity'], message: 'The changeFromQuantity argument no longer matches the persisted quantity.', code: 'CHANGE_FROM_QUANTITY_STALE' },
      ]),
    );
    const result = await channel.setQuantities(
      [
        { inventoryRef: 'gid://shopify/InventoryItem/1', quantity: 5, expected: 4 },
        { inventoryRef: 'gid://shopify/InventoryItem/2', quantity: 5, expected: 9 },
      ],
      'push-43',
    );
    expect(result).toEqual({ applied: [], stale: ['gid://shopify/InventoryItem/1', 'gid://shopify/InventoryItem/2'], failed: [] });
    expect(api.requests).toHaveLength(1);
  });

  it('fails the row Shopify refuses and writes the others again on their own, under a derived key', async () => {
    api.answer(
      setResult([{ field: ['input', 'quantities', '0', 'inventoryItemId'], message: 'The specified inventory item could not be found.', code: 'INVALID_INVENTORY_ITEM' }]),
      setResult([]),
    );
    const result = await channel.setQuantities(
      [
        { inventoryRef: 'gid://shopify/InventoryItem/404', quantity: 1, expected: null },
        { inventoryRef: 'gid://shopify/InventoryItem/2', quantity: 3, expected: 2 },
      ],
      'push-44',
    );
    expect(result).toEqual({
      applied: ['gid://shopify/InventoryItem/2'],
      stale: [],
      failed: [{ inventoryRef: 'gid://shopify/InventoryItem/404', reason: 'The specified inventory item could not be found.' }],
    });
    expect(api.requests).toHaveLength(2);
    expect(api.requests[1].body.variables.key).toBe('push-44/without-refused');
    expect((api.requests[1].body.variables.input as { quantities: unknown[] }).quantities).toHaveLength(1);
  });

  it('refuses more than 250 rows, duplicates and negative quantities without sending anything', async () => {
    const rows = Array.from({ length: 251 }, (_, i) => ({ inventoryRef: `gid://shopify/InventoryItem/${i}`, quantity: 1, expected: null }));
    await expect(channel.setQuantities(rows, 'k')).rejects.toMatchObject({ code: 'invalid' });
    await expect(channel.setQuantities([rows[0], rows[0]], 'k')).rejects.toMatchObject({ code: 'invalid' });
    await expect(channel.setQuantities([{ ...rows[0], quantity: -1 }], 'k')).rejects.toMatchObject({ code: 'invalid' });
    expect(await channel.setQuantities([], 'k')).toEqual({ applied: [], stale: [], failed: [] });
    expect(api.requests).toHaveLength(0);
  });
});

const DRAFT: ProductDraft = {
  localProductId: 'p1',
  handle: 'canvas-apron',
  title: 'Canvas Apron',
  options: [{ name: 'Colour', values: ['Olive', 'Sand'] }],
  variants: [
    { localVariantId: 'v1', sku: 'APR-OLI', barcode: '5012345678900', price: '24.00', weightKg: null, optionValues: ['Olive'], quantity: 4 },
    { localVariantId: 'v2', sku: 'APR-SAN', barcode: null, price: '24.00', weightKg: null, optionValues: ['Sand'], quantity: 0 },
  ],
};

function productNode(variants: Array<{ id: string; sku: string; value: string; price?: string }>, extra: Record<string, unknown> = {}) {
  return {
    id: 'gid://shopify/Product/9',
    handle: 'canvas-apron',
    title: 'Canvas Apron',
    descriptionHtml: '<p>Heavy canvas.</p>',
    status: 'ACTIVE',
    updatedAt: '2026-11-27T10:00:00Z',
    options: [{ name: 'Colour', position: 1, values: [...new Set(variants.map((v) => v.value))] }],
    variants: {
      pageInfo: { hasNextPage: false, endCursor: null },
      nodes: variants.map((v, i) => ({
        id: v.id,
        sku: v.sku,
        barcode: null,
        price: v.price ?? '24.00',
        selectedOptions: [{ name: 'Colour', value: v.value }],
        inventoryItem: { id: `gid://shopify/InventoryItem/${i + 100}`, tracked: true, inventoryLevel: { quantities: [{ name: 'available', quantity: 3 }] } },
      })),
    },
    ...extra,
  };
}

describe('createProduct / updateProduct', () => {
  it('creates through productSet as DRAFT, by handle, with tracked inventory and the quantities at the location', async () => {
    api.answer({
      status: 200,
      json: {
        data: { productSet: { product: productNode([{ id: 'gid://shopify/ProductVariant/1', sku: 'APR-OLI', value: 'Olive' }, { id: 'gid://shopify/ProductVariant/2', sku: 'APR-SAN', value: 'Sand' }], { status: 'DRAFT' }), userErrors: [] } },
        extensions: cost(24, 12, 1980),
      },
    });
    const created = await channel.createProduct(DRAFT);
    expect(created.status).toBe('draft');
    const { variables } = api.requests[0].body;
    expect(variables.identifier).toEqual({ handle: 'canvas-apron' });
    expect(variables.input).toEqual({
      title: 'Canvas Apron',
      handle: 'canvas-apron',
      status: 'DRAFT',
      productOptions: [{ name: 'Colour', position: 1, values: [{ name: 'Olive' }, { name: 'Sand' }] }],
      variants: [
        {
          optionValues: [{ optionName: 'Colour', name: 'Olive' }],
          sku: 'APR-OLI',
          barcode: '5012345678900',
          price: '24.00',
          inventoryItem: { tracked: true, sku: 'APR-OLI' },
          inventoryQuantities: [{ locationId: LOCATION, name: 'available', quantity: 4 }],
        },
        {
          optionValues: [{ optionName: 'Colour', name: 'Sand' }],
          sku: 'APR-SAN',
          barcode: '',
          price: '24.00',
          inventoryItem: { tracked: true, sku: 'APR-SAN' },
          inventoryQuantities: [{ locationId: LOCATION, name: 'available', quantity: 0 }],
        },
      ],
    });
  });

  it('turns a taken handle into a conflict and other userErrors into invalid, with Shopify\'s words', async () => {
    api.answer({
      status: 200,
      json: { data: { productSet: { product: null, userErrors: [{ field: ['input', 'handle'], message: 'Handle has already been taken', code: 'HANDLE_NOT_UNIQUE' }] } }, extensions: cost(24, 10, 1980) },
    });
    const conflict = await channel.createProduct(DRAFT).then(() => null, (e: unknown) => e);
    expect(conflict).toBeInstanceOf(ChannelError);
    expect(conflict).toMatchObject({ code: 'conflict' });
    expect((conflict as ChannelError).message).toMatch(/Handle has already been taken/);
    api.answer({
      status: 200,
      json: { data: { productSet: { product: null, userErrors: [{ field: ['input', 'variants', '0', 'price'], message: 'Price must be positive', code: 'INVALID_VARIANT' }] } }, extensions: cost(24, 10, 1980) },
    });
    await expect(channel.createProduct(DRAFT)).rejects.toMatchObject({ code: 'invalid' });
  });

  it('updates master fields only, by id, keeping variant ids and the variant only the store has', async () => {
    const existing = productNode([
      { id: 'gid://shopify/ProductVariant/1', sku: 'APR-OLI', value: 'Olive' },
      { id: 'gid://shopify/ProductVariant/2', sku: 'APR-SAN', value: 'Sand' },
      { id: 'gid://shopify/ProductVariant/3', sku: 'APR-RED', value: 'Red' },
    ]);
    api.answer({ status: 200, json: { data: { product: existing }, extensions: cost(504, 20, 1980) } });
    api.answer({ status: 200, json: { data: { productSet: { product: existing, userErrors: [] } }, extensions: cost(30, 20, 1960) } });
    const changed = { ...DRAFT, title: 'Canvas Apron (heavy)', variants: [{ ...DRAFT.variants[0], price: '26.00' }, { ...DRAFT.variants[1], sku: 'APR-SAND' }] };
    const result = await channel.updateProduct('gid://shopify/Product/9', changed);
    expect(result.keptRemoteOnly).toEqual(['APR-RED']);
    const { variables } = api.requests[1].body;
    expect(variables.identifier).toEqual({ id: 'gid://shopify/Product/9' });
    const input = variables.input as Record<string, unknown>;
    expect(Object.keys(input).sort()).toEqual(['productOptions', 'title', 'variants']);
    expect(input.productOptions).toEqual([{ name: 'Colour', position: 1, values: [{ name: 'Olive' }, { name: 'Sand' }, { name: 'Red' }] }]);
    const variants = input.variants as Array<Record<string, unknown>>;
    expect(variants.map((v) => v.id)).toEqual(['gid://shopify/ProductVariant/1', 'gid://shopify/ProductVariant/2', 'gid://shopify/ProductVariant/3']);
    expect(variants[0].price).toBe('26.00');
    expect(variants[1].sku).toBe('APR-SAND'); // a changed SKU is matched by its options and pushed
    expect(variants[2]).toEqual({ id: 'gid://shopify/ProductVariant/3', optionValues: [{ optionName: 'Colour', name: 'Red' }] });
    for (const variant of variants) expect(variant).not.toHaveProperty('inventoryQuantities');
  });

  it('refuses to update when variants only on the store cannot be kept under the new options', async () => {
    const existing = productNode([
      { id: 'gid://shopify/ProductVariant/1', sku: 'APR-OLI', value: 'Olive' },
      { id: 'gid://shopify/ProductVariant/3', sku: 'APR-RED', value: 'Red' },
    ]);
    api.answer({ status: 200, json: { data: { product: existing }, extensions: cost(504, 20, 1980) } });
    const regrouped = { ...DRAFT, options: [{ name: 'Size', values: ['One size'] }], variants: [{ ...DRAFT.variants[0], optionValues: ['One size'] }] };
    const error = await channel.updateProduct('gid://shopify/Product/9', regrouped).then(() => null, (e: unknown) => e);
    expect(error).toMatchObject({ code: 'conflict' });
    expect((error as ChannelError).message).toMatch(/APR-RED/);
    expect(api.requests).toHaveLength(1); // nothing written
  });

  it('reads a product without options of its own (Title / Default Title) as having none', async () => {
    const simple = productNode([{ id: 'gid://shopify/ProductVariant/1', sku: 'HINGE', value: 'Default Title' }]);
    simple.options = [{ name: 'Title', position: 1, values: ['Default Title'] }];
    simple.variants.nodes[0].selectedOptions = [{ name: 'Title', value: 'Default Title' }];
    api.answer({ status: 200, json: { data: { product: simple }, extensions: cost(504, 8, 1990) } });
    const product = await channel.getProduct('gid://shopify/Product/9');
    expect(product?.options).toEqual([]);
    expect(product?.variants[0]).toMatchObject({ sku: 'HINGE', optionValues: [], quantity: 3, inventoryRef: 'gid://shopify/InventoryItem/100' });
  });
});
