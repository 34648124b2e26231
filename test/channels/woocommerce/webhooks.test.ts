// WooCommerce webhook checks beyond the shared conformance suite.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseWooWebhook, verifyWooWebhook } from '../../../src/channels/woocommerce/webhooks.ts';

const secret = 'hook-secret';
const sign = (body: Buffer) => createHmac('sha256', secret).update(body).digest('base64');

describe('WooCommerce webhooks', () => {
  it('lets the unsigned creation ping through, and it parses to nothing to act on', () => {
    const ping = Buffer.from('webhook_id=17');
    expect(verifyWooWebhook({ 'content-type': 'application/x-www-form-urlencoded' }, ping, secret)).toBe(true);
    expect(parseWooWebhook({}, ping)).toMatchObject({ topic: 'other', remoteId: null });
  });

  it('refuses an unsigned delivery that is not the ping', () => {
    const order = Buffer.from(JSON.stringify({ id: 5, status: 'processing' }));
    expect(verifyWooWebhook({ 'x-wc-webhook-topic': 'order.created' }, order, secret)).toBe(false);
    expect(verifyWooWebhook({}, Buffer.from('webhook_id=17&id=5'), secret)).toBe(false);
    expect(verifyWooWebhook({ 'x-wc-webhook-topic': 'order.created' }, Buffer.from('webhook_id=17'), secret)).toBe(false);
  });

  it('verifies a signed delivery, headers in any case, and parses the order id', () => {
    const body = Buffer.from(JSON.stringify({ id: 42, status: 'processing' }));
    const headers = { 'X-WC-Webhook-Signature': sign(body), 'X-WC-Webhook-Topic': 'order.created', 'X-WC-Webhook-Delivery-ID': 'd-1' };
    expect(verifyWooWebhook(headers, body, secret)).toBe(true);
    expect(verifyWooWebhook(headers, body, 'other-secret')).toBe(false);
    expect(parseWooWebhook(headers, body)).toEqual({ deliveryId: 'd-1', topic: 'order', remoteId: '42' });
  });
});
