// The shared /__emulator/ control routes and fault injection, on the WooCommerce emulator.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startWoo } from './test-support/start-woo.ts';
import { startReceiver } from './test-support/receiver.ts';
import { signUrl } from './test-support/oauth-signer.ts';
import { start } from './index.ts';

let woo: Awaited<ReturnType<typeof startWoo>>;
beforeAll(async () => {
  woo = await startWoo({ seed: 'demo' });
});
afterAll(() => woo.emulator.close());
beforeEach(async () => {
  await woo.control('POST', 'reset');
});

const stockOf = async (sku: string) => (await woo.api.get('/products', { sku })).body[0]?.stock_quantity;

describe('state, orders, cancel, inventory', () => {
  it('describes every product and variant with status, options and stock at the one location', async () => {
    const state = await woo.control('GET', 'state');
    expect(state.body.locations).toEqual([{ id: 'default', name: 'Default' }]);
    const products = state.body.products as any[];
    expect(products.length).toBeGreaterThanOrEqual(45);
    expect(new Set(products.map((p) => p.status))).toEqual(new Set(['publish', 'draft']));
    const tee = products.find((p) => p.title === 'Classic Tee');
    expect(tee.variants).toHaveLength(18);
    expect(tee.variants[0]).toMatchObject({ sku: 'TEE-CLASSIC-BLA-S-REG', options: ['Black', 'S', 'Regular'], price: '19.00' });
    expect(typeof tee.variants[0].quantities.default).toBe('number');
    const noSku = products.find((p) => p.title === 'Gift Wrapping');
    expect(noSku.variants[0]).toMatchObject({ sku: '', barcode: null, quantities: {} });
    const mug = products.find((p) => p.title === 'Café Crème Mug');
    expect(mug.variants[0]).toMatchObject({ barcode: '4006381333931', quantities: { default: 36 } });
    expect(products.some((p) => /[^\x00-\x7f]/.test(p.title))).toBe(true);
    const rope = products.find((p) => p.variants[0].sku === 'ROPE-MAN-12');
    expect(rope.variants[0].quantities.default).toBe(600);
  });

  it('places a processing order that reduces stock, and cancels it with restock', async () => {
    const order = await woo.control('POST', 'orders', { lines: [{ sku: 'ROPE-MAN-12', quantity: 25 }] });
    expect(order.status).toBe(201);
    expect(order.body).toEqual({ id: expect.any(String), name: `#${order.body.id}` });
    expect(await stockOf('ROPE-MAN-12')).toBe(575);
    const read = await woo.api.get(`/orders/${order.body.id}`);
    expect(read.body).toMatchObject({ status: 'processing', created_via: 'checkout', line_items: [{ sku: 'ROPE-MAN-12', quantity: 25 }] });
    const cancelled = await woo.control('POST', `orders/${order.body.id}/cancel`, { restock: true });
    expect(cancelled.body).toEqual({ id: order.body.id });
    expect(await stockOf('ROPE-MAN-12')).toBe(600);
    expect((await woo.api.get(`/orders/${order.body.id}`)).body.status).toBe('cancelled');
  });

  it('refuses unknown SKUs, unknown orders, bad input', async () => {
    expect((await woo.control('POST', 'orders', { lines: [{ sku: 'NOPE', quantity: 1 }] })).status).toBe(422);
    expect((await woo.control('POST', 'orders', { lines: [{ sku: 'TEE-CLASSIC', quantity: 1 }] })).status).toBe(422);
    expect((await woo.control('POST', 'orders', { lines: [] })).status).toBe(422);
    expect((await woo.control('POST', 'orders/999999/cancel', {})).status).toBe(404);
    expect((await woo.control('POST', 'inventory', { sku: 'MUG-CAFE', quantity: 1, location: 'warehouse' })).status).toBe(422);
    expect((await woo.api.get('/orders')).body).toEqual([]);
  });

  it('sets stock as the admin would and fires product.updated', async () => {
    const receiver = await startReceiver();
    try {
      await woo.api.post('/webhooks', { topic: 'product.updated', delivery_url: receiver.url, secret: 's' });
      const r = await woo.control('POST', 'inventory', { sku: 'TOTE-BAG', quantity: 7 });
      expect(r.status).toBe(200);
      expect((await woo.api.get('/products', { sku: 'TOTE-BAG' })).body[0]).toMatchObject({ manage_stock: true, stock_quantity: 7 });
      const [, delivery] = await receiver.waitFor(2);
      expect(JSON.parse(delivery.body)).toMatchObject({ sku: 'TOTE-BAG', stock_quantity: 7 });
      await woo.control('POST', 'inventory', { sku: 'BANDANA-RED', quantity: 3, location: 'default' });
      expect(await stockOf('BANDANA-BLUE')).toBe(3);
    } finally {
      await receiver.close();
    }
  });

  it('counts requests by METHOD /route-pattern and resets to the seed', async () => {
    await woo.api.get('/products');
    const made = await woo.api.post('/products', { name: 'Temporary', sku: 'TEMP-1' });
    await woo.api.get(`/products/${made.body.id}`);
    await woo.api.get(`/products/${made.body.id}`);
    const counts = await woo.control('GET', 'requests');
    expect(counts.body).toEqual({
      total: 4,
      throttled: 0,
      byOperation: {
        'GET /wp-json/wc/v3/products': 1,
        'POST /wp-json/wc/v3/products': 1,
        'GET /wp-json/wc/v3/products/:id': 2,
      },
    });
    await woo.control('POST', 'faults', { errorRate: 0.5 });
    expect((await woo.control('POST', 'reset')).status).toBe(200);
    expect((await woo.control('GET', 'requests')).body).toEqual({ total: 0, throttled: 0, byOperation: {} });
    expect((await woo.control('GET', 'faults')).body.errorRate).toBe(0);
    expect((await woo.api.get('/products', { sku: 'TEMP-1' })).body).toEqual([]);
  });
});

