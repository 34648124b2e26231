// Variations (stock held by the parent, SKUs unique against parent and siblings) and the
// batch endpoints (100-object limit, per-item errors inside a 200, lenient items).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWoo } from './test-support/start-woo.ts';

let woo: Awaited<ReturnType<typeof startWoo>>;
beforeAll(async () => {
  woo = await startWoo({ seed: 'demo' });
});
afterAll(() => woo.emulator.close());

async function variableProduct(sku: string, parentStock?: number) {
  const body: Record<string, unknown> = {
    name: `Variable ${sku}`,
    type: 'variable',
    sku,
    attributes: [{ name: 'Size', variation: true, options: ['S', 'M', 'L'] }],
  };
  if (parentStock !== undefined) Object.assign(body, { manage_stock: true, stock_quantity: parentStock });
  const parent = await woo.api.post('/products', body);
  expect(parent.status).toBe(201);
  return parent.body;
}

describe('variations', () => {
  it('creates, reads, lists, updates and deletes variations of a parent', async () => {
    const parent = await variableProduct('VAR-CRUD');
    const made = await woo.api.post(`/products/${parent.id}/variations`, {
      sku: 'VAR-CRUD-S',
      regular_price: '9.00',
      manage_stock: true,
      stock_quantity: 4,
      attributes: [{ name: 'Size', option: 'S' }],
    });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ sku: 'VAR-CRUD-S', price: '9.00', manage_stock: true, stock_quantity: 4, attributes: [{ id: 0, name: 'Size', option: 'S' }] });
    const list = await woo.api.get(`/products/${parent.id}/variations`);
    expect(list.headers.get('x-wp-total')).toBe('1');
    expect(list.body[0].id).toBe(made.body.id);
    expect((await woo.api.get(`/products/${parent.id}`)).body).toMatchObject({ variations: [made.body.id], price: '9.00' });
    const updated = await woo.api.put(`/products/${parent.id}/variations/${made.body.id}`, { regular_price: '11.00' });
    expect(updated.body.price).toBe('11.00');
    expect((await woo.api.del(`/products/${parent.id}/variations/${made.body.id}`)).status).toBe(501);
    expect((await woo.api.del(`/products/${parent.id}/variations/${made.body.id}`, { force: 'true' })).status).toBe(200);
    expect((await woo.api.get(`/products/${parent.id}/variations/${made.body.id}`)).status).toBe(404);
    expect((await woo.api.get(`/products/999999/variations`)).status).toBe(404);
  });

  it('refuses a variation reusing the parent SKU or a sibling SKU', async () => {
    const parent = await variableProduct('VAR-SKU');
    const first = await woo.api.post(`/products/${parent.id}/variations`, { sku: 'VAR-SKU-S', attributes: [{ name: 'Size', option: 'S' }] });
    const parentSku = await woo.api.post(`/products/${parent.id}/variations`, { sku: 'var-sku' });
    expect(parentSku.status).toBe(400);
    expect(parentSku.body.code).toBe('product_invalid_sku');
    expect(parentSku.body.data.resource_id).toBe(parent.id);
    const sibling = await woo.api.post(`/products/${parent.id}/variations`, { sku: 'VAR-SKU-S' });
    expect(sibling.body.data.resource_id).toBe(first.body.id);
    expect((await woo.api.get(`/products/${parent.id}/variations`)).body).toHaveLength(1);
  });

  it('reads manage_stock "parent" under a managing parent and shows the parent quantity', async () => {
    const parent = await variableProduct('VAR-PARENT', 12);
    const own = await woo.api.post(`/products/${parent.id}/variations`, { sku: 'VAR-PARENT-S', regular_price: '5.00' });
    expect(own.body).toMatchObject({ manage_stock: 'parent', stock_quantity: 12, stock_status: 'instock' });
    const managed = await woo.api.post(`/products/${parent.id}/variations`, {
      sku: 'VAR-PARENT-M',
      regular_price: '5.00',
      manage_stock: true,
      stock_quantity: 2,
    });
    expect(managed.body).toMatchObject({ manage_stock: true, stock_quantity: 2 });
    const bySku = await woo.api.get('/products', { sku: 'VAR-PARENT-S' });
    expect(bySku.body[0]).toMatchObject({ type: 'variation', manage_stock: 'parent', stock_quantity: 12 });
  });
});

