// The BigCommerce emulator's orders, webhooks, rate limit, faults and control routes, over real HTTP.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
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
  await bc.post('/v3/catalog/products', shirt);
});

async function quantityOf(sku: string): Promise<number> {
  const items = await bc.get(`/v3/inventory/items?sku:in=${sku}`);
  return items.body.data[0].locations[0].available_to_sell;
}

describe('orders (v2)', () => {
  it('answers 204 with no body when no order matches', async () => {
    const answer = await bc.get('/v2/orders');
    expect(answer.status).toBe(204);
    expect(answer.body).toBeNull();
  });

  it('takes stock when a shopper orders and puts it back on cancel with restock', async () => {
    const placed = await bc.control('POST', '/orders', { lines: [{ sku: 'TS-RED-M', quantity: 2 }] });
    expect(placed.status).toBe(201);
    expect(await quantityOf('TS-RED-M')).toBe(4);

    const order = await bc.get(`/v2/orders/${placed.body.id}`);
    expect(order.body.status_id).toBe(11);
    const lines = await bc.get(`/v2/orders/${placed.body.id}/products`);
    expect(lines.body).toEqual([expect.objectContaining({ sku: 'TS-RED-M', quantity: 2, order_id: Number(placed.body.id) })]);

    await bc.control('POST', `/orders/${placed.body.id}/cancel`, { restock: true });
    expect(await quantityOf('TS-RED-M')).toBe(6);
    expect((await bc.get(`/v2/orders/${placed.body.id}`)).body.status).toBe('Cancelled');
  });

  it('filters by min_date_modified in RFC 2822 and sorts by date_modified', async () => {
    const first = await bc.control('POST', '/orders', { lines: [{ sku: 'TS-RED-S', quantity: 1 }] });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const cutoff = new Date().toUTCString();
    const second = await bc.control('POST', '/orders', { lines: [{ sku: 'TS-RED-S', quantity: 1 }] });
    const since = await bc.get(`/v2/orders?min_date_modified=${encodeURIComponent(cutoff)}&sort=date_modified:asc`);
    expect(since.body.map((o: { id: number }) => String(o.id))).toEqual([second.body.id]);
    const all = await bc.get('/v2/orders?sort=date_modified:asc');
    expect(all.body.map((o: { id: number }) => String(o.id))).toEqual([first.body.id, second.body.id]);
  });

  it('answers v2 errors as an array', async () => {
    const missing = await bc.get('/v2/orders/999999');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual([{ status: 404, message: expect.any(String) }]);
  });
});

