// Webhooks: ping on creation, signed asynchronous deliveries, coalescing, stock-driven
// product.updated, failure counting without retry, secrets never shown.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import { startWoo } from './test-support/start-woo.ts';
import { startReceiver } from './test-support/receiver.ts';

let woo: Awaited<ReturnType<typeof startWoo>>;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
const SECRET = 'webhook-secret-for-tests';

beforeAll(async () => {
  woo = await startWoo({ seed: 'demo', delayMs: 0 });
});
afterAll(() => woo.emulator.close());
afterEach(async () => {
  await receiver?.close();
  await woo.control('POST', 'reset');
});

const sign = (body: string, secret = SECRET) => createHmac('sha256', secret).update(body).digest('base64');

async function subscribe(topic: string) {
  const r = await woo.api.post('/webhooks', { name: topic, topic, delivery_url: receiver.url, secret: SECRET });
  expect(r.status).toBe(201);
  return r.body;
}

describe('webhook registration', () => {
  it('pings the URL with webhook_id=N, form-encoded and unsigned, during creation', async () => {
    receiver = await startReceiver();
    const hook = await subscribe('order.created');
    expect(receiver.received).toHaveLength(1);
    const ping = receiver.received[0];
    expect(ping.body).toBe(`webhook_id=${hook.id}`);
    expect(ping.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(ping.headers['x-wc-webhook-signature']).toBeUndefined();
  });

  it('lists, reads, updates and deletes webhooks and never returns the secret', async () => {
    receiver = await startReceiver();
    const hook = await subscribe('product.updated');
    expect(hook).toMatchObject({ topic: 'product.updated', resource: 'product', event: 'updated', status: 'active', delivery_url: receiver.url });
    expect(JSON.stringify(hook)).not.toContain(SECRET);
    expect('secret' in hook).toBe(false);
    const list = await woo.api.get('/webhooks');
    expect(list.body.map((h: any) => h.id)).toEqual([hook.id]);
    expect(JSON.stringify(list.body)).not.toContain(SECRET);
    const paused = await woo.api.put(`/webhooks/${hook.id}`, { status: 'paused' });
    expect(paused.body.status).toBe('paused');
    expect((await woo.api.del(`/webhooks/${hook.id}`)).status).toBe(501);
    expect((await woo.api.del(`/webhooks/${hook.id}`, { force: 'true' })).status).toBe(200);
    expect((await woo.api.get(`/webhooks/${hook.id}`)).status).toBe(404);
  });

  it('refuses an unknown topic and a bad delivery URL', async () => {
    const topic = await woo.api.post('/webhooks', { topic: 'product.exploded', delivery_url: 'http://127.0.0.1:9/x' });
    expect(topic.status).toBe(400);
    expect(topic.body.code).toBe('woocommerce_rest_webhook_invalid_topic');
    expect((await woo.api.post('/webhooks', { topic: 'order.created', delivery_url: 'not a url' })).status).toBe(400);
    expect((await woo.api.get('/webhooks')).body).toEqual([]);
  });
});

describe('deliveries', () => {
  it('signs the raw body with base64 HMAC-SHA256 and sends the X-WC-Webhook headers', async () => {
    receiver = await startReceiver();
    const hook = await subscribe('product.updated');
    const mug = (await woo.api.get('/products', { sku: 'MUG-CAFE' })).body[0];
    await woo.api.put(`/products/${mug.id}`, { name: 'Café Crème Mug XL' });
    const [, delivery] = await receiver.waitFor(2);
    expect(delivery.headers['x-wc-webhook-signature']).toBe(sign(delivery.body));
    expect(delivery.headers['x-wc-webhook-signature']).not.toBe(sign(delivery.body, 'other'));
    expect(delivery.headers).toMatchObject({
      'x-wc-webhook-topic': 'product.updated',
      'x-wc-webhook-resource': 'product',
      'x-wc-webhook-event': 'updated',
      'x-wc-webhook-id': String(hook.id),
      'x-wc-webhook-source': `${woo.url}/`,
    });
    expect(delivery.headers['x-wc-webhook-delivery-id']).toMatch(/\S+/);
    expect(JSON.parse(delivery.body)).toMatchObject({ id: mug.id, name: 'Café Crème Mug XL' });
  });

  it('fires order.created and product.updated for each product or variation whose stock an order moved', async () => {
    receiver = await startReceiver();
    await subscribe('order.created');
    await subscribe('product.updated');
    const gallon = (await woo.api.get('/products', { sku: 'PAINT-INT-GRY-1G' })).body[0];
    const created = await woo.control('POST', 'orders', {
      lines: [
        { sku: 'PAINT-INT-GRY-1G', quantity: 2 },
        { sku: 'ROPE-JUTE', quantity: 100 },
      ],
    });
    expect(created.status).toBe(201);
    const all = await receiver.waitFor(5);
    const deliveries = all.slice(2);
    const byTopic = (t: string) => deliveries.filter((d) => d.headers['x-wc-webhook-topic'] === t).map((d) => JSON.parse(d.body));
    expect(byTopic('order.created').map((o) => String(o.id))).toEqual([created.body.id]);
    const products = byTopic('product.updated');
    expect(products.map((p) => p.sku).sort()).toEqual(['PAINT-INT-GRY-1G', 'ROPE-JUTE']);
    const variationPayload = products.find((p) => p.sku === 'PAINT-INT-GRY-1G');
    expect(variationPayload.id).toBe(gallon.id);
    expect(variationPayload.stock_quantity).toBe(gallon.stock_quantity - 2);
    expect('type' in variationPayload).toBe(false);
  });

  it('coalesces several changes to one object within the delay into one delivery with the latest state', async () => {
    const slow = await startWoo({ seed: 'demo', delayMs: 300 });
    receiver = await startReceiver();
    try {
      await slow.api.post('/webhooks', { topic: 'product.updated', delivery_url: receiver.url, secret: SECRET });
      const mug = (await slow.api.get('/products', { sku: 'MUG-CAFE' })).body[0];
      const notebook = (await slow.api.get('/products', { sku: 'NOTEBOOK-A5' })).body[0];
      for (const price of ['12.00', '13.00', '14.00']) await slow.api.put(`/products/${mug.id}`, { regular_price: price });
      await slow.api.put(`/products/${notebook.id}`, { regular_price: '9.00' });
      await receiver.waitFor(3);
      await new Promise((r) => setTimeout(r, 400));
      const payloads = receiver.received.slice(1).map((d) => JSON.parse(d.body));
      expect(payloads).toHaveLength(2);
      expect(payloads.find((p) => p.id === mug.id).regular_price).toBe('14.00');
      expect(payloads.find((p) => p.id === notebook.id).regular_price).toBe('9.00');
    } finally {
      await slow.emulator.close();
    }
  });

  it('counts failures without retrying', async () => {
    receiver = await startReceiver(500);
    const hook = await subscribe('product.updated');
    const mug = (await woo.api.get('/products', { sku: 'MUG-CAFE' })).body[0];
    await woo.api.put(`/products/${mug.id}`, { name: 'Fails once' });
    await receiver.waitFor(2);
    await new Promise((r) => setTimeout(r, 200));
    expect(receiver.received).toHaveLength(2);
    const state = await woo.control('GET', 'webhooks');
    expect(state.body.find((h: any) => h.id === hook.id)).toMatchObject({ failureCount: 1, deliveries: 1, status: 'active' });
    expect(JSON.stringify(state.body)).not.toContain(SECRET);
  });

  it('does not deliver to a paused webhook', async () => {
    receiver = await startReceiver();
    const hook = await subscribe('product.updated');
    await woo.api.put(`/webhooks/${hook.id}`, { status: 'paused' });
    const mug = (await woo.api.get('/products', { sku: 'MUG-CAFE' })).body[0];
    await woo.api.put(`/products/${mug.id}`, { name: 'Quiet' });
    await new Promise((r) => setTimeout(r, 200));
    expect(receiver.received).toHaveLength(1);
  });
});