describe('products/batch', () => {
  it('applies create, update and delete and answers only the keys sent', async () => {
    const victim = await woo.api.post('/products', { name: 'To delete', sku: 'BATCH-DEL' });
    const mug = (await woo.api.get('/products', { sku: 'MUG-CAFE' })).body[0];
    const r = await woo.api.post('/products/batch', {
      create: [{ name: 'Batch made', sku: 'BATCH-NEW', regular_price: '3.00' }],
      update: [{ id: mug.id, regular_price: '12.00' }],
      delete: [victim.body.id],
    });
    expect(r.status).toBe(200);
    expect(Object.keys(r.body).sort()).toEqual(['create', 'delete', 'update']);
    expect(r.body.create[0]).toMatchObject({ sku: 'BATCH-NEW', status: 'publish' });
    expect(r.body.update[0]).toMatchObject({ id: mug.id, regular_price: '12.00' });
    expect(r.body.delete[0].id).toBe(victim.body.id);
    expect((await woo.api.get(`/products/${victim.body.id}`)).status).toBe(404);
    const onlyUpdate = await woo.api.post('/products/batch', { update: [{ id: mug.id, regular_price: '11.00' }] });
    expect(Object.keys(onlyUpdate.body)).toEqual(['update']);
  });

  it('answers an empty batch with []', async () => {
    expect((await woo.api.post('/products/batch', {})).body).toEqual([]);
    expect((await woo.api.post('/products/batch', { create: [], update: [] })).body).toEqual([]);
  });

  it('refuses more than 100 objects in total with 413 and applies none of them', async () => {
    const create = Array.from({ length: 60 }, (_, i) => ({ name: `Too many ${i}`, sku: `TOO-MANY-${i}` }));
    const update = Array.from({ length: 41 }, () => ({ id: 1, name: 'x' }));
    const r = await woo.api.post('/products/batch', { create, update });
    expect(r.status).toBe(413);
    expect(r.body).toEqual({
      code: 'woocommerce_rest_request_entity_too_large',
      message: 'Unable to accept more than 100 items for this request.',
      data: { status: 413 },
    });
    expect((await woo.api.get('/products', { sku: 'TOO-MANY-0' })).body).toEqual([]);
    const exactly100 = await woo.api.post('/products/batch', { create: create.slice(0, 50), update: update.slice(0, 50) });
    expect(exactly100.status).toBe(200);
  });

  it('reports a failed item in place inside a 200 and applies the others', async () => {
    const holder = (await woo.api.get('/products', { sku: 'ROPE-NYL-08' })).body[0];
    const r = await woo.api.post('/products/batch', {
      create: [
        { name: 'Good one', sku: 'BATCH-GOOD-1' },
        { name: 'Dup', sku: 'rope-nyl-08' },
        { name: 'Good two', sku: 'BATCH-GOOD-2' },
      ],
      update: [{ id: 999999, name: 'ghost' }],
    });
    expect(r.status).toBe(200);
    expect(r.body.create[0].sku).toBe('BATCH-GOOD-1');
    expect(r.body.create[1]).toEqual({
      id: 0,
      error: { code: 'product_invalid_sku', message: 'Invalid or duplicated SKU.', data: { status: 400, resource_id: holder.id } },
    });
    expect(r.body.create[2].sku).toBe('BATCH-GOOD-2');
    expect(r.body.update[0].error.code).toBe('woocommerce_rest_product_invalid_id');
    expect((await woo.api.get('/products', { sku: 'BATCH-GOOD-1,BATCH-GOOD-2' })).body).toHaveLength(2);
  });

  it('coerces item fields instead of validating them (a quantity of 2.5 becomes 2, a numeric price a string)', async () => {
    const r = await woo.api.post('/products/batch', {
      create: [{ name: 'Lenient', sku: 'BATCH-LENIENT', type: 'nonsense', regular_price: 4.5, manage_stock: true, stock_quantity: 2.5 }],
    });
    expect(r.body.create[0]).toMatchObject({ type: 'simple', regular_price: '4.5', stock_quantity: 2 });
  });

  it('limits variations/batch the same way and keeps sibling SKUs unique', async () => {
    const parent = await variableProduct('VB');
    const r = await woo.api.post(`/products/${parent.id}/variations/batch`, {
      create: [
        { sku: 'VB-S', regular_price: '1.00', attributes: [{ name: 'Size', option: 'S' }] },
        { sku: 'VB-S', regular_price: '1.00', attributes: [{ name: 'Size', option: 'M' }] },
        { sku: 'VB', regular_price: '1.00' },
      ],
    });
    expect(r.status).toBe(200);
    expect(r.body.create[0].sku).toBe('VB-S');
    expect(r.body.create[1].error.code).toBe('product_invalid_sku');
    expect(r.body.create[2].error.data.resource_id).toBe(parent.id);
    const update = await woo.api.post(`/products/${parent.id}/variations/batch`, {
      update: [{ id: r.body.create[0].id, manage_stock: true, stock_quantity: 6 }],
      delete: [123456789],
    });
    expect(update.body.update[0].stock_quantity).toBe(6);
    expect(update.body.delete[0]).toMatchObject({ id: 123456789, error: { code: 'woocommerce_rest_product_variation_invalid_id' } });
    const tooMany = await woo.api.post(`/products/${parent.id}/variations/batch`, {
      create: Array.from({ length: 101 }, () => ({ regular_price: '1.00' })),
    });
    expect(tooMany.status).toBe(413);
    expect((await woo.api.get(`/products/${parent.id}/variations`)).headers.get('x-wp-total')).toBe('1');
  });
});
