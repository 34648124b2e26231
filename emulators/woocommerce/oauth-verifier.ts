// OAuth 1.0a one-legged verification as WooCommerce's WC_REST_Authentication does it over plain
// http: HMAC-SHA1 or HMAC-SHA256 over METHOD&url&params (query and oauth_* parameters, never the
// body), key "consumer_secret&", a 15-minute timestamp window and single-use nonces.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { WooError } from './woo-error.ts';
import { findKey, type ApiKey } from './keys.ts';

const WINDOW_SECONDS = 15 * 60;
const REQUIRED = ['oauth_consumer_key', 'oauth_timestamp', 'oauth_nonce', 'oauth_signature', 'oauth_signature_method'];

export const rfc3986 = (value: string): string =>
  encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

const authError = (message: string): WooError => new WooError(401, 'woocommerce_rest_authentication_error', message);

/** The oauth_* parameters of the Authorization header ("OAuth k="v", ..."), if any. */
export function parseOAuthHeader(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!header || !/^OAuth\s/i.test(header)) return out;
  for (const match of header.slice(6).matchAll(/([\w-]+)="([^"]*)"/g)) {
    out[decodeURIComponent(match[1])] = decodeURIComponent(match[2]);
  }
  return out;
}

export class OAuthVerifier {
  /** consumer key → nonce → timestamp it was used with. */
  private usedNonces = new Map<string, Map<string, number>>();

  reset(): void {
    this.usedNonces.clear();
  }

  /**
   * `params`: every query parameter plus the header's oauth_* ones (decoded).
   * `baseUrl`: scheme, host and path of the request, without the query.
   */
  verify(method: string, baseUrl: string, params: Record<string, string>, nowSeconds: number): ApiKey {
    const missing = REQUIRED.filter((name) => !(name in params));
    if (missing.length) {
      throw new WooError(401, 'woocommerce_rest_authentication_missing_parameter', `Missing OAuth parameter ${missing.join(', ')}`);
    }
    const key = findKey(params.oauth_consumer_key);
    if (!key) throw authError('Consumer key is invalid.');

    const algorithm = { 'HMAC-SHA1': 'sha1', 'HMAC-SHA256': 'sha256' }[params.oauth_signature_method];
    if (!algorithm) throw authError('Invalid signature - signature method is invalid.');

    const signed = Object.keys(params)
      .filter((name) => name !== 'oauth_signature')
      .sort()
      .map((name) => rfc3986(`${rfc3986(name)}=${rfc3986(params[name])}`));
    const base = `${method.toUpperCase()}&${rfc3986(baseUrl)}&${signed.join('%26')}`;
    const expected = createHmac(algorithm, `${key.consumerSecret}&`).update(base).digest();
    const given = Buffer.from(params.oauth_signature.replace(/ /g, '+'), 'base64');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw authError('Invalid signature - provided signature does not match.');
    }

    const timestamp = Number(params.oauth_timestamp);
    if (!Number.isInteger(timestamp) || Math.abs(nowSeconds - timestamp) > WINDOW_SECONDS) {
      throw authError('Invalid timestamp.');
    }
    const nonces = this.usedNonces.get(key.consumerKey) ?? new Map<string, number>();
    for (const [nonce, at] of nonces) if (at < nowSeconds - WINDOW_SECONDS) nonces.delete(nonce);
    if (nonces.has(params.oauth_nonce)) throw authError('Invalid nonce - nonce has already been used.');
    nonces.set(params.oauth_nonce, timestamp);
    this.usedNonces.set(key.consumerKey, nonces);
    return key;
  }
}
