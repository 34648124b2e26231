// Test-side OAuth 1.0a one-legged signer, written from RFC 5849 (not from the emulator's
// verifier): signs a URL's query and the oauth_* parameters, never the body.
import { createHmac, randomBytes } from 'node:crypto';

const encode = (value: string): string =>
  encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export interface SignOptions {
  method: string;
  url: string;
  consumerKey: string;
  consumerSecret: string;
  algorithm?: 'HMAC-SHA1' | 'HMAC-SHA256';
  timestamp?: number;
  nonce?: string;
}

/** The URL with oauth_* parameters (and the signature) added to its query. */
export function signUrl(options: SignOptions): string {
  const url = new URL(options.url);
  const oauth: Record<string, string> = {
    oauth_consumer_key: options.consumerKey,
    oauth_nonce: options.nonce ?? randomBytes(12).toString('hex'),
    oauth_signature_method: options.algorithm ?? 'HMAC-SHA256',
    oauth_timestamp: String(options.timestamp ?? Math.floor(Date.now() / 1000)),
    oauth_version: '1.0',
  };
  const pairs: [string, string][] = [...url.searchParams.entries(), ...Object.entries(oauth)].map(([k, v]) => [encode(k), encode(v)]);
  pairs.sort(([ak, av], [bk, bv]) => (ak === bk ? (av < bv ? -1 : 1) : ak < bk ? -1 : 1));
  const paramString = pairs.map(([k, v]) => `${k}=${v}`).join('&');
  const baseUrl = `${url.protocol}//${url.host}${url.pathname}`;
  const base = [options.method.toUpperCase(), encode(baseUrl), encode(paramString)].join('&');
  const hash = (options.algorithm ?? 'HMAC-SHA256') === 'HMAC-SHA1' ? 'sha1' : 'sha256';
  const signature = createHmac(hash, `${encode(options.consumerSecret)}&`).update(base).digest('base64');
  for (const [k, v] of Object.entries(oauth)) url.searchParams.set(k, v);
  url.searchParams.set('oauth_signature', signature);
  return url.toString();
}
