// The store and job routes over real HTTP, with an in-process worker running the jobs: connect
// (a forged credential is a 400), account scoping, settings validation (the store's own location checked with it), import with progress as
// server-sent events, local products, selection, publish dry run and job, the sync log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startShopify, type SeededShopify } from './sync-fixtures.ts';
import { startApiHarness, type ApiHarness } from '../http/api-harness.ts';
import { postgresServerUrl } from '../support/databases.ts';
import { runWorker } from '../../src/jobs/worker.ts';

async function waitForJob(api: ApiHarness, jobId: string): Promise<any> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const { body } = await api.call('GET', `/api/jobs/${jobId}`);
    if (body.state === 'done' || body.state === 'failed') return body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`job ${jobId} did not finish`);
}

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe.skipIf(dialect === 'postgres' && !postgresServerUrl())(`stores and jobs API [${dialect}]`, () => {
    let shop: SeededShopify;
    let api: ApiHarness;
    const stopWorker = new AbortController();
    let worker: Promise<void>;

    beforeAll(async () => {
      shop = await startShopify([
        { title: 'Wool Scarf', handle: 'wool-scarf', variants: [{ sku: 'SCARF-1', price: '19.00', quantities: [6] }] },
        { title: 'No Sku Thing', variants: [{ sku: null, price: '1.00' }] },
      ]);
      api = await startApiHarness(dialect);
      worker = runWorker({ handle: api.database.handle, signal: stopWorker.signal, tasks: [], pollMs: 50 });
    });
    afterAll(async () => {
      stopWorker.abort();
      await worker;
      await api?.close();
      await shop?.close();
    });

    it('connects, imports with live progress, publishes, and logs — within the caller account only', async () => {
      const forged = await api.call('POST', '/api/stores', { platform: 'shopify', url: shop.url, credentials: { accessToken: 'shpat_forged' } });
      expect(forged.status).toBe(400);
      expect(forged.body.error.message).toMatch(/refused these credentials/);
      expect((await api.call('POST', '/api/stores', { platform: 'etsy', url: shop.url, credentials: {} })).status).toBe(400);

      const connected = await api.call('POST', '/api/stores', { platform: 'shopify', url: shop.url, credentials: shop.credentials, buffer: 1 });
      expect(connected.status).toBe(201);
      const storeId = connected.body.id as string;
      expect(connected.body).toMatchObject({ platform: 'shopify', buffer: 1, attributePolicy: 'merge', location: 'Main', webhooks: false });
      expect(JSON.stringify(connected.body)).not.toContain(shop.credentials.accessToken);
      expect((await api.call('POST', '/api/stores', { platform: 'shopify', url: shop.url, credentials: shop.credentials })).status).toBe(409);

      // Another account sees nothing of it.
      const other = { cookie: api.otherCookie };
      expect((await api.call('GET', `/api/stores/${storeId}`, undefined, other)).status).toBe(404);
      expect((await api.call('GET', '/api/stores', undefined, other)).body.items).toEqual([]);
      expect((await api.call('POST', `/api/stores/${storeId}/import`, undefined, other)).status).toBe(404);

      expect((await api.call('PATCH', `/api/stores/${storeId}`, { buffer: -1 })).status).toBe(400);
      expect((await api.call('PATCH', `/api/stores/${storeId}`, { locationId: 'Nowhere' })).status).toBe(404);
      const unknownRemote = await api.call('PATCH', `/api/stores/${storeId}`, { remoteLocationId: 'Attic' });
      expect(unknownRemote.status).toBe(400);
      expect(unknownRemote.body.error.message).toMatch(/has no location "Attic"; its locations are: Shop location/);
      const remote = await api.call('PATCH', `/api/stores/${storeId}`, { remoteLocationId: 'shop location' });
      expect(remote.body.remoteLocationId).toBe(connected.body.remoteLocationId);
      const patched = await api.call('PATCH', `/api/stores/${storeId}`, { buffer: 0, attributePolicy: 'skip' });
      expect(patched.body).toMatchObject({ buffer: 0, attributePolicy: 'skip' });

      const started = await api.call('POST', `/api/stores/${storeId}/import`);
      expect(started.status).toBe(202);
      const jobId = started.body.jobId as string;
      const events = await fetch(`${api.baseUrl}/api/jobs/${jobId}/events`, { headers: { cookie: api.cookie } });
      expect(events.headers.get('content-type')).toContain('text/event-stream');
      const stream = await events.text(); // the server ends the stream when the job has finished
      expect(stream).toMatch(/event: progress\ndata: \{/);
      expect(stream).toMatch(/event: end\ndata: \{"id":"[0-9a-f]+","state":"done"\}/);
      const job = await waitForJob(api, jobId);
      expect(job.summary).toEqual({ linked: 0, created: 1, skipped: [{ sku: '', reason: 'product "No Sku Thing" has a variant with no SKU (its only variant)' }] });
      expect((await api.call('GET', `/api/jobs/${jobId}`, undefined, other)).status).toBe(404);
      expect((await api.call('GET', '/api/jobs')).body.items.map((j: { id: string }) => j.id)).toContain(jobId);

      // A local product to publish.
      const product = await api.call('POST', '/api/products', { name: 'Tote Bag', ecommerce: true, variants: [{ sku: 'TOTE-1', price: '9.00' }] });
      expect(product.status).toBe(201);
      const local = await api.call('GET', `/api/stores/${storeId}/local-products`);
      expect(local.body.items).toEqual([{ productId: product.body.id, name: 'Tote Bag', preselected: true, fits: 'yes', selected: false }]);
      expect((await api.call('PUT', `/api/stores/${storeId}/selection`, { productIds: ['missing'] })).status).toBe(400);
      expect((await api.call('PUT', `/api/stores/${storeId}/selection`, { productIds: [product.body.id] })).body).toEqual({ productIds: [product.body.id] });

      const dry = await api.call('POST', `/api/stores/${storeId}/publish`, { dryRun: true });
      expect(dry.status).toBe(200);
      expect(dry.body).toEqual({ jobId: null, plan: { created: [{ productId: product.body.id, name: 'Tote Bag' }], blocked: [], failed: [] } });
      const publish = await api.call('POST', `/api/stores/${storeId}/publish`, {});
      expect(publish.status).toBe(202);
      const published = await waitForJob(api, publish.body.jobId);
      expect(published.summary.created).toEqual([{ productId: product.body.id, name: 'Tote Bag' }]);
      expect((await shop.state()).products.filter((p) => p.title === 'Tote Bag')).toHaveLength(1);
      expect((await api.call('POST', `/api/jobs/${publish.body.jobId}/retry`)).status).toBe(202);

      const links = await api.call('GET', `/api/store-links?productIds=${product.body.id},unknown`);
      expect(links.body.items).toEqual([
        { productId: product.body.id, storeId, storeName: connected.body.name, platform: 'shopify', remoteProductId: expect.any(String), syncState: 'changes waiting', lastError: null },
      ]);
      expect((await api.call('GET', `/api/store-links?productIds=${product.body.id}`, undefined, other)).body.items).toEqual([]);

      const log = await api.call('GET', `/api/sync-log?store=${storeId}`);
      expect(log.body.items.map((e: { kind: string }) => e.kind)).toEqual(expect.arrayContaining(['connect', 'import', 'publish']));
      expect((await api.call('GET', '/api/sync-log?outcome=maybe')).status).toBe(400);
      expect((await api.call('GET', '/api/sync-log', undefined, other)).body.items).toEqual([]);
    });
  });
}
