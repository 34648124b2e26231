// Authentication as a real WooCommerce store does it: OAuth 1.0a over http, Basic only over
// https, read-only keys refused for writes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWoo } from './test-support/start-woo.ts';
import { signUrl } from './test-support/oauth-signer.ts';
import { READ_ONLY_KEY } from './keys.ts';

let woo: Awaited<ReturnType<typeof startWoo>>;
beforeAll(async () => {
  woo = await startWoo({ seed: 'demo' });
});
afterAll(() => woo.emulator.close());

const productsUrl = () => `${woo.url}/wp-json/wc/v3/products?per_page=2`;
const basic = (k: { consumerKey: string; consumerSecret: string }) =>
  `Basic ${Buffer.from(`${k.consumerKey}:${k.consumerSecret}`).toString('base64')}`;

describe('OAuth 1.0a over http', () => {
  it('accepts HMAC-SHA1 and HMAC-SHA256 signatures that include the query', async () => {
    for (const algorithm of ['HMAC-SHA1', 'HMAC-SHA256'] as const) {
      const response = await fetch(signUrl({ method: 'GET', url: productsUrl(), ...woo.keys, algorithm }));
      expect(response.status).toBe(200);
      expect((await response.json()).length).toBe(2);
    }
  });

  it('does not sign the body of a write', async () => {
    const url = signUrl({ method: 'POST', url: `${woo.url}/wp-json/wc/v3/products`, ...woo.keys });
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Signed without body', status: 'draft' }),
    });
    expect(response.status).toBe(201);
  });

  it('refuses a wrong signature, a tampered query, a wrong secret', async () => {
    const signed = new URL(signUrl({ method: 'GET', url: productsUrl(), ...woo.keys }));
    const tampered = new URL(signed);
    tampered.searchParams.set('per_page', '3');
    const wrongSecret = signUrl({ method: 'GET', url: productsUrl(), consumerKey: woo.keys.consumerKey, consumerSecret: 'cs_wrong' });
    for (const url of [tampered.toString(), wrongSecret]) {
      const response = await fetch(url);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({
        code: 'woocommerce_rest_authentication_error',
        message: 'Invalid signature - provided signature does not match.',
        data: { status: 401 },
      });
    }
    const sameSignatureOtherMethod = await fetch(signed, { method: 'DELETE' });
    expect(sameSignatureOtherMethod.status).toBe(401);
  });

  it('refuses a timestamp more than 15 minutes off, accepts one 14 minutes off', async () => {
    const now = Math.floor(Date.now() / 1000);
    const stale = await fetch(signUrl({ method: 'GET', url: productsUrl(), ...woo.keys, timestamp: now - 16 * 60 }));
    expect(stale.status).toBe(401);
    expect((await stale.json()).message).toBe('Invalid timestamp.');
    const future = await fetch(signUrl({ method: 'GET', url: productsUrl(), ...woo.keys, timestamp: now + 16 * 60 }));
    expect(future.status).toBe(401);
    const slightlyOld = await fetch(signUrl({ method: 'GET', url: productsUrl(), ...woo.keys, timestamp: now - 14 * 60 }));
    expect(slightlyOld.status).toBe(200);
  });

  it('refuses a nonce used before', async () => {
    const url = signUrl({ method: 'GET', url: productsUrl(), ...woo.keys, nonce: 'once-only-nonce' });
    expect((await fetch(url)).status).toBe(200);
    const again = await fetch(url);
    expect(again.status).toBe(401);
    expect((await again.json()).message).toBe('Invalid nonce - nonce has already been used.');
  });

  it('refuses an unknown consumer key and a missing parameter', async () => {
    const unknown = await fetch(signUrl({ method: 'GET', url: productsUrl(), consumerKey: 'ck_nobody', consumerSecret: 'x' }));
    expect(unknown.status).toBe(401);
    expect((await unknown.json()).message).toBe('Consumer key is invalid.');
    const signed = new URL(signUrl({ method: 'GET', url: productsUrl(), ...woo.keys }));
    signed.searchParams.delete('oauth_nonce');
    const missing = await fetch(signed);
    expect(missing.status).toBe(401);
    expect((await missing.json()).code).toBe('woocommerce_rest_authentication_missing_parameter');
  });

  it('reads the oauth parameters from an Authorization: OAuth header too', async () => {
    const signed = new URL(signUrl({ method: 'GET', url: productsUrl(), ...woo.keys }));
    const oauth = [...signed.searchParams].filter(([k]) => k.startsWith('oauth_'));
    for (const [k] of oauth) signed.searchParams.delete(k);
    const header = `OAuth ${oauth.map(([k, v]) => `${k}="${encodeURIComponent(v)}"`).join(', ')}`;
    const response = await fetch(signed, { headers: { authorization: header } });
    expect(response.status).toBe(200);
  });
});

describe('Basic and query-string keys', () => {
  it('treats Basic over plain http as anonymous: 401', async () => {
    const response = await fetch(productsUrl(), { headers: { authorization: basic(woo.keys) } });
    expect(response.status).toBe(401);
    expect((await response.json()).code).toBe('woocommerce_rest_cannot_view');
  });

  it('treats consumer_key/consumer_secret in the query over http as anonymous', async () => {
    const url = `${productsUrl()}&consumer_key=${woo.keys.consumerKey}&consumer_secret=${woo.keys.consumerSecret}`;
    expect((await fetch(url)).status).toBe(401);
  });

  it('accepts Basic and query keys over https (X-Forwarded-Proto: https), refuses a wrong secret', async () => {
    const https = { 'x-forwarded-proto': 'https' };
    expect((await fetch(productsUrl(), { headers: { ...https, authorization: basic(woo.keys) } })).status).toBe(200);
    const url = `${productsUrl()}&consumer_key=${woo.keys.consumerKey}&consumer_secret=${woo.keys.consumerSecret}`;
    expect((await fetch(url, { headers: https })).status).toBe(200);
    const wrong = await fetch(productsUrl(), {
      headers: { ...https, authorization: basic({ consumerKey: woo.keys.consumerKey, consumerSecret: 'cs_bad' }) },
    });
    expect(wrong.status).toBe(401);
    expect((await wrong.json()).message).toBe('Consumer secret is invalid.');
  });

  it('refuses anonymous callers on every kind of route with WooCommerce codes', async () => {
    const anonymous = await fetch(`${woo.url}/wp-json/wc/v3/products`, { method: 'POST', body: '{}' });
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).code).toBe('woocommerce_rest_cannot_create');
    const batch = await fetch(`${woo.url}/wp-json/wc/v3/products/batch`, { method: 'POST', body: '{}' });
    expect((await batch.json()).code).toBe('woocommerce_rest_cannot_batch');
  });
});

describe('read-only keys', () => {
  it('may read but not write: 401 "does not have write permissions"', async () => {
    const read = await fetch(signUrl({ method: 'GET', url: productsUrl(), ...READ_ONLY_KEY }));
    expect(read.status).toBe(200);
    const write = await fetch(signUrl({ method: 'POST', url: `${woo.url}/wp-json/wc/v3/products`, ...READ_ONLY_KEY }), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Not allowed' }),
    });
    expect(write.status).toBe(401);
    expect(await write.json()).toEqual({
      code: 'woocommerce_rest_authentication_error',
      message: 'The API key provided does not have write permissions.',
      data: { status: 401 },
    });
    const found = await woo.api.get('/products', { search: 'Not allowed' });
    expect(found.body).toEqual([]);
  });
});
