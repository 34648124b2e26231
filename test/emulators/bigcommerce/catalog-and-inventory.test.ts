// The BigCommerce emulator's catalogue and inventory rules, over real HTTP.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startBigCommerce, type BigCommerceEmulatorHandle } from '../../../emulators/bigcommerce/index.ts';
import { bigCommerceClient, shirt } from './client.ts';

let handle: BigCommerceEmulatorHandle;
let bc: ReturnType<typeof bigCommerceClient>;

beforeAll(async () => {
  handle = await startBigCommerce({ seed: 'empty', delayMs: 0 });
  bc = bigCommerceClient(handle);
});
afterAll(() => handle.close());
beforeEach(async () => {
  await bc.control('POST', '/reset');
});

describe('authentication', () => {
  it('refuses a missing or wrong X-Auth-Token with 401 and serves the right one', async () => {
    const wrong = bigCommerceClient(handle, 'not-the-token');
    expect((await wrong.get('/v3/catalog/products')).status).toBe(401);
    const response = await fetch(`${handle.url}/stores/${handle.credentials.storeHash}/v3/catalog/products`);
    expect(response.status).toBe(401);
    expect((await bc.get('/v3/catalog/products')).status).toBe(200);
  });

  it('refuses another store hash', async () => {
    const response = await fetch(`${handle.url}/stores/otherstore/v3/catalog/products`, { headers: { 'x-auth-token': handle.credentials.accessToken } });
    expect(response.status).toBe(401);
  });
});

describe('products', () => {
  it('creates a hidden product with variants, building its options from the variants', async () => {
    const created = await bc.post('/v3/catalog/products', shirt);
    expect(created.status).toBe(200);
    expect(created.body.data.is_visible).toBe(false);
    expect(created.body.data.options.map((o: { display_name: string }) => o.display_name)).toEqual(['Color', 'Size']);
    expect(created.body.data.variants).toHaveLength(3);

    const read = await bc.get(`/v3/catalog/products/${created.body.data.id}?include=variants,options`);
    const variant = read.body.data.variants.find((v: { sku: string }) => v.sku === 'TS-BLU-S');
    expect(variant.option_values.map((v: { label: string }) => v.label)).toEqual(['Blue', 'S']);
    expect(variant.inventory_level).toBe(7);
    expect(read.body.data.inventory_level).toBe(18);
  });

  it('refuses a product without the required fields with 422 naming them', async () => {
    const answer = await bc.post('/v3/catalog/products', { name: 'No price' });
    expect(answer.status).toBe(422);
    expect(Object.keys(answer.body.errors).sort()).toEqual(['price', 'type', 'weight']);
    expect((await bc.get('/v3/catalog/products')).body.data).toHaveLength(0);
  });

  it('refuses a price given as a string', async () => {
    const answer = await bc.post('/v3/catalog/products', { name: 'Stringly', type: 'physical', weight: 1, price: '12.50' });
    expect(answer.status).toBe(422);
    expect(answer.body.errors.price).toMatch(/number/);
  });

  it('answers 409 for a duplicate name or a duplicate SKU, case-insensitively, and writes nothing', async () => {
    await bc.post('/v3/catalog/products', shirt);
    const sameName = await bc.post('/v3/catalog/products', { ...shirt, name: 'TEST SHIRT', variants: [] });
    expect(sameName.status).toBe(409);
    const sameSku = await bc.post('/v3/catalog/products', { name: 'Other', type: 'physical', weight: 1, price: 1, sku: 'ts-red-s' });
    expect(sameSku.status).toBe(409);
    expect((await bc.get('/v3/catalog/products')).body.meta.pagination.total).toBe(1);
  });

  it('refuses more than 600 variants on one product', async () => {
    const variants = Array.from({ length: 601 }, (_, i) => ({ sku: `BIG-${i}`, option_values: [{ option_display_name: 'N', label: String(i) }] }));
    const answer = await bc.post('/v3/catalog/products', { name: 'Too many', type: 'physical', weight: 1, price: 1, variants });
    expect(answer.status).toBe(422);
    expect(answer.body.title).toMatch(/600/);
  });

  it('updates up to 10 products in a batch; a failed item gives 207 and the others are applied', async () => {
    const a = (await bc.post('/v3/catalog/products', { name: 'A', type: 'physical', weight: 1, price: 1 })).body.data.id;
    const b = (await bc.post('/v3/catalog/products', { name: 'B', type: 'physical', weight: 1, price: 1 })).body.data.id;
    const partial = await bc.put('/v3/catalog/products', [{ id: a, price: 5 }, { id: b, name: 'A' }]);
    expect(partial.status).toBe(207);
    expect(partial.body.errors).toHaveLength(1);
    expect((await bc.get(`/v3/catalog/products/${a}`)).body.data.price).toBe(5);
    expect((await bc.get(`/v3/catalog/products/${b}`)).body.data.name).toBe('B');

    const tooMany = await bc.put('/v3/catalog/products', Array.from({ length: 11 }, () => ({ id: a, price: 9 })));
    expect(tooMany.status).toBe(413);
    expect((await bc.get(`/v3/catalog/products/${a}`)).body.data.price).toBe(5);
  });

  it('pages with limit up to 250, and 10 when options are included', async () => {
    for (let i = 0; i < 12; i++) await bc.post('/v3/catalog/products', { name: `P${i}`, type: 'physical', weight: 1, price: 1, sku: `P-${i}` });
    const withOptions = await bc.get('/v3/catalog/products?include=variants,options&limit=250');
    expect(withOptions.body.data).toHaveLength(10);
    expect(withOptions.body.meta.pagination.total_pages).toBe(2);
    const plain = await bc.get('/v3/catalog/products?include=variants&limit=250');
    expect(plain.body.data).toHaveLength(12);
    const page2 = await bc.get('/v3/catalog/products?limit=5&page=3');
    expect(page2.body.data.map((p: { sku: string }) => p.sku)).toEqual(['P-10', 'P-11']);
  });
});

