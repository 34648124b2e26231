// Drift injected on the Shopify emulator (a shopkeeper editing stock in the store's admin) is
// found by `store drift`, shown without change by a dry run, repaired by `store reconcile --wait`
// and by the sync loop when a reconcile is requested; each run records what it found and fixed.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startShopify, type SeededShopify } from './sync-fixtures.ts';
import { forEachDialect } from '../support/databases.ts';
import { runCli } from '../cli/cli-process.ts';
import { storeDrift, reconcileNow, requestStoreReconcile } from '../../src/sync/reconcile/reconcile-service.ts';
import { recordMovement } from '../../src/stock/record-movement.ts';
import { connectAndImport, listenApp, storeQuantity, syncToIdle } from './stock-sync-fixtures.ts';
import { createUser } from '../../src/auth/users.ts';
import { createAccount } from '../../src/accounts/accounts.ts';
import { PASSWORD, login, request } from '../http/api-harness.ts';

forEachDialect('drift and reconcile (e2e, Shopify emulator)', (getHandle, getDatabase) => {
  let shop: SeededShopify;
  let storeId = '';
  let accountId = '';

  beforeAll(async () => {
    shop = await startShopify([
      { title: 'Drifter', variants: [{ sku: 'DRIFT-A', price: '5.00', quantities: [10] }] },
      { title: 'Steady', variants: [{ sku: 'DRIFT-B', price: '5.00', quantities: [4] }] },
    ]);
    ({ storeId, accountId } = await connectAndImport(getHandle(), shop));
    await syncToIdle(getHandle());
  });

  afterAll(async () => {
    await shop?.close();
  });

  function cli(args: string[]) {
    const { options } = getDatabase();
    const env = options.url ? { DATABASE_URL: options.url } : {};
    const data = options.dataDir ? ['--data', options.dataDir] : [];
    return runCli([...args, ...data, '--json'], { env: { ...env, STOCKROOM_SECRET: process.env.STOCKROOM_SECRET } });
  }

  it('finds drift injected on the store, shows it in a dry run without changing it, and repairs it', async () => {
    const handle = getHandle();
    expect(await storeDrift(handle, accountId, storeId)).toEqual([]);
    await shop.control('inventory', { sku: 'DRIFT-A', quantity: 13 });

    const expected = [{ sku: 'DRIFT-A', location: 'Main', expected: 10, store: 13 }];
    const drift = await cli(['store', 'drift', storeId]);
    expect(drift.stderr).toBe('');
    expect(JSON.parse(drift.stdout)).toEqual(expected);

    const dryRun = await cli(['store', 'reconcile', storeId, '--dry-run']);
    expect(dryRun.code).toBe(0);
    expect(JSON.parse(dryRun.stdout)).toMatchObject({ dryRun: true, found: 1, fixed: 0, drift: expected });
    expect(await storeQuantity(shop, 'DRIFT-A')).toBe(13);

    const repaired = await cli(['store', 'reconcile', storeId, '--wait']);
    expect(repaired.code).toBe(0);
    expect(JSON.parse(repaired.stdout)).toMatchObject({ dryRun: false, found: 1, fixed: 1, remaining: [] });
    expect(await storeQuantity(shop, 'DRIFT-A')).toBe(10);
    expect(await storeQuantity(shop, 'DRIFT-B')).toBe(4);
    expect(await storeDrift(handle, accountId, storeId)).toEqual([]);

    const runs = await handle.db.selectFrom('reconcile_run').select(['dry_run', 'state', 'drift_found', 'drift_fixed']).where('store_id', '=', storeId).orderBy('started_at').execute();
    expect(runs.map((r) => [Number(r.dry_run), r.state, Number(r.drift_found), Number(r.drift_fixed)])).toEqual([
      [1, 'done', 1, 0],
      [0, 'done', 1, 1],
    ]);
  });

  it('repairs drift with expected = what was read, so a till sale meanwhile still ends right', async () => {
    const handle = getHandle();
    await shop.control('inventory', { sku: 'DRIFT-B', quantity: 0 });
    await recordMovement(handle, accountId, { sku: 'DRIFT-B', kind: 'sale', quantity: 1 });
    await syncToIdle(handle); // the push is stale (store shows 0, we expected 4): orders explain nothing, so a reconcile is requested and run
    expect(await storeQuantity(shop, 'DRIFT-B')).toBe(3);
    expect(await storeDrift(handle, accountId, storeId)).toEqual([]);
  });

  it('runs a requested reconcile in the sync loop', async () => {
    const handle = getHandle();
    await shop.control('inventory', { sku: 'DRIFT-A', quantity: 1 });
    await requestStoreReconcile(handle, accountId, storeId);
    await syncToIdle(handle);
    expect(await storeQuantity(shop, 'DRIFT-A')).toBe(10);
    const result = await reconcileNow(handle, accountId, storeId, { dryRun: true });
    expect(result.found).toBe(0);
  });

  it('serves drift and reconcile through the API, to the account that owns the store only', async () => {
    const handle = getHandle();
    const app = await listenApp(handle);
    try {
      await createUser(handle.db, { accountId, email: 'drift-owner@example.com', password: PASSWORD });
      const other = await createAccount(handle, { name: 'Rival shop' });
      await createUser(handle.db, { accountId: other.id, email: 'drift-rival@example.com', password: PASSWORD });
      const cookie = await login(app.baseUrl, 'drift-owner@example.com', PASSWORD);
      const rival = await login(app.baseUrl, 'drift-rival@example.com', PASSWORD);

      expect((await request(app.baseUrl, 'GET', `/api/stores/${storeId}/drift`)).status).toBe(401);
      expect((await request(app.baseUrl, 'GET', `/api/stores/${storeId}/drift`, { headers: { cookie: rival } })).status).toBe(404);

      await shop.control('inventory', { sku: 'DRIFT-B', quantity: 9 });
      const drift = await request(app.baseUrl, 'GET', `/api/stores/${storeId}/drift`, { headers: { cookie } });
      expect(drift.status).toBe(200);
      expect(drift.body).toEqual({ items: [{ sku: 'DRIFT-B', location: 'Main', expected: 3, store: 9 }] });

      const bad = await request(app.baseUrl, 'POST', `/api/stores/${storeId}/reconcile`, { body: { dryRun: 'yes' }, headers: { cookie } });
      expect(bad.status).toBe(400);
      const fixed = await request(app.baseUrl, 'POST', `/api/stores/${storeId}/reconcile`, { body: {}, headers: { cookie } });
      expect(fixed.status).toBe(200);
      expect(fixed.body).toMatchObject({ dryRun: false, found: 1, fixed: 1, remaining: [] });
      expect(await storeQuantity(shop, 'DRIFT-B')).toBe(3);
    } finally {
      await app.close();
    }
  });
});
