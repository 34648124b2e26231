// A minimal test client: every call OAuth-signed over http with the emulator's keys.
import { signUrl } from './oauth-signer.ts';

export interface WooResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export interface Keys {
  consumerKey: string;
  consumerSecret: string;
}

export function wooClient(origin: string, keys: Keys) {
  const call = async <T = any>(method: string, path: string, body?: unknown, query: Record<string, string | number> = {}): Promise<WooResponse<T>> => {
    const url = new URL(`${origin}/wp-json/wc/v3${path}`);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, String(v));
    const signed = signUrl({ method, url: url.toString(), ...keys });
    const response = await fetch(signed, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
  };
  return {
    get: <T = any>(path: string, query?: Record<string, string | number>) => call<T>('GET', path, undefined, query),
    post: <T = any>(path: string, body: unknown, query?: Record<string, string | number>) => call<T>('POST', path, body, query),
    put: <T = any>(path: string, body: unknown) => call<T>('PUT', path, body),
    del: <T = any>(path: string, query?: Record<string, string | number>) => call<T>('DELETE', path, undefined, query),
  };
}

export async function control<T = any>(origin: string, method: string, route: string, body?: unknown): Promise<WooResponse<T>> {
  const response = await fetch(`${origin}/__emulator/${route}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
}