describe('store profile and field selection', () => {
  it('answers GET /v2/store with the store name and currency', async () => {
    const store = await bc.get('/v2/store');
    expect(store.status).toBe(200);
    expect(store.body).toMatchObject({ id: handle.credentials.storeHash, currency: 'USD', weight_units: 'kg' });
    expect(store.body.name).not.toBe('');
  });

  it('keeps a simple product\'s UPC on create and update', async () => {
    const created = await bc.post('/v3/catalog/products', { name: 'Twine', type: 'physical', weight: 0, price: 2, sku: 'TWINE', upc: '012345678905' });
    expect(created.body.data.upc).toBe('012345678905');
    await bc.put(`/v3/catalog/products/${created.body.data.id}`, { upc: '098765432109' });
    const read = await bc.get(`/v3/catalog/products/${created.body.data.id}?include=variants`);
    expect(read.body.data.upc).toBe('098765432109');
    expect(read.body.data.variants[0].upc).toBe('098765432109');
  });

  it('filters by id:in and returns only include_fields (plus id)', async () => {
    const a = (await bc.post('/v3/catalog/products', { name: 'A', type: 'physical', weight: 1, price: 1, sku: 'A-1' })).body.data.id;
    await bc.post('/v3/catalog/products', { name: 'B', type: 'physical', weight: 1, price: 1, sku: 'B-1' });
    const c = (await bc.post('/v3/catalog/products', { name: 'C', type: 'physical', weight: 1, price: 1, sku: 'C-1' })).body.data.id;
    const picked = await bc.get(`/v3/catalog/products?id:in=${c},${a}&include_fields=sku,inventory_tracking`);
    expect(picked.body.data).toEqual([
      { id: a, sku: 'A-1', inventory_tracking: 'none' },
      { id: c, sku: 'C-1', inventory_tracking: 'none' },
    ]);
  });
});

