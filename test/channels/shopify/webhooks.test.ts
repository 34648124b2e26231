// Shopify webhook signatures (base64 HMAC-SHA256 of the raw body with the app secret) and hints.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createShopifyChannel } from '../../../src/channels/shopify/index.ts';
import { parseWebhook, verifyWebhook } from '../../../src/channels/shopify/webhooks.ts';
import { createPermissiveGovernor } from '../../support/permissive-governor.ts';

const SECRET = 'app-secret-123';
const body = Buffer.from(JSON.stringify({ id: 5712345678901, admin_graphql_api_id: 'gid://shopify/Order/5712345678901', name: '#9999' }));
const sign = (raw: Buffer, secret = SECRET) => createHmac('sha256', secret).update(raw).digest('base64');

describe('Shopify webhooks', () => {
  it('accepts the signature Shopify computes and nothing else', () => {
    const headers = { 'X-Shopify-Hmac-Sha256': sign(body) };
    expect(verifyWebhook(headers, body, SECRET)).toBe(true);
    expect(verifyWebhook({ 'x-shopify-hmac-sha256': sign(body) }, body, SECRET)).toBe(true);
    expect(verifyWebhook(headers, Buffer.from(body.toString().replace('9999', '9998')), SECRET)).toBe(false);
    expect(verifyWebhook(headers, body, 'another-secret')).toBe(false);
    expect(verifyWebhook({ 'x-shopify-hmac-sha256': 'c2hvcnQ=' }, body, SECRET)).toBe(false);
    expect(verifyWebhook({}, body, SECRET)).toBe(false);
    expect(verifyWebhook(headers, body, '')).toBe(false);
  });

  it('verifies with the app secret from the credentials when the connection has one', () => {
    const channel = createShopifyChannel(
      { platform: 'shopify', url: 'http://127.0.0.1:1', credentials: { accessToken: 't', webhookSecret: SECRET }, remoteLocationId: null },
      { governor: createPermissiveGovernor() },
    );
    expect(channel.verifyWebhook({ 'x-shopify-hmac-sha256': sign(body) }, body, 'engine-secret')).toBe(true);
    expect(channel.verifyWebhook({ 'x-shopify-hmac-sha256': sign(body, 'engine-secret') }, body, 'engine-secret')).toBe(false);
  });

  it('reduces deliveries to hints about the object to re-read', () => {
    expect(parseWebhook({ 'x-shopify-topic': 'orders/create', 'x-shopify-event-id': 'evt-1' }, body)).toEqual({
      deliveryId: 'evt-1',
      topic: 'order',
      remoteId: 'gid://shopify/Order/5712345678901',
    });
    const refund = Buffer.from(JSON.stringify({ id: 5, order_id: 450789469 }));
    expect(parseWebhook({ 'X-Shopify-Topic': 'refunds/create', 'X-Shopify-Webhook-Id': 'wh-2' }, refund)).toEqual({
      deliveryId: 'wh-2',
      topic: 'order',
      remoteId: 'gid://shopify/Order/450789469',
    });
    const level = Buffer.from(JSON.stringify({ inventory_item_id: 53469430055218, location_id: 24826418, available: 5 }));
    expect(parseWebhook({ 'x-shopify-topic': 'inventory_levels/update', 'x-shopify-event-id': 'e3' }, level)).toMatchObject({
      topic: 'inventory',
      remoteId: 'gid://shopify/InventoryItem/53469430055218',
    });
    expect(parseWebhook({ 'x-shopify-topic': 'shop/update', 'x-shopify-event-id': 'e4' }, body)).toEqual({ deliveryId: 'e4', topic: 'other', remoteId: null });
    expect(() => parseWebhook({ 'x-shopify-topic': 'orders/create' }, body)).toThrow(/X-Shopify-Event-Id/);
  });
});