describe('faults', () => {
  it('errorRate: 500 without applying; control routes never faulted', async () => {
    await woo.control('POST', 'faults', { errorRate: 1 });
    const r = await woo.api.post('/products', { name: 'Never', sku: 'NEVER-1' });
    expect(r.status).toBe(500);
    expect(r.body.code).toBe('internal_server_error');
    expect((await woo.control('GET', 'state')).status).toBe(200);
    await woo.control('POST', 'faults', {});
    expect((await woo.api.get('/products', { sku: 'NEVER-1' })).body).toEqual([]);
  });

  it('throttleRate: 429 with Retry-After, counted as throttled', async () => {
    await woo.control('POST', 'faults', { throttleRate: 1 });
    const r = await woo.api.get('/products');
    expect(r.status).toBe(429);
    expect(r.headers.get('retry-after')).toBe('1');
    expect((await woo.control('GET', 'requests')).body.throttled).toBe(1);
  });

  it('lostResponseRate: the write is applied, the connection dropped', async () => {
    await woo.control('POST', 'faults', { lostResponseRate: 1 });
    await expect(woo.api.post('/products', { name: 'Applied anyway', sku: 'LOST-1' })).rejects.toThrow();
    await woo.control('POST', 'faults', {});
    expect((await woo.api.get('/products', { sku: 'LOST-1' })).body).toHaveLength(1);
  });

  it('timeoutRate: holds the request for timeoutMs then drops it; latencyMs delays', async () => {
    await woo.control('POST', 'faults', { timeoutRate: 1, timeoutMs: 150 });
    const t0 = Date.now();
    await expect(woo.api.get('/products')).rejects.toThrow();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
    await woo.control('POST', 'faults', { latencyMs: 120 });
    const t1 = Date.now();
    expect((await woo.api.get('/products')).status).toBe(200);
    expect(Date.now() - t1).toBeGreaterThanOrEqual(110);
  });

  it('is repeatable for a seed', async () => {
    const statuses = async () => {
      await woo.control('POST', 'faults', { seed: 42, errorRate: 0.5 });
      const out: number[] = [];
      for (let i = 0; i < 12; i++) out.push((await woo.api.get('/products/attributes')).status);
      return out;
    };
    const first = await statuses();
    expect(first).toContain(500);
    expect(first).toContain(200);
    expect(await statuses()).toEqual(first);
  });

  it('refuses bad fault settings with a one-line reason', async () => {
    const r = await woo.control('POST', 'faults', { errorRate: 2 });
    expect(r.status).toBe(422);
    expect(r.body.error.message).toMatch(/errorRate/);
  });

  it('webhookLossRate drops deliveries, webhookDuplicateRate doubles them', async () => {
    const receiver = await startReceiver();
    try {
      await woo.api.post('/webhooks', { topic: 'product.updated', delivery_url: receiver.url, secret: 's' });
      const mug = (await woo.api.get('/products', { sku: 'MUG-CAFE' })).body[0];
      await woo.control('POST', 'faults', { webhookLossRate: 1 });
      await woo.api.put(`/products/${mug.id}`, { name: 'Lost' });
      await new Promise((r) => setTimeout(r, 150));
      expect(receiver.received).toHaveLength(1);
      await woo.control('POST', 'faults', { webhookDuplicateRate: 1 });
      await woo.api.put(`/products/${mug.id}`, { name: 'Twice' });
      const all = await receiver.waitFor(3);
      await new Promise((r) => setTimeout(r, 100));
      expect(all.slice(1).map((d) => JSON.parse(d.body).name)).toEqual(['Twice', 'Twice']);
      expect(all[1].headers['x-wc-webhook-delivery-id']).toBe(all[2].headers['x-wc-webhook-delivery-id']);
    } finally {
      await receiver.close();
    }
  });
});

