// The REST client's mapping of a store's answers, against a small stand-in HTTP server for the
// cases the emulator does not produce (a 429 without rate-limit headers, a 5xx, a 403, no answer).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ChannelError } from '../../../src/channels/channel.ts';
import { BcRestClient } from '../../../src/channels/bigcommerce/rest-client.ts';
import { createPermissiveGovernor } from '../../support/permissive-governor.ts';

type Reply = { status: number; headers?: Record<string, string>; body?: string; hang?: boolean };

describe('BigCommerce REST client', () => {
  let server: Server;
  let origin: string;
  const replies: Reply[] = [];
  const seen: Array<{ url: string; token: string | undefined }> = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      seen.push({ url: request.url ?? '', token: request.headers['x-auth-token'] as string | undefined });
      const reply = replies.shift() ?? { status: 200, body: '{}' };
      if (reply.hang) return;
      response.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers }).end(reply.body ?? '');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  function client(timeoutMs = 5000) {
    const governor = createPermissiveGovernor();
    return { governor, client: new BcRestClient(origin, { storeHash: 'abc123', accessToken: 'tok' }, governor, timeoutMs) };
  }

  async function failure(promise: Promise<unknown>): Promise<ChannelError> {
    const error = await promise.then(() => null, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(ChannelError);
    return error as ChannelError;
  }

  it('sends the token to /stores/<hash>/v3 and reports the window from the headers', async () => {
    const { client: c, governor } = client();
    replies.push({
      status: 200,
      body: '{"data":[]}',
      headers: { 'x-rate-limit-requests-left': '7', 'x-rate-limit-requests-quota': '150', 'x-rate-limit-time-reset-ms': '1234', 'x-rate-limit-time-window-ms': '30000' },
    });
    await c.request('GET', '/v3/catalog/products', z.object({ data: z.array(z.unknown()) }), { query: { 'sku:in': 'A,B' } });
    expect(seen.at(-1)).toEqual({ url: '/stores/abc123/v3/catalog/products?sku%3Ain=A%2CB', token: 'tok' });
    expect(governor.acquired).toEqual([1]);
    expect(governor.signals).toEqual([{ kind: 'request-window', left: 7, quota: 150, resetMs: 1234, windowMs: 30000 }]);
  });

  it("reports 'done' when an answer carries no rate-limit headers", async () => {
    const { client: c, governor } = client();
    replies.push({ status: 200, body: '{}' });
    await c.request('GET', '/v2/store', z.object({}));
    expect(governor.signals).toEqual([{ kind: 'done' }]);
  });

  it('backs off on a 429 without rate-limit headers: Retry-After when given, else doubling from 1 s', async () => {
    const { client: c, governor } = client();
    replies.push({ status: 429, body: '' }, { status: 429, body: '' }, { status: 429, headers: { 'retry-after': '3' }, body: '' });
    const first = await failure(c.request('GET', '/v2/orders', z.unknown()));
    const second = await failure(c.request('GET', '/v2/orders', z.unknown()));
    const third = await failure(c.request('GET', '/v2/orders', z.unknown()));
    expect([first.code, first.retryAfterMs, second.retryAfterMs, third.retryAfterMs]).toEqual(['throttled', 1000, 2000, 3000]);
    expect(governor.signals).toEqual([
      { kind: 'retry-after', ms: 1000 },
      { kind: 'retry-after', ms: 2000 },
      { kind: 'retry-after', ms: 3000 },
    ]);
  });

  it('maps refusals to codes with the store’s own words', async () => {
    const { client: c } = client();
    const problem = (status: number, title: string, errors: Record<string, string> = {}) => JSON.stringify({ status, title, type: 'x', errors });
    replies.push(
      { status: 401, body: '{"status":401,"title":"Unauthorized"}' },
      { status: 403, body: problem(403, 'You do not have permission') },
      { status: 404, body: '[{"status":404,"message":"The requested resource was not found."}]' },
      { status: 409, body: problem(409, 'The product name is a duplicate', { name: 'The product name "Mug" is already in use.' }) },
      { status: 422, body: problem(422, 'JSON data is missing or invalid', { weight: 'weight is a required field' }) },
      { status: 503, body: 'Service Unavailable' },
      { status: 200, body: 'not json' },
      { status: 200, body: '{"data":"no"}' },
    );
    const codes = [];
    for (let i = 0; i < 8; i += 1) codes.push(await failure(c.request('GET', '/v3/catalog/products', z.object({ data: z.array(z.unknown()) }))));
    expect(codes.map((e) => e.code)).toEqual(['auth', 'auth', 'not_found', 'conflict', 'invalid', 'unavailable', 'protocol', 'protocol']);
    expect(codes[0].message).toContain('abc123');
    expect(codes[2].message).toContain('The requested resource was not found.');
    expect(codes[3].message).toContain('The product name "Mug" is already in use.');
    expect(codes.every((e) => !e.message.includes('..'))).toBe(true);
    expect(codes[4].message).toContain('weight is a required field');
    expect(codes[5].retryable).toBe(true);
  });

  it('treats 204 as the empty value the caller names, and as a protocol error elsewhere', async () => {
    const { client: c } = client();
    replies.push({ status: 204 }, { status: 204 });
    expect(await c.request('GET', '/v2/orders', z.array(z.unknown()), { noContent: [] })).toEqual([]);
    expect((await failure(c.request('GET', '/v3/catalog/products', z.unknown()))).code).toBe('protocol');
  });

  it('gives up on a store that does not answer within the timeout, and frees the governor', async () => {
    const { client: c, governor } = client(200);
    replies.push({ status: 200, hang: true });
    const error = await failure(c.request('GET', '/v3/catalog/products', z.unknown()));
    expect(error.code).toBe('timeout');
    expect(governor.signals).toEqual([{ kind: 'done' }]);
  });
});
