// Orders move stock as on a real store: processing/on-hold/completed reduce at once, pending
// does not, cancelled (or back to pending) restores, trash does not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWoo } from './test-support/start-woo.ts';

let woo: Awaited<ReturnType<typeof startWoo>>;
beforeAll(async () => {
  woo = await startWoo({ seed: 'demo' });
});
afterAll(() => woo.emulator.close());

const stockOf = async (sku: string) => (await woo.api.get('/products', { sku })).body[0].stock_quantity as number;
const idOf = async (sku: string) => (await woo.api.get('/products', { sku })).body[0];

describe('orders and stock', () => {
  it('pending does not reduce; processing does; cancelled puts it back', async () => {
    const rope = await idOf('ROPE-PP-16');
    const start = rope.stock_quantity;
    const order = await woo.api.post('/orders', { status: 'pending', line_items: [{ product_id: rope.id, quantity: 30 }] });
    expect(order.status).toBe(201);
    expect(order.body).toMatchObject({ status: 'pending', line_items: [{ product_id: rope.id, variation_id: 0, quantity: 30, sku: 'ROPE-PP-16' }] });
    expect(await stockOf('ROPE-PP-16')).toBe(start);
    const processing = await woo.api.put(`/orders/${order.body.id}`, { status: 'processing' });
    expect(processing.body.status).toBe('processing');
    expect(await stockOf('ROPE-PP-16')).toBe(start - 30);
    await woo.api.put(`/orders/${order.body.id}`, { status: 'completed' });
    expect(await stockOf('ROPE-PP-16')).toBe(start - 30);
    await woo.api.put(`/orders/${order.body.id}`, { status: 'cancelled' });
    expect(await stockOf('ROPE-PP-16')).toBe(start);
  });

  it('on-hold and completed reduce at creation, set_paid too; on-hold → pending restores', async () => {
    const brush = await idOf('BRUSH-2IN');
    for (const body of [{ status: 'on-hold' }, { status: 'completed' }, { set_paid: true }]) {
      const before = await stockOf('BRUSH-2IN');
      const order = await woo.api.post('/orders', { ...body, line_items: [{ product_id: brush.id, quantity: 2 }] });
      expect(await stockOf('BRUSH-2IN')).toBe(before - 2);
      if (body.status === 'on-hold') {
        await woo.api.put(`/orders/${order.body.id}`, { status: 'pending' });
        expect(await stockOf('BRUSH-2IN')).toBe(before);
      }
    }
  });

  it('trashing a processing order does not put stock back; overselling goes negative', async () => {
    const pin = await idOf('PIN-ENAMEL');
    expect(pin.stock_quantity).toBe(0);
    const order = await woo.api.post('/orders', { status: 'processing', line_items: [{ sku: 'PIN-ENAMEL', quantity: 3 }] });
    expect(await stockOf('PIN-ENAMEL')).toBe(-3);
    const trashed = await woo.api.del(`/orders/${order.body.id}`);
    expect(trashed.body.status).toBe('trash');
    expect(await stockOf('PIN-ENAMEL')).toBe(-3);
    expect((await woo.api.get('/orders', { per_page: 100 })).body.map((o: any) => o.id)).not.toContain(order.body.id);
  });

  it('reduces a variation’s own stock, or the parent’s when the variation reads "parent"', async () => {
    const red = await idOf('BANDANA-RED');
    const parentBefore = (await woo.api.get(`/products/${red.parent_id}`)).body.stock_quantity;
    await woo.api.post('/orders', { status: 'processing', line_items: [{ product_id: red.parent_id, variation_id: red.id, quantity: 4 }] });
    expect((await woo.api.get(`/products/${red.parent_id}`)).body.stock_quantity).toBe(parentBefore - 4);
    expect(await stockOf('BANDANA-BLUE')).toBe(parentBefore - 4);

    const gallon = await idOf('PAINT-INT-WHT-1G');
    const fourGallons = await stockOf('PAINT-INT-WHT-4G');
    await woo.api.post('/orders', { status: 'processing', line_items: [{ product_id: gallon.parent_id, variation_id: gallon.id, quantity: 1 }] });
    expect(await stockOf('PAINT-INT-WHT-1G')).toBe(gallon.stock_quantity - 1);
    expect(await stockOf('PAINT-INT-WHT-4G')).toBe(fourGallons);
  });

  it('refuses bad line items and creates nothing', async () => {
    const total = (await woo.api.get('/orders')).headers.get('x-wp-total');
    const bad = await woo.api.post('/orders', { status: 'processing', line_items: [{ product_id: 999999, quantity: 1 }] });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('woocommerce_rest_invalid_product_id');
    expect((await woo.api.post('/orders', { status: 'shipped' })).status).toBe(400);
    expect((await woo.api.post('/orders', { line_items: [{ sku: 'MUG-CAFE', quantity: 0 }] })).status).toBe(400);
    expect((await woo.api.get('/orders')).headers.get('x-wp-total')).toBe(total);
  });

  it('lists orders by status and modified_after, pages them, reads one', async () => {
    const list = await woo.api.get('/orders', { per_page: 2, orderby: 'id', order: 'asc' });
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(2);
    expect(Number(list.headers.get('x-wp-totalpages'))).toBe(Math.ceil(Number(list.headers.get('x-wp-total')) / 2));
    const cancelled = await woo.api.get('/orders', { status: 'cancelled' });
    expect(cancelled.body.length).toBeGreaterThan(0);
    expect(cancelled.body.every((o: any) => o.status === 'cancelled')).toBe(true);
    const latest = (await woo.api.get('/orders', { orderby: 'modified' })).body[0];
    expect((await woo.api.get('/orders', { modified_after: latest.date_modified })).body).toEqual([]);
    const earlier = new Date(Date.parse(`${latest.date_modified}Z`) - 60_000).toISOString();
    expect((await woo.api.get('/orders', { modified_after: earlier })).body.length).toBeGreaterThan(0);
    expect((await woo.api.get(`/orders/${latest.id}`)).body.id).toBe(latest.id);
    expect((await woo.api.get('/orders/999999')).status).toBe(404);
    expect((await woo.api.get('/orders', { status: 'bogus' })).status).toBe(400);
  });
});
