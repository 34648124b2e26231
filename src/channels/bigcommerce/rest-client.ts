// The thin BigCommerce REST client: `<origin>/stores/<store hash>/v3/…` (and /v2/… for orders),
// authenticated by X-Auth-Token. It asks the store's governor before each request, tells it the
// rate window after each answer, parses every body with zod and turns failures into ChannelErrors
// a shopkeeper can read.
import type { z } from 'zod';
import { ChannelError, type RequestGovernor } from '../channel.ts';
import { v2ErrorSchema, v3ErrorSchema } from './payloads.ts';
import { rateSignalFrom, retryAfterMs } from './rate-limit.ts';

export type Query = Record<string, string | number | undefined>;

export interface BcCredentials {
  storeHash: string;
  accessToken: string;
}

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** What a 204 No Content stands for (v2 lists answer 204 when nothing matches). */
  noContent?: unknown;
}

export class BcRestClient {
  private readonly storeBase: string;
  private consecutive429s = 0;

  constructor(
    origin: string,
    private readonly credentials: BcCredentials,
    private readonly governor: RequestGovernor,
    private readonly timeoutMs: number,
  ) {
    this.storeBase = `${origin.replace(/\/+$/, '')}/stores/${encodeURIComponent(credentials.storeHash)}`;
  }

  /** `path` starts with /v3/ or /v2/. */
  async request<S extends z.ZodType>(method: string, path: string, schema: S, options: RequestOptions = {}): Promise<z.infer<S>> {
    const url = new URL(this.storeBase + path);
    for (const [key, value] of Object.entries(options.query ?? {})) if (value !== undefined) url.searchParams.set(key, String(value));
    const headers: Record<string, string> = { 'x-auth-token': this.credentials.accessToken, accept: 'application/json' };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const what = `${method} ${path}`;

    await this.governor.acquire(1);
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      this.governor.report({ kind: 'done' });
      const name = (error as Error).name;
      if (name === 'TimeoutError' || name === 'AbortError') {
        throw new ChannelError('timeout', `BigCommerce did not answer ${what} within ${this.timeoutMs / 1000} s.`);
      }
      throw new ChannelError('unavailable', `Could not reach the BigCommerce store: ${(error as Error).message}.`);
    }

    if (response.status === 429) {
      this.consecutive429s += 1;
      const waitMs = retryAfterMs(response.headers, this.consecutive429s);
      this.governor.report({ kind: 'retry-after', ms: waitMs });
      throw new ChannelError('throttled', `BigCommerce asked us to slow down (429); trying again in ${Math.ceil(waitMs / 1000)} s.`, true, waitMs);
    }
    this.consecutive429s = 0;
    this.governor.report(rateSignalFrom(response.headers));
    if (!response.ok) throw this.failure(response.status, text, what);

    let json: unknown;
    if (response.status === 204 || text.trim() === '') {
      if (options.noContent === undefined) throw new ChannelError('protocol', `BigCommerce answered ${what} with no content.`);
      json = options.noContent;
    } else {
      try {
        json = JSON.parse(text);
      } catch {
        throw new ChannelError('protocol', `BigCommerce answered ${what} with something that is not JSON.`);
      }
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ChannelError('protocol', `BigCommerce's answer to ${what} was not as expected (${issue.path.join('.') || 'body'}: ${issue.message}).`);
    }
    return parsed.data;
  }

  private failure(status: number, text: string, what: string): ChannelError {
    const said = describeError(text);
    const suffix = said ? `: ${said}` : '';
    if (status === 401) {
      return new ChannelError('auth', `BigCommerce refused the access token for store "${this.credentials.storeHash}" (check the store hash and the API account's access token).`);
    }
    if (status === 403) {
      return new ChannelError('auth', `The BigCommerce API account is not allowed to do this (${what}); give it the Products, Orders, Information & Settings and Store Inventory scopes${suffix}.`);
    }
    if (status === 404) return new ChannelError('not_found', `BigCommerce has nothing there (${what})${suffix}.`);
    if (status === 409) return new ChannelError('conflict', `BigCommerce refused it${suffix || ' as a duplicate'}.`);
    if (status === 413) return new ChannelError('invalid', `BigCommerce refused the request as too large (${what})${suffix}.`);
    if (status === 422 || status === 400) return new ChannelError('invalid', `BigCommerce refused the data${suffix || ` (${what}, HTTP ${status})`}.`);
    if (status >= 500) return new ChannelError('unavailable', `The BigCommerce store failed with HTTP ${status} (${what})${suffix}.`);
    return new ChannelError('invalid', `BigCommerce refused ${what} with HTTP ${status}${suffix}.`);
  }
}

/** The store's own words from a v3 problem body (title and field errors) or a v2 error list. */
export function describeError(text: string): string {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return '';
  }
  const v3 = v3ErrorSchema.safeParse(json);
  if (v3.success && (v3.data.title || v3.data.errors)) {
    const details = Object.values(v3.data.errors ?? {}).filter((value): value is string => typeof value === 'string');
    const title = (v3.data.title ?? '').replace(/^\[(.*)\]$/, '$1');
    return withoutFinalStop([title, ...details.filter((d) => d !== title)].filter((part) => part !== '').join('; '));
  }
  const v2 = v2ErrorSchema.safeParse(json);
  if (v2.success) return withoutFinalStop(v2.data.map((error) => error.message).join('; '));
  return '';
}

/** Our sentences end with their own full stop. */
function withoutFinalStop(text: string): string {
  return text.replace(/\.+$/, '');
}
