// The shared engine scenarios against the BigCommerce emulator over real HTTP, and the one thing
// only BigCommerce does: it applies absolute inventory adjustments some time after answering.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { defineEngineScenarios, importAndWait } from './engine-scenarios.ts';
import { bigcommerceTarget, startBigcommerceStore } from './bigcommerce-target.ts';
import type { RunningStore } from './platform-target.ts';
import { localQuantity, syncToIdle, waitFor } from '../stock-sync-fixtures.ts';
import { forEachDialect } from '../../support/databases.ts';
import { ensureDefaultAccount } from '../../../src/accounts/accounts.ts';
import { recordMovement } from '../../../src/stock/record-movement.ts';
import { connectStore } from '../../../src/sync/stores/connect-store.ts';
import { storeDrift, reconcileNow } from '../../../src/sync/reconcile/reconcile-service.ts';

defineEngineScenarios(bigcommerceTarget);

const APPLY_DELAY_MS = 1_500;

forEachDialect('BigCommerce applies stock adjustments asynchronously (e2e)', (handle) => {
  let store: RunningStore;
  let accountId = '';
  let storeId = '';

  beforeAll(async () => {
    store = await startBigcommerceStore([{ title: 'Slow Lamp', variants: [{ sku: 'ASYNC-1', price: '20.00', quantity: 10 }] }], APPLY_DELAY_MS);
    accountId = (await ensureDefaultAccount(handle())).id;
    storeId = (await connectStore(handle(), accountId, { platform: 'bigcommerce', url: store.url, credentials: store.credentials }, { publicUrl: null })).id;
    await importAndWait(handle(), accountId, storeId);
    await syncToIdle(handle());
  });

  afterAll(async () => {
    await store?.close();
  });

  it('sees no false drift while its own push is still being applied, and pushes once', async () => {
    await recordMovement(handle(), accountId, { sku: 'ASYNC-1', kind: 'sale', quantity: 3 });
    const before = await store.requests();
    await syncToIdle(handle());
    // The store has answered the adjustment but not applied it yet (it takes 1.5 s)…
    expect(await store.quantity('ASYNC-1')).toBe(10);
    // …which is our own write settling, not drift.
    expect(await storeDrift(handle(), accountId, storeId)).toEqual([]);
    expect((await reconcileNow(handle(), accountId, storeId, { dryRun: true })).found).toBe(0);
    await waitFor(async () => (await store.quantity('ASYNC-1')) === 7, 5_000);
    await syncToIdle(handle());
    const after = await store.requests();
    const adjustments = Object.entries(after.byOperation)
      .filter(([operation]) => /adjustments\/absolute/.test(operation))
      .reduce((sum, [operation, count]) => sum + count - (before.byOperation[operation] ?? 0), 0);
    expect(adjustments).toBe(1);
    expect(await localQuantity(handle(), accountId, 'ASYNC-1')).toBe(7);
  });
});