describe('webhooks', () => {
  let receiver: Server;
  let received: Array<{ headers: IncomingHttpHeaders; body: any }>;
  let destination: string;

  beforeEach(async () => {
    received = [];
    receiver = createServer((req, res) => {
      let raw = '';
      req.on('data', (c) => (raw += c));
      req.on('end', () => {
        received.push({ headers: req.headers, body: JSON.parse(raw) });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    destination = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
  });
  afterEach(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

  const waitFor = async (count: number) => {
    for (let i = 0; i < 100 && received.length < count; i++) await new Promise((resolve) => setTimeout(resolve, 20));
  };

  it('delivers ids only, with the custom headers given at creation', async () => {
    const hook = await bc.post('/v3/hooks', { scope: 'store/order/created', destination, is_active: true, headers: { 'x-stockroom-secret': 's3cret' } });
    expect(hook.status).toBe(200);
    const placed = await bc.control('POST', '/orders', { lines: [{ sku: 'TS-RED-S', quantity: 1 }] });
    await waitFor(1);
    expect(received).toHaveLength(1);
    expect(received[0].headers['x-stockroom-secret']).toBe('s3cret');
    expect(received[0].body).toMatchObject({ scope: 'store/order/created', data: { type: 'order', id: Number(placed.body.id) }, producer: `stores/${handle.credentials.storeHash}` });
    expect(received[0].body.data).not.toHaveProperty('products');
  });

  it('sends inventory webhooks for order-driven and direct changes (wildcard scope)', async () => {
    await bc.post('/v3/hooks', { scope: 'store/sku/*', destination, is_active: true });
    await bc.control('POST', '/orders', { lines: [{ sku: 'TS-BLU-S', quantity: 2 }] });
    await bc.control('POST', '/inventory', { sku: 'TS-BLU-S', quantity: 9 });
    await waitFor(2);
    expect(received.map((r) => r.body.scope).sort()).toEqual(['store/sku/inventory/order/updated', 'store/sku/inventory/updated']);
  });

  it('duplicates deliveries when told to', async () => {
    await bc.control('POST', '/faults', { webhookDuplicateRate: 1 });
    await bc.post('/v3/hooks', { scope: 'store/order/created', destination, is_active: true });
    await bc.control('POST', '/orders', { lines: [{ sku: 'TS-RED-S', quantity: 1 }] });
    await waitFor(2);
    expect(received).toHaveLength(2);
    expect(received[0].body.hash).toBe(received[1].body.hash);
  });

  it('refuses a hook without scope or with a bad destination', async () => {
    const answer = await bc.post('/v3/hooks', { destination: 'not a url' });
    expect(answer.status).toBe(422);
    expect(Object.keys(answer.body.errors).sort()).toEqual(['destination', 'scope']);
  });
});

describe('rate limit', () => {
  it('announces the quota on every answer and refuses with 429 when it is spent', async () => {
    const limited = await startBigCommerce({ seed: 'empty', delayMs: 0, rateLimit: { quota: 3, windowMs: 60_000 } });
    try {
      const client = bigCommerceClient(limited);
      const lefts: string[] = [];
      for (let i = 0; i < 3; i++) lefts.push((await client.get('/v3/catalog/products')).headers.get('x-rate-limit-requests-left')!);
      expect(lefts).toEqual(['2', '1', '0']);
      const refused = await client.get('/v3/catalog/products');
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('x-rate-limit-time-reset-ms'))).toBeGreaterThan(0);
      expect(refused.headers.get('x-rate-limit-requests-quota')).toBe('3');
      expect(refused.headers.get('x-rate-limit-time-window-ms')).toBe('60000');
      expect((await client.control('GET', '/requests')).body.throttled).toBe(1);
    } finally {
      await limited.close();
    }
  });
});

describe('faults', () => {
  it('applies a write whose response is lost', async () => {
    await bc.control('POST', '/faults', { lostResponseRate: 1 });
    await expect(bc.put('/v3/inventory/adjustments/absolute', { items: [{ location_id: 1, sku: 'TS-RED-S', quantity: 77 }] })).rejects.toThrow();
    await bc.control('POST', '/faults', {});
    expect(await quantityOf('TS-RED-S')).toBe(77);
  });

  it('answers 5xx without applying on an injected error', async () => {
    await bc.control('POST', '/faults', { errorRate: 1 });
    const answer = await bc.put('/v3/inventory/adjustments/absolute', { items: [{ location_id: 1, sku: 'TS-RED-S', quantity: 77 }] });
    expect(answer.status).toBe(503);
    await bc.control('POST', '/faults', {});
    expect(await quantityOf('TS-RED-S')).toBe(5);
  });

  it('repeats the same fault pattern for the same seed', async () => {
    const pattern = async () => {
      await bc.control('POST', '/faults', { seed: 7, errorRate: 0.5 });
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await bc.get('/v3/catalog/products')).status);
      return statuses;
    };
    const first = await pattern();
    expect(first).toContain(503);
    expect(first).toContain(200);
    expect(await pattern()).toEqual(first);
  });

  it('refuses unknown fault settings with 400', async () => {
    const answer = await bc.control('POST', '/faults', { errorRat: 0.5 });
    expect(answer.status).toBe(400);
  });
});

describe('control routes', () => {
  it('shows state per location and resets to the seed, counters included', async () => {
    const state = await bc.control('GET', '/state');
    expect(state.body.locations).toEqual([{ id: '1', name: 'Default location' }]);
    const product = state.body.products[0];
    expect(product).toMatchObject({ title: 'Test Shirt', status: 'hidden' });
    expect(product.variants.find((v: { sku: string }) => v.sku === 'TS-RED-M')).toMatchObject({ options: ['Red', 'M'], quantities: { '1': 6 } });

    const counts = await bc.control('GET', '/requests');
    expect(counts.body.byOperation['POST /v3/catalog/products']).toBe(1);
    await bc.control('POST', '/reset');
    expect((await bc.control('GET', '/state')).body.products).toEqual([]);
    expect((await bc.control('GET', '/requests')).body.total).toBe(0);
  });

  it('seeds a demo shop and gen:N variants deterministically', async () => {
    const demo = await startBigCommerce({ seed: 'demo', delayMs: 0 });
    const generated = await startBigCommerce({ seed: 'gen:1000', delayMs: 0 });
    try {
      const demoState = (await bigCommerceClient(demo).control('GET', '/state')).body;
      expect(demoState.products.length).toBeGreaterThanOrEqual(45);
      expect(demoState.products.some((p: { title: string }) => p.title === '東京 Tote Bag')).toBe(true);
      expect(demoState.products.some((p: { variants: Array<{ sku: string }> }) => p.variants[0].sku === '')).toBe(true);
      const genState = (await bigCommerceClient(generated).control('GET', '/state')).body;
      expect(genState.products.flatMap((p: { variants: unknown[] }) => p.variants)).toHaveLength(1000);
    } finally {
      await demo.close();
      await generated.close();
    }
  });
});
