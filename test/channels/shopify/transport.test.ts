// How the Shopify channel talks HTTP: endpoint and token, the governor asked before and told
// after each request, and every failure turned into the right ChannelError. Uses a scripted
// endpoint for exact Shopify answers (shapes from captures-2026-04 and Shopify's docs).
import { createServer } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChannelError, type Channel } from '../../../src/channels/channel.ts';
import { createShopifyChannel } from '../../../src/channels/shopify/index.ts';
import { createPermissiveGovernor, type RecordingGovernor } from '../../support/permissive-governor.ts';
import { cost, startFakeAdminApi, type FakeAdminApi } from './fake-admin-api.ts';

const IDENTITY = {
  shop: { name: 'Harbour Hardware', currencyCode: 'GBP' },
  locations: {
    nodes: [
      { id: 'gid://shopify/Location/1', name: 'Back room', isActive: true, isPrimary: false },
      { id: 'gid://shopify/Location/2', name: 'Shop floor', isActive: true, isPrimary: true },
      { id: 'gid://shopify/Location/3', name: 'Old shed', isActive: false, isPrimary: false },
    ],
  },
};

let api: FakeAdminApi;
let governor: RecordingGovernor;
let channel: Channel;

function connect(timeoutMs = 2000, url = api.url): Channel {
  return createShopifyChannel(
    { platform: 'shopify', url, credentials: { accessToken: 'shpat_test' }, remoteLocationId: null },
    { governor, timeoutMs },
  );
}

async function failure(promise: Promise<unknown>): Promise<ChannelError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(ChannelError);
  return error as ChannelError;
}

beforeEach(async () => {
  api = await startFakeAdminApi();
  governor = createPermissiveGovernor();
  channel = connect();
});
afterEach(async () => {
  await api.close();
});

describe('Shopify transport', () => {
  it('posts to the 2026-07 endpoint with the access token, asks the governor first and reports the bucket after', async () => {
    api.answer({ status: 200, json: { data: IDENTITY, extensions: cost(53, 5, 1995) } });
    const identity = await channel.identify();
    expect(identity).toEqual({
      name: 'Harbour Hardware',
      currency: 'GBP',
      locations: [
        { id: 'gid://shopify/Location/1', name: 'Back room', isDefault: false },
        { id: 'gid://shopify/Location/2', name: 'Shop floor', isDefault: true },
      ],
    });
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0].url).toBe('/admin/api/2026-07/graphql.json');
    expect(api.requests[0].headers['x-shopify-access-token']).toBe('shpat_test');
    expect(api.requests[0].body.operationName).toBe('IdentifyShop');
    expect(governor.acquired).toEqual([53]);
    expect(governor.signals).toEqual([{ kind: 'cost-bucket', available: 1995, maximum: 2000, restorePerSecond: 100, actualCost: 5 }]);
  });

  it('turns THROTTLED into a retryable error whose wait covers the deficit at the restore rate', async () => {
    api.answer({
      status: 200,
      json: { errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' } }], extensions: cost(500, 0, 100, 2000, 50) },
    });
    const error = await failure(channel.identify());
    expect(error.code).toBe('throttled');
    expect(error.retryable).toBe(true);
    expect(error.retryAfterMs).toBe(8000); // (500 - 100) / 50 per second
    expect(governor.signals).toEqual([{ kind: 'cost-bucket', available: 100, maximum: 2000, restorePerSecond: 50, actualCost: 0, throttled: true }]);
  });

  it('turns HTTP 429 with Retry-After into a throttled error and a retry-after signal', async () => {
    api.answer({ status: 429, headers: { 'retry-after': '2.0' }, json: { errors: 'Exceeded 2 calls per second for api client.' } });
    const error = await failure(channel.identify());
    expect(error.code).toBe('throttled');
    expect(error.retryAfterMs).toBe(2000);
    expect(governor.signals).toEqual([{ kind: 'retry-after', ms: 2000 }]);
  });

  it('says in words that the token was refused on 401 and 403', async () => {
    api.answer({ status: 401, json: { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' } });
    const refused = await failure(channel.identify());
    expect(refused.code).toBe('auth');
    expect(refused.retryable).toBe(false);
    expect(refused.message).toMatch(/access token/);
    api.answer({ status: 403, json: { errors: 'Forbidden' } });
    expect((await failure(channel.identify())).code).toBe('auth');
  });

  it('marks 5xx as unavailable and retryable', async () => {
    api.answer({ status: 503, text: '<html>Service Unavailable</html>' });
    const error = await failure(channel.identify());
    expect(error.code).toBe('unavailable');
    expect(error.retryable).toBe(true);
  });

  it('gives up on a silent store after the timeout', async () => {
    channel = connect(300);
    api.answer({ silent: true });
    const started = Date.now();
    const error = await failure(channel.identify());
    expect(error.code).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('marks a refused connection as unavailable', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as { port: number }).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await failure(connect(2000, `http://127.0.0.1:${port}`).identify());
    expect(error.code).toBe('unavailable');
  });

  it('refuses an answer in a shape it cannot read instead of guessing', async () => {
    api.answer({ status: 200, json: { data: { shop: { name: 42 } }, extensions: cost(53, 5, 1995) } });
    const error = await failure(channel.identify());
    expect(error.code).toBe('protocol');
    expect(error.message).toMatch(/IdentifyShop/);
  });

  it('needs an access token in the credentials', () => {
    expect(() =>
      createShopifyChannel({ platform: 'shopify', url: api.url, credentials: {}, remoteLocationId: null }, { governor }),
    ).toThrow(/access token/);
  });
});
