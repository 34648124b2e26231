// The thin WooCommerce REST client: signs each request (OAuth 1.0a over http, Basic over https),
// asks the store's governor before sending, and turns failures into ChannelErrors a person can read.
import type { z } from 'zod';
import { ChannelError, type RequestGovernor } from '../channel.ts';
import { signUrl, type OAuthCredentials } from './oauth-signer.ts';
import { wooErrorSchema } from './payloads.ts';

export interface WooResponse<T> {
  body: T;
  totalPages: number | null;
  total: number | null;
}

export type Query = Record<string, string | number | undefined>;

export class WooRestClient {
  private readonly apiBase: URL;

  constructor(
    origin: string,
    private readonly credentials: OAuthCredentials,
    private readonly governor: RequestGovernor,
    private readonly timeoutMs: number,
  ) {
    this.apiBase = new URL('/wp-json/wc/v3/', origin.replace(/\/+$/, '') + '/');
  }

  async request<S extends z.ZodType>(method: string, path: string, schema: S, options: { query?: Query; body?: unknown } = {}): Promise<WooResponse<z.infer<S>>> {
    const url = new URL(path.replace(/^\/+/, ''), this.apiBase);
    for (const [key, value] of Object.entries(options.query ?? {})) if (value !== undefined) url.searchParams.set(key, String(value));
    const headers: Record<string, string> = { accept: 'application/json' };
    let target = url;
    if (url.protocol === 'https:') {
      headers.authorization = `Basic ${Buffer.from(`${this.credentials.consumerKey}:${this.credentials.consumerSecret}`).toString('base64')}`;
    } else {
      target = signUrl(method, url, this.credentials);
    }
    if (options.body !== undefined) headers['content-type'] = 'application/json';

    await this.governor.acquire(1);
    let response: Response;
    try {
      response = await fetch(target, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      this.governor.report({ kind: 'done' });
      const name = (error as Error).name;
      if (name === 'TimeoutError' || name === 'AbortError') throw new ChannelError('timeout', `WooCommerce did not answer ${method} ${path} within ${this.timeoutMs / 1000} s.`);
      throw new ChannelError('unavailable', `Could not reach the WooCommerce store: ${(error as Error).message}.`);
    }
    const text = await response.text().catch(() => '');
    if (response.status !== 429) this.governor.report({ kind: 'done' });
    if (response.status === 429) {
      const retryAfterMs = Math.max(1000, Number(response.headers.get('retry-after') ?? '1') * 1000);
      this.governor.report({ kind: 'retry-after', ms: retryAfterMs });
      throw new ChannelError('throttled', 'The WooCommerce store asked us to slow down (429).', true, retryAfterMs);
    }
    if (!response.ok) throw this.failure(response.status, text, method, path);
    let json: unknown;
    try {
      json = text === '' ? null : JSON.parse(text);
    } catch {
      throw new ChannelError('protocol', `WooCommerce answered ${method} ${path} with something that is not JSON.`);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ChannelError('protocol', `WooCommerce's answer to ${method} ${path} was not as expected (${issue.path.join('.') || 'body'}: ${issue.message}).`);
    }
    const header = (name: string) => {
      const value = response.headers.get(name);
      return value === null ? null : Number(value);
    };
    return { body: parsed.data, totalPages: header('x-wp-totalpages'), total: header('x-wp-total') };
  }

  private failure(status: number, text: string, method: string, path: string): ChannelError {
    let detail: { code: string; message: string } | null = null;
    try {
      const parsed = wooErrorSchema.safeParse(JSON.parse(text));
      if (parsed.success) detail = parsed.data;
    } catch {
      detail = null;
    }
    const said = detail ? `: ${detail.message}` : '';
    if (status === 401 || status === 403) {
      return new ChannelError('auth', `The WooCommerce store refused the consumer key and secret${said || ' (check they are right and have read/write permission)'}.`);
    }
    if (status === 404) return new ChannelError('not_found', `WooCommerce has no ${path.split('/')[0]} there (${method} ${path})${said}.`);
    if (status === 413) return new ChannelError('invalid', `WooCommerce refused the batch as too large${said}.`);
    if (status >= 500) return new ChannelError('unavailable', `The WooCommerce store failed with HTTP ${status}${said}.`);
    if (detail?.code === 'product_invalid_sku' || detail?.code === 'woocommerce_rest_product_not_created') {
      return new ChannelError('conflict', `WooCommerce refused it${said}.`);
    }
    return new ChannelError('invalid', `WooCommerce refused ${method} ${path}${said || ` with HTTP ${status}`}.`);
  }
}
