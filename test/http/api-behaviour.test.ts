// What every route shares: JSON errors for bad input, strict bodies, account scoping, the OpenAPI
// document. Runs on SQLite and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresServerUrl } from '../support/databases.ts';
import { request, startApiHarness, type ApiHarness } from './api-harness.ts';

for (const dialect of ['sqlite', 'postgres'] as const) {
  const unavailable = dialect === 'postgres' && !postgresServerUrl();
  describe.skipIf(unavailable)(`API behaviour [${dialect}]${unavailable ? ' — SKIPPED: no PostgreSQL server answered' : ''}`, () => {
    let api: ApiHarness;
    beforeAll(async () => {
      api = await startApiHarness(dialect);
    });
    afterAll(async () => {
      await api?.close();
    });

    it('answers malformed JSON with 400 malformed_json, never a 500', async () => {
      const response = await request(api.baseUrl, 'POST', '/api/brands', { rawBody: '{"name": "Acme",', headers: { cookie: api.cookie } });
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('malformed_json');
      expect(response.body.error.message).toMatch(/^The request body is not valid JSON/);
      expect(response.body.error).toHaveProperty('details');
      const login = await request(api.baseUrl, 'POST', '/api/auth/login', { rawBody: 'nope' });
      expect(login.status).toBe(400);
    });

    it('takes only JSON under /api; a form-encoded body (a WooCommerce webhook ping) reaches /webhooks routes', async () => {
      const form = { 'content-type': 'application/x-www-form-urlencoded' };
      const api415 = await request(api.baseUrl, 'POST', '/api/brands', { rawBody: 'name=Acme', headers: { ...form, cookie: api.cookie } });
      expect(api415.status).toBe(415);
      expect(api415.body.error).toEqual({ code: 'unsupported_media_type', message: 'Send the body as application/json.', details: null });
      expect((await api.call('GET', '/api/brands')).body.items).toEqual([]);
      const ping = await request(api.baseUrl, 'POST', '/webhooks/no-such-store', { rawBody: 'webhook_id=7', headers: form });
      expect(ping.status).toBe(404);
      expect(ping.body.error.message).toBe('No store no-such-store takes webhooks here.');
    });

    it('refuses an unknown field with 400 naming it, and writes nothing', async () => {
      const response = await api.call('POST', '/api/brands', { name: 'Acme', colour: 'red' });
      expect(response.status).toBe(400);
      expect(response.body.error).toMatchObject({ code: 'invalid_input', message: 'Unknown field in the body: colour.' });
      expect((await api.call('GET', '/api/brands')).body.items).toEqual([]);
      const nested = await api.call('POST', '/api/stock/movements', { sku: 'X', quantity: 1, kind: 'sale', extra: true });
      expect(nested.body.error.message).toBe('Unknown field in the body: extra.');
      const query = await api.call('GET', '/api/stock?sku=A&colour=red');
      expect(query.status).toBe(400);
      expect(query.body.error.message).toBe('Unknown field in the query string: colour.');
    });

    it('names a missing or mistyped field', async () => {
      const missing = await api.call('POST', '/api/tax-groups', { name: 'Standard' });
      expect(missing.status).toBe(400);
      expect(missing.body.error.message).toBe('The body is missing the field rate.');
      const badKind = await api.call('POST', '/api/stock/movements', { sku: 'X', quantity: 1, kind: 'theft' });
      expect(badKind.status).toBe(400);
      expect(badKind.body.error.message).toMatch(/^kind: /);
      const tooPrecise = await api.call('POST', '/api/stock/movements', { sku: 'X', quantity: 1.0005, kind: 'receipt' });
      expect(tooPrecise.body.error.message).toBe('quantity: has more than 3 decimal places');
    });

    it("answers another account's ids with 404 and leaves them untouched", async () => {
      const theirs = await request(api.baseUrl, 'POST', '/api/brands', { body: { name: 'Rival brand' }, headers: { cookie: api.otherCookie } });
      expect(theirs.status).toBe(201);
      const rename = await api.call('PATCH', `/api/brands/${theirs.body.id}`, { name: 'Stolen' });
      expect(rename.status).toBe(404);
      expect(rename.body.error.code).toBe('not_found');
      expect((await api.call('DELETE', `/api/brands/${theirs.body.id}`)).status).toBe(404);
      const theirLocations = await request(api.baseUrl, 'GET', '/api/locations', { headers: { cookie: api.otherCookie } });
      expect((await api.call('DELETE', `/api/locations/${theirLocations.body.items[0].id}`)).status).toBe(404);
      const stillThere = await request(api.baseUrl, 'GET', '/api/brands', { headers: { cookie: api.otherCookie } });
      expect(stillThere.body.items).toEqual([{ id: theirs.body.id, name: 'Rival brand' }]);
      expect((await api.call('GET', '/api/brands')).body.items).toEqual([]);
    });

    it('master data: create, list, rename, duplicate → 409, delete; the system group Unallocated is listed and fixed', async () => {
      const tax = await api.call('POST', '/api/tax-groups', { name: 'Standard', rate: '20' });
      expect(tax.status).toBe(201);
      expect(tax.body).toEqual({ id: expect.any(String), name: 'Standard', rate: '20' });
      expect((await api.call('POST', '/api/tax-groups', { name: ' standard ', rate: 5 })).status).toBe(409);
      const renamed = await api.call('PATCH', `/api/tax-groups/${tax.body.id}`, { rate: 8.875 });
      expect(renamed.body.rate).toBe('8.875');
      const groups = await api.call('GET', '/api/product-groups');
      expect(groups.body.items[0]).toEqual({ id: 'unallocated', name: 'Unallocated', system: true });
      expect((await api.call('DELETE', '/api/product-groups/unallocated')).status).toBe(400);
      expect((await api.call('DELETE', `/api/tax-groups/${tax.body.id}`)).status).toBe(204);
      const locations = await api.call('GET', '/api/locations');
      expect(locations.body.items.map((location: { name: string }) => location.name)).toEqual(['Main']);
    });

    it('answers an unknown API route with a JSON 404', async () => {
      const response = await api.call('GET', '/api/nothing-here');
      expect(response.status).toBe(404);
      expect(response.body).toEqual({ error: { code: 'not_found', message: 'There is no route GET /api/nothing-here.', details: null } });
    });

    it('documents every route the server answers in /api/openapi.json, with its parameters and body', async () => {
      const response = await api.call('GET', '/api/openapi.json');
      expect(response.status).toBe(200);
      const document = response.body;
      expect(document.openapi).toBe('3.1.0');
      const served = api.app.allRoutes.filter((route) => route.method !== 'HEAD' && /^\/(api|webhooks)\//.test(route.url));
      expect(served.length).toBeGreaterThan(20);
      for (const route of served) {
        const path = route.url.replace(/:(\w+)/g, '{$1}');
        expect(document.paths[path]?.[route.method.toLowerCase()], `${route.method} ${route.url} is not documented`).toBeDefined();
      }
      const move = document.paths['/api/stock/movements'].post;
      expect(move.requestBody.content['application/json'].schema.properties).toHaveProperty('quantity');
      expect(move.requestBody.content['application/json'].schema.additionalProperties).toBe(false);
      expect(document.paths['/api/brands/{id}'].patch.parameters).toEqual([expect.objectContaining({ name: 'id', in: 'path', required: true })]);
      expect(document.paths['/api/auth/login'].post.security).toEqual([]);
      expect(Object.keys(document.paths['/api/brands/{id}'].delete.responses)).toContain('204');
      expect(Object.keys(document.paths['/api/auth/logout'].post.responses)).toContain('204');
      expect(document.paths['/api/users'].get.security).toEqual([{ sessionCookie: [] }, { bearerToken: [] }]);
      // A listing's total says whether it is exact (a text search stops counting at 1,000).
      for (const list of ['/api/products', '/api/variants']) {
        const page = document.paths[list].get.responses['200'].content['application/json'].schema;
        expect(page.required).toEqual(expect.arrayContaining(['items', 'total', 'totalIsExact']));
        expect(page.properties.totalIsExact).toMatchObject({ type: 'boolean', description: expect.stringContaining('1,000') });
        expect(page.properties.total.description).toMatch(/more than/);
      }
    });
  });
}