describe('seeds', () => {
  it('gen:N holds exactly N variants, the same every time', async () => {
    const a = await start({ seed: 'gen:1003', delayMs: 0 });
    const b = await start({ seed: 'gen:1003', delayMs: 0 });
    try {
      const stateOf = async (url: string) => (await (await fetch(`${url}/__emulator/state`)).json()) as any;
      const sa = await stateOf(a.url);
      const variants = sa.products.flatMap((p: any) => p.variants);
      expect(variants).toHaveLength(1003);
      expect(new Set(variants.map((v: any) => v.sku)).size).toBe(1003);
      expect(await stateOf(b.url)).toEqual(sa);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('loads a JSON file; refuses a bad seed with a readable reason', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'woo-seed-'));
    const file = join(dir, 'shop.json');
    writeFileSync(
      file,
      JSON.stringify({
        attributes: [{ id: 1, name: 'Color' }],
        products: [
          { name: 'Only product', sku: 'ONLY', status: 'draft', manage_stock: true, stock_quantity: 4 },
          { name: 'Shirt', type: 'variable', attributes: [{ id: 1, variation: true, options: ['Red'] }], variations: [{ sku: 'SHIRT-RED', attributes: [{ id: 1, option: 'Red' }] }] },
        ],
      }),
    );
    const seeded = await start({ seed: file, delayMs: 0 });
    try {
      const state = (await (await fetch(`${seeded.url}/__emulator/state`)).json()) as any;
      expect(state.products.map((p: any) => [p.title, p.status])).toEqual(expect.arrayContaining([['Only product', 'draft'], ['Shirt', 'publish']]));
      const url = signUrl({ method: 'GET', url: `${seeded.url}/wp-json/wc/v3/products?sku=SHIRT-RED`, ...(seeded.credentials as any) });
      expect(((await (await fetch(url)).json()) as any[])[0].attributes).toEqual([{ id: 1, name: 'Color', option: 'Red' }]);
    } finally {
      await seeded.close();
    }
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ products: [{ name: 'A', sku: 'X' }, { name: 'B', sku: 'x' }] }));
    await expect(start({ seed: bad })).rejects.toThrow('seed: products[1]: product_invalid_sku');
    await expect(start({ seed: 'gen:abc' })).rejects.toThrow(/gen:N/);
    await expect(start({ seed: join(dir, 'missing.json') })).rejects.toThrow(/readable JSON file/);
  });
});
