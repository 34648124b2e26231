// What the store screens read from the API instead of guessing, over real HTTP against the
// Shopify emulator, on both dialects, for the owning account only: whether a publish selection
// was saved (even an empty one), the platform's limits from its connector with what the request
// governor last saw, and the drift found and fixed by the last reconcile.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startShopify, type SeededShopify } from './sync-fixtures.ts';
import { startApiHarness, type ApiHarness } from '../http/api-harness.ts';
import { postgresServerUrl } from '../support/databases.ts';
import { SHOPIFY_LIMITS } from '../../src/channels/shopify/index.ts';
import { startImport } from '../../src/sync/import/start-import.ts';
import { runJobUntilFinished } from '../../src/jobs/wait-for-job.ts';

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe.skipIf(dialect === 'postgres' && !postgresServerUrl())(`store view answers [${dialect}]`, () => {
    let shop: SeededShopify;
    let api: ApiHarness;
    let storeId = '';
    const other = () => ({ cookie: api.otherCookie });

    beforeAll(async () => {
      shop = await startShopify([{ title: 'Wool Scarf', handle: 'wool-scarf', variants: [{ sku: 'SCARF-1', price: '19.00', quantities: [6] }] }]);
      api = await startApiHarness(dialect);
      const connected = await api.call('POST', '/api/stores', { platform: 'shopify', url: shop.url, credentials: shop.credentials, buffer: 0 });
      expect(connected.status).toBe(201);
      storeId = connected.body.id;
    });
    afterAll(async () => {
      await api?.close();
      await shop?.close();
    });

    it('says whether a selection was saved, an empty one included, for the owner only', async () => {
      const flagged = await api.call('POST', '/api/products', { name: 'Tote Bag', ecommerce: true, variants: [{ sku: 'TOTE-1', price: '9.00' }] });
      expect(flagged.status).toBe(201);

      const before = await api.call('GET', `/api/stores/${storeId}/local-products`);
      expect(before.body).toEqual({ items: [expect.objectContaining({ name: 'Tote Bag', preselected: true, selected: false })], total: 1, hasSavedSelection: false });

      // Another account can neither read nor save it.
      expect((await api.call('GET', `/api/stores/${storeId}/local-products`, undefined, other())).status).toBe(404);
      expect((await api.call('PUT', `/api/stores/${storeId}/selection`, { productIds: [] }, other())).status).toBe(404);
      expect((await api.call('GET', `/api/stores/${storeId}/local-products`)).body.hasSavedSelection).toBe(false);

      // "Select none", saved: nothing is to be ticked, and the Ecommerce flag no longer decides.
      expect((await api.call('PUT', `/api/stores/${storeId}/selection`, { productIds: [] })).status).toBe(200);
      const empty = await api.call('GET', `/api/stores/${storeId}/local-products`);
      expect(empty.body).toMatchObject({ hasSavedSelection: true, items: [{ name: 'Tote Bag', preselected: true, selected: false }] });

      // A refused save changes nothing.
      expect((await api.call('PUT', `/api/stores/${storeId}/selection`, { productIds: ['missing'] })).status).toBe(400);
      const saved = await api.call('PUT', `/api/stores/${storeId}/selection`, { productIds: [flagged.body.id] });
      expect(saved.status).toBe(200);
      expect((await api.call('GET', `/api/stores/${storeId}/local-products`)).body).toMatchObject({ hasSavedSelection: true, items: [{ selected: true }] });
    });

    it("gives the platform's limits from its connector and what the governor last heard from the store", async () => {
      const { body: store } = await api.call('GET', `/api/stores/${storeId}`);
      const { maxOptions, maxVariants, quantityBatchSize, rateBudget } = SHOPIFY_LIMITS;
      expect(store.limits).toEqual({ maxOptions, maxVariants, quantityBatchSize, rateBudget });
      expect(store.limits).toEqual({ maxOptions: 3, maxVariants: 2048, quantityBatchSize: 250, rateBudget: { kind: 'cost-bucket', maximum: 2000, restorePerSecond: 100 } });
      // Connecting asked the store who it is: the emulator's bucket, as its answer reported it.
      expect(store.governor).toMatchObject({
        budget: { kind: 'cost-bucket', maximum: 2000, restorePerSecond: 100, available: expect.any(Number) },
        lastAnswerAt: expect.any(String),
        throttled: 0,
      });
      expect(store.governor.requests).toBeGreaterThan(0);

      // A refusal for want of points is counted.
      await shop.control('faults', { throttleRate: 1 });
      expect((await api.call('GET', `/api/stores/${storeId}/drift`)).status).toBe(409);
      await shop.control('faults', { throttleRate: 0 });
      const after = (await api.call('GET', `/api/stores/${storeId}`)).body;
      expect(after.governor.throttled).toBe(1);
      expect(after.governor.requests).toBeGreaterThan(store.governor.requests);

      const listed = (await api.call('GET', '/api/stores')).body.items;
      expect(listed).toMatchObject([{ id: storeId, limits: store.limits, governor: { throttled: 1 } }]);
      expect((await api.call('GET', `/api/stores/${storeId}`, undefined, other())).status).toBe(404);
      expect((await api.call('GET', '/api/stores', undefined, other())).body.items).toEqual([]);
    });

    it('gives the drift found and fixed by the last reconcile, and when', async () => {
      const { jobId } = await startImport(api.database.handle, api.account.id, storeId);
      expect((await runJobUntilFinished(api.database.handle, api.account.id, jobId)).state).toBe('done');
      expect((await api.call('GET', `/api/stores/${storeId}`)).body.lastReconcile).toBeNull();

      await shop.control('inventory', { sku: 'SCARF-1', quantity: 9 });
      const dry = await api.call('POST', `/api/stores/${storeId}/reconcile`, { dryRun: true });
      expect(dry.body).toMatchObject({ found: 1, fixed: 0 });
      const afterDry = (await api.call('GET', `/api/stores/${storeId}`)).body.lastReconcile;
      expect(afterDry).toEqual({ found: 1, fixed: 0, dryRun: true, at: expect.any(String) });

      // A reading of the drift alone is not a run; a repair is.
      expect((await api.call('GET', `/api/stores/${storeId}/drift`)).body.items).toHaveLength(1);
      const repaired = await api.call('POST', `/api/stores/${storeId}/reconcile`, {});
      expect(repaired.body).toMatchObject({ found: 1, fixed: 1, remaining: [] });
      const last = (await api.call('GET', `/api/stores/${storeId}`)).body.lastReconcile;
      expect(last).toEqual({ found: 1, fixed: 1, dryRun: false, at: expect.any(String) });
      expect(last.at >= afterDry.at).toBe(true);
      expect((await api.call('GET', '/api/stores')).body.items[0].lastReconcile).toEqual(last);

      // Another account cannot run one on it.
      expect((await api.call('POST', `/api/stores/${storeId}/reconcile`, {}, other())).status).toBe(404);
    });

    it('documents the new fields in the OpenAPI document', async () => {
      const { body: doc } = await api.call('GET', '/api/openapi.json');
      const storeSchema = doc.paths['/api/stores/{id}'].get.responses['200'].content['application/json'].schema;
      expect(Object.keys(storeSchema.properties)).toEqual(expect.arrayContaining(['limits', 'governor', 'lastReconcile']));
      expect(storeSchema.properties.limits.properties.rateBudget.oneOf ?? storeSchema.properties.limits.properties.rateBudget.anyOf).toHaveLength(3);
      const local = doc.paths['/api/stores/{id}/local-products'].get.responses['200'].content['application/json'].schema;
      expect(local.required).toContain('hasSavedSelection');
    });
  });
}
