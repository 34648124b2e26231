// Who is calling: WooCommerce's rules. Over https (here: a request carrying
// `X-Forwarded-Proto: https`, as behind a TLS-terminating proxy) HTTP Basic or consumer_key /
// consumer_secret in the query; over plain http only OAuth 1.0a signatures; anything else is
// anonymous and the route's permission check refuses it.
import type { IncomingMessage } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { WooError } from './woo-error.ts';
import { findKey, type ApiKey } from './keys.ts';
import { OAuthVerifier, parseOAuthHeader } from './oauth-verifier.ts';
import { nowSeconds } from './dates.ts';

const sameText = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

function checkSecret(consumerKey: string, consumerSecret: string): ApiKey {
  const key = findKey(consumerKey);
  if (!key) throw new WooError(401, 'woocommerce_rest_authentication_error', 'Consumer key is invalid.');
  if (!sameText(key.consumerSecret, consumerSecret)) {
    throw new WooError(401, 'woocommerce_rest_authentication_error', 'Consumer secret is invalid.');
  }
  return key;
}

export const isHttps = (req: IncomingMessage): boolean =>
  String(req.headers['x-forwarded-proto'] ?? '').toLowerCase() === 'https';

/** The key that signed the request, null when anonymous; throws on a bad credential. */
export function authenticate(req: IncomingMessage, url: URL, oauth: OAuthVerifier): ApiKey | null {
  const query = Object.fromEntries(url.searchParams);
  let key: ApiKey | null = null;
  if (isHttps(req)) {
    const header = req.headers.authorization ?? '';
    if (/^Basic\s/i.test(header)) {
      const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      key = checkSecret(decoded.slice(0, colon < 0 ? decoded.length : colon), colon < 0 ? '' : decoded.slice(colon + 1));
    } else if (query.consumer_key && query.consumer_secret) {
      key = checkSecret(query.consumer_key, query.consumer_secret);
    }
  } else {
    const params = { ...query, ...parseOAuthHeader(req.headers.authorization) };
    if ('oauth_consumer_key' in params) {
      const baseUrl = `http://${req.headers.host ?? 'localhost'}${url.pathname}`;
      key = oauth.verify(req.method ?? 'GET', baseUrl, params, nowSeconds());
    }
  }
  if (key && key.permissions === 'read' && req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'OPTIONS') {
    throw new WooError(401, 'woocommerce_rest_authentication_error', 'The API key provided does not have write permissions.');
  }
  return key;
}