describe('variants', () => {
  it('updates variants in batches of at most 50, all or nothing', async () => {
    const product = (await bc.post('/v3/catalog/products', shirt)).body.data;
    const [first, second] = product.variants;
    const ok = await bc.put('/v3/catalog/variants', [
      { id: first.id, price: 30 },
      { id: second.id, upc: '0123456789012' },
    ]);
    expect(ok.status).toBe(200);
    expect(ok.body.data[0].price).toBe(30);

    const bad = await bc.put('/v3/catalog/variants', [{ id: first.id, price: 40 }, { id: 999999, price: 1 }]);
    expect(bad.status).toBe(404);
    expect((await bc.get(`/v3/catalog/products/${product.id}/variants/${first.id}`)).body.data.price).toBe(30);

    const tooMany = await bc.put('/v3/catalog/variants', Array.from({ length: 51 }, () => ({ id: first.id, price: 1 })));
    expect(tooMany.status).toBe(413);
  });

  it('adds a variant by option value ids and refuses a duplicate combination', async () => {
    const product = (await bc.post('/v3/catalog/products', shirt)).body.data;
    const [color, size] = product.options;
    const blue = color.option_values.find((v: { label: string }) => v.label === 'Blue');
    const m = size.option_values.find((v: { label: string }) => v.label === 'M');
    const added = await bc.post(`/v3/catalog/products/${product.id}/variants`, {
      sku: 'TS-BLU-M',
      option_values: [{ id: blue.id, option_id: color.id }, { id: m.id, option_id: size.id }],
    });
    expect(added.status).toBe(200);
    const again = await bc.post(`/v3/catalog/products/${product.id}/variants`, {
      sku: 'TS-BLU-M2',
      option_values: [{ id: blue.id, option_id: color.id }, { id: m.id, option_id: size.id }],
    });
    expect(again.status).toBe(409);
  });
});

describe('variant option values', () => {
  // BigCommerce keeps a variant's option values for life: a PUT with option_values answers 200 and
  // ignores them (productVariant_Put has no option_values; github.com/bigcommerce/api/issues/56).
  it('ignores option_values on a variant PUT, single or batch, and answers 200 with the old values', async () => {
    const product = (await bc.post('/v3/catalog/products', shirt)).body.data;
    const [color] = product.options;
    const blue = color.option_values.find((v: { label: string }) => v.label === 'Blue');
    const redS = product.variants.find((v: { sku: string }) => v.sku === 'TS-RED-S');
    const labels = (variant: { option_values: Array<{ label: string }> }) => variant.option_values.map((v) => v.label);

    const single = await bc.put(`/v3/catalog/products/${product.id}/variants/${redS.id}`, { price: 22, option_values: [{ id: blue.id, option_id: color.id }] });
    expect(single.status).toBe(200);
    expect(single.body.data.price).toBe(22);
    expect(labels(single.body.data)).toEqual(['Red', 'S']);
    const batch = await bc.put('/v3/catalog/variants', [{ id: redS.id, option_values: [{ option_display_name: 'Color', label: 'Blue' }, { option_display_name: 'Size', label: 'M' }] }]);
    expect(batch.status).toBe(200);
    expect(labels((await bc.get(`/v3/catalog/products/${product.id}/variants/${redS.id}`)).body.data)).toEqual(['Red', 'S']);
  });

  it('takes a new value for a SKU by deleting the variant and creating it again, even when every variant goes first', async () => {
    const product = (await bc.post('/v3/catalog/products', shirt)).body.data;
    for (const variant of product.variants) expect((await bc.delete(`/v3/catalog/products/${product.id}/variants/${variant.id}`)).status).toBe(204);
    const emptied = (await bc.get(`/v3/catalog/products/${product.id}?include=variants,options`)).body.data;
    expect(emptied.variants).toEqual([]);
    expect(emptied.options.map((o: { display_name: string }) => o.display_name)).toEqual(['Color', 'Size']);
    const [color, size] = emptied.options;
    const green = (await bc.post(`/v3/catalog/products/${product.id}/options/${color.id}/values`, { label: 'Green', sort_order: 2 })).body.data;
    const s = size.option_values.find((v: { label: string }) => v.label === 'S');
    const again = await bc.post(`/v3/catalog/products/${product.id}/variants`, { sku: 'TS-RED-S', price: 20, option_values: [{ id: green.id, option_id: color.id }, { id: s.id, option_id: size.id }] });
    expect(again.status).toBe(200);
    expect(again.body.data.option_values.map((v: { label: string }) => v.label)).toEqual(['Green', 'S']);
    expect(again.body.data.inventory_level).toBe(0);
  });
});

