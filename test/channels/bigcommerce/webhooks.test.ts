// BigCommerce does not sign webhook bodies; it sends back the custom headers a hook was created
// with. A delivery is genuine when X-Stockroom-Webhook-Secret matches (constant-time compare), and
// it parses to a hint about the object to re-read. Payloads have the shape of BigCommerce's
// documented callbacks (vendor-specs/bigcommerce/webhook-payload-examples).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { start } from '../../../emulators/bigcommerce/index.ts';
import { ChannelError } from '../../../src/channels/channel.ts';
import { createBigcommerceChannel } from '../../../src/channels/bigcommerce/index.ts';
import { parseBcWebhook, verifyBcWebhook, WEBHOOK_SCOPES } from '../../../src/channels/bigcommerce/webhooks.ts';
import { emulatorControl } from '../../conformance/emulator-control.ts';
import { startWebhookReceiver } from '../../conformance/webhook-receiver.ts';
import { createPermissiveGovernor } from '../../support/permissive-governor.ts';

const callback = (scope: string, data: Record<string, unknown>, hash = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678', createdAt = 1700000000) =>
  Buffer.from(JSON.stringify({ scope, store_id: '1001', data, hash, created_at: createdAt, producer: 'stores/abc123' }));
const EXAMPLES: Record<string, Buffer> = {
  store_order_created: callback('store/order/created', { type: 'order', id: 250 }),
  store_order_statusUpdated: callback('store/order/statusUpdated', { type: 'order', id: 250, status: { previous_status_id: 0, new_status_id: 11 } }),
  store_sku_inventory_updated: callback('store/sku/inventory/updated', { type: 'sku', id: 461, inventory: { product_id: 206, method: 'absolute', value: 5, variant_id: 509 } }),
  store_product_inventory_updated: callback('store/product/inventory/updated', { type: 'product', id: 167, inventory: { product_id: 167, method: 'absolute', value: 10 } }),
  store_product_updated: callback('store/product/updated', { type: 'product', id: 205 }),
};
const example = (name: string) => EXAMPLES[name];

describe('BigCommerce webhooks', () => {
  const secret = 'store-secret-0123456789';

  it('accepts exactly the secret header the hook was created with', () => {
    const body = example('store_order_created');
    expect(verifyBcWebhook({ 'x-stockroom-webhook-secret': secret }, body, secret)).toBe(true);
    expect(verifyBcWebhook({ 'X-Stockroom-Webhook-Secret': secret }, body, secret)).toBe(true);
    expect(verifyBcWebhook({ 'x-stockroom-webhook-secret': `${secret.slice(0, -1)}X` }, body, secret)).toBe(false);
    expect(verifyBcWebhook({ 'x-stockroom-webhook-secret': 'short' }, body, secret)).toBe(false);
    expect(verifyBcWebhook({}, body, secret)).toBe(false);
    expect(verifyBcWebhook({ 'x-stockroom-webhook-secret': '' }, body, '')).toBe(false);
  });

  it('parses BigCommerce’s example callbacks into hints (order id, changed variant, product id)', () => {
    expect(parseBcWebhook({}, example('store_order_created'))).toEqual({
      deliveryId: 'store/order/created:a1b2c3d4e5f60718293a4b5c6d7e8f9012345678:1700000000',
      topic: 'order',
      remoteId: '250',
    });
    expect(parseBcWebhook({}, example('store_order_statusUpdated'))).toMatchObject({ topic: 'order' });
    expect(parseBcWebhook({}, example('store_sku_inventory_updated'))).toMatchObject({ topic: 'inventory', remoteId: '509' });
    expect(parseBcWebhook({}, example('store_product_inventory_updated'))).toMatchObject({ topic: 'inventory', remoteId: '167' });
    expect(parseBcWebhook({}, example('store_product_updated'))).toMatchObject({ topic: 'product', remoteId: '205' });
    // A redelivery of the same event keeps its id; another event at another time does not.
    expect(parseBcWebhook({}, callback('store/order/created', { type: 'order', id: 250 })).deliveryId).toBe(parseBcWebhook({}, example('store_order_created')).deliveryId);
    expect(parseBcWebhook({}, callback('store/order/created', { type: 'order', id: 250 }, 'ffff', 1700000009)).deliveryId).not.toBe(parseBcWebhook({}, example('store_order_created')).deliveryId);
    expect(() => parseBcWebhook({}, Buffer.from('not json'))).toThrow(ChannelError);
  });

  describe('against the emulator', () => {
    let emulator: Awaited<ReturnType<typeof start>>;
    beforeAll(async () => {
      emulator = await start({ seed: 'demo', delayMs: 0, rateLimit: { quota: 100_000, windowMs: 30_000 } });
    });
    afterAll(async () => {
      await emulator?.close();
    });

    it('registers each scope once (again on a second call) and deliveries carry the secret header', async () => {
      const receiver = await startWebhookReceiver();
      try {
        const channel = createBigcommerceChannel(
          { platform: 'bigcommerce', url: emulator.url, credentials: emulator.credentials, remoteLocationId: null },
          { governor: createPermissiveGovernor(), timeoutMs: 10_000 },
        );
        const first = await channel.registerWebhooks(receiver.url, 'old-secret');
        const second = await channel.registerWebhooks(receiver.url, secret);
        expect(first.map((r) => r.topic)).toEqual([...WEBHOOK_SCOPES]);
        expect(second.map((r) => r.remoteWebhookId)).toEqual(first.map((r) => r.remoteWebhookId));
        const hooks = z
          .object({ data: z.array(z.object({ scope: z.string() })) })
          .parse(await (await fetch(`${emulator.url}/stores/${emulator.credentials.storeHash}/v3/hooks`, { headers: { 'x-auth-token': emulator.credentials.accessToken, accept: 'application/json' } })).json());
        expect(hooks.data.map((h) => h.scope).sort()).toEqual([...WEBHOOK_SCOPES].sort());

        const placed = await emulatorControl(emulator.url).createOrder([{ sku: 'TEE-BLA-S-SLI', quantity: 1 }]);
        const delivery = await receiver.waitFor((d) => d.body.toString().includes('store/order/created'));
        expect(channel.verifyWebhook(delivery.headers, delivery.body, secret)).toBe(true);
        expect(channel.verifyWebhook(delivery.headers, delivery.body, 'old-secret')).toBe(false);
        expect(channel.parseWebhook(delivery.headers, delivery.body)).toMatchObject({ topic: 'order', remoteId: placed.id });
      } finally {
        await receiver.close();
      }
    });
  });
});
