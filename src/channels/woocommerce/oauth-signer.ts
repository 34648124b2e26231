// OAuth 1.0a one-legged request signing, as WooCommerce takes it over plain http: the oauth_*
// parameters travel in the query string, the body is not signed, and the key is `secret&`.
import { createHmac, randomBytes } from 'node:crypto';

/** RFC 3986 percent-encoding (encodeURIComponent leaves !'()* alone). */
function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export interface OAuthCredentials {
  consumerKey: string;
  consumerSecret: string;
}

/** Returns `url` with the oauth_* parameters and the HMAC-SHA256 signature added to its query. */
export function signUrl(method: string, url: URL, credentials: OAuthCredentials, now: Date = new Date()): URL {
  const signed = new URL(url);
  signed.searchParams.set('oauth_consumer_key', credentials.consumerKey);
  signed.searchParams.set('oauth_nonce', randomBytes(16).toString('hex'));
  signed.searchParams.set('oauth_signature_method', 'HMAC-SHA256');
  signed.searchParams.set('oauth_timestamp', String(Math.floor(now.getTime() / 1000)));
  signed.searchParams.set('oauth_version', '1.0');
  const parameters = [...signed.searchParams.entries()]
    .map(([key, value]) => [percentEncode(key), percentEncode(value)] as const)
    .sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : 1) : a < b ? -1 : 1))
    .map(([key, value]) => `${key}=${value}`)
    .join('&');
  const baseUrl = `${signed.protocol}//${signed.host}${signed.pathname}`;
  const baseString = [method.toUpperCase(), percentEncode(baseUrl), percentEncode(parameters)].join('&');
  const signature = createHmac('sha256', `${credentials.consumerSecret}&`).update(baseString).digest('base64');
  signed.searchParams.set('oauth_signature', signature);
  return signed;
}