describe('inventory', () => {
  it('sets absolute quantities by variant id and SKU, and reads them back per location', async () => {
    const product = (await bc.post('/v3/catalog/products', shirt)).body.data;
    const answer = await bc.put('/v3/inventory/adjustments/absolute', {
      reason: 'sync',
      items: [
        { location_id: 1, variant_id: product.variants[0].id, quantity: 11 },
        { location_id: 1, sku: 'TS-BLU-S', quantity: 0 },
      ],
    });
    expect(answer.status).toBe(200);
    expect(typeof answer.body.transaction_id).toBe('string');
    const items = await bc.get(`/v3/inventory/locations/1/items?product_id:in=${product.id}`);
    const bySku = Object.fromEntries(items.body.data.map((i: { identity: { sku: string }; available_to_sell: number }) => [i.identity.sku, i.available_to_sell]));
    expect(bySku).toEqual({ 'TS-RED-S': 11, 'TS-RED-M': 6, 'TS-BLU-S': 0 });
  });

  it('refuses a reference in the wrong tracking mode with BigCommerce\'s 422 and applies nothing', async () => {
    const simple = (await bc.post('/v3/catalog/products', { name: 'Rope', type: 'physical', weight: 0, price: 1, sku: 'ROPE', inventory_tracking: 'product', inventory_level: 40 })).body.data;
    const answer = await bc.put('/v3/inventory/adjustments/absolute', {
      items: [
        { location_id: 1, product_id: simple.id, quantity: 3 },
        { location_id: 1, variant_id: simple.base_variant_id, quantity: 9 },
      ],
    });
    expect(answer.status).toBe(422);
    expect(answer.body.title).toBe(`[Item with variant_id ${simple.base_variant_id} is tracked by product, please update stock by product id]`);
    expect((await bc.get(`/v3/catalog/products/${simple.id}`)).body.data.inventory_level).toBe(40);

    const byProduct = await bc.put('/v3/inventory/adjustments/absolute', { items: [{ location_id: 1, product_id: simple.id, quantity: 3 }] });
    expect(byProduct.status).toBe(200);
    expect((await bc.get(`/v3/catalog/products/${simple.id}`)).body.data.inventory_level).toBe(3);
  });

  it('refuses more than 2,000 items and an item naming two references', async () => {
    await bc.post('/v3/catalog/products', shirt);
    const many = Array.from({ length: 2001 }, () => ({ location_id: 1, sku: 'TS-RED-S', quantity: 1 }));
    expect((await bc.put('/v3/inventory/adjustments/absolute', { items: many })).status).toBe(422);
    const both = await bc.put('/v3/inventory/adjustments/absolute', { items: [{ location_id: 1, sku: 'TS-RED-S', variant_id: 1001, quantity: 1 }] });
    expect(both.status).toBe(422);
  });

  it('applies relative adjustments at once', async () => {
    await bc.post('/v3/catalog/products', shirt);
    const answer = await bc.post('/v3/inventory/adjustments/relative', { items: [{ location_id: 1, sku: 'TS-RED-S', quantity: -2 }] });
    expect(answer.status).toBe(200);
    const item = await bc.get('/v3/inventory/items?sku:in=TS-RED-S');
    expect(item.body.data[0].locations[0].available_to_sell).toBe(3);
  });
});

describe('asynchronous absolute adjustments', () => {
  it('answers before the quantity changes, and applies it after the delay', async () => {
    const slow = await startBigCommerce({ seed: 'empty', delayMs: 150 });
    try {
      const client = bigCommerceClient(slow);
      await client.post('/v3/catalog/products', shirt);
      const answer = await client.put('/v3/inventory/adjustments/absolute', { items: [{ location_id: 1, sku: 'TS-RED-S', quantity: 42 }] });
      expect(answer.status).toBe(200);
      const before = await client.get('/v3/inventory/items?sku:in=TS-RED-S');
      expect(before.body.data[0].locations[0].available_to_sell).toBe(5);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const after = await client.get('/v3/inventory/items?sku:in=TS-RED-S');
      expect(after.body.data[0].locations[0].available_to_sell).toBe(42);
    } finally {
      await slow.close();
    }
  });
});
