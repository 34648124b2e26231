// The import writes several products per transaction: a product the catalogue refuses is skipped on
// its own (the rest of its batch is still imported), and a failure mid-batch leaves the whole batch
// unwritten and unrecorded, so a resumed job imports it again.
import { expect, it } from 'vitest';
import { forEachDialect } from '../support/databases.ts';
import { insertTestStore } from '../support/store-rows.ts';
import { ensureDefaultAccount } from '../../src/accounts/accounts.ts';
import type { DatabaseHandle } from '../../src/db/handle.ts';
import { getStoreRow } from '../../src/sync/stores/store-view.ts';
import { importRemoteProducts } from '../../src/sync/import/import-product.ts';
import { recordSyncLog } from '../../src/sync/sync-log/sync-log.ts';
import type { RemoteProduct } from '../../src/channels/channel.ts';


function remote(title: string, variants: Array<{ sku: string; size: string }>): RemoteProduct {
  return {
    remoteProductId: `rp-${title}`,
    handle: null,
    title,
    descriptionHtml: `<p>${title} description</p>`,
    status: 'active',
    options: [{ name: 'Size', values: [...new Set(variants.map((v) => v.size))] }],
    variants: variants.map((v, index) => ({
      remoteVariantId: `rv-${title}-${index}`,
      inventoryRef: `inv-${title}-${index}`,
      sku: v.sku,
      barcode: null,
      price: '2.50',
      weightKg: null,
      optionValues: [v.size],
      quantity: 3,
    })),
    updatedAt: null,
  };
}

async function setUp(handle: DatabaseHandle) {
  const account = await ensureDefaultAccount(handle);
  const main = (await handle.db.selectFrom('location').select('id').where('account_id', '=', account.id).executeTakeFirstOrThrow()).id;
  const store = await getStoreRow(handle.db, account.id, await insertTestStore(handle, account.id, main, 'Batch shop'));
  return { account, store };
}

/** The names of these products that exist locally (the tests of a file share one database). */
async function productNames(handle: DatabaseHandle, accountId: string, batch: RemoteProduct[]): Promise<string[]> {
  const rows = await handle.db.selectFrom('product').select('name').where('account_id', '=', accountId).where('name', 'in', batch.map((product) => product.title)).orderBy('name').execute();
  return rows.map((row) => row.name);
}

forEachDialect('import in batches', (getHandle) => {
  it('skips only the product the catalogue refuses and imports and records the rest of its batch', async () => {
    const handle = getHandle();
    const { account, store } = await setUp(handle);
    const batch = [
      remote('Alpha', [{ sku: 'ALPHA-S', size: 'S' }, { sku: 'ALPHA-M', size: 'M' }]),
      remote('Twice', [{ sku: 'TWICE-1', size: 'M' }, { sku: 'TWICE-2', size: 'M' }]), // one combination twice
      remote('Gamma', [{ sku: 'GAMMA-S', size: 'S' }]),
    ];
    // Recorded through the transaction it is given, as the job records its items.
    const outcomes = await importRemoteProducts(handle, store, batch, new Set(), (db, product, outcome) =>
      recordSyncLog(db, { accountId: account.id, storeId: store.id, kind: 'import', items: outcome.created, outcome: 'ok', durationMs: 0, error: null, details: { title: product.title } }),
    );

    expect(outcomes.map((outcome) => [outcome.created, outcome.linked])).toEqual([[2, 0], [0, 0], [1, 0]]);
    expect(outcomes[1]!.skipped.map((skip) => skip.sku)).toEqual(['TWICE-1', 'TWICE-2']);
    expect(outcomes[1]!.skipped[0]!.reason).toMatch(/^product "Twice": /);
    const records = await handle.db.selectFrom('sync_log').select(['details', 'items']).where('store_id', '=', store.id).execute();
    const recorded = records.map((row) => [JSON.parse(row.details ?? '{}').title, row.items]).sort();
    expect(recorded).toEqual([['Alpha', 2], ['Gamma', 1], ['Twice', 0]]); // each once: the rolled-back batch recorded nothing
    expect(await productNames(handle, account.id, batch)).toEqual(['Alpha', 'Gamma']);
    const links = await handle.db.selectFrom('variant_link').select('remote_variant_id').where('store_id', '=', store.id).orderBy('remote_variant_id').execute();
    expect(links.map((link) => link.remote_variant_id)).toEqual(['rv-Alpha-0', 'rv-Alpha-1', 'rv-Gamma-0']);
    const alpha = await handle.db.selectFrom('product').select(['description', 'unallocated', 'ecommerce']).where('account_id', '=', account.id).where('name', '=', 'Alpha').executeTakeFirstOrThrow();
    expect(alpha).toEqual({ description: '<p>Alpha description</p>', unallocated: 1, ecommerce: 1 });
  });

  it('writes nothing of a batch that fails part-way, and imports it without duplicates when run again', async () => {
    const handle = getHandle();
    const { account, store } = await setUp(handle);
    const batch = [remote('One', [{ sku: 'ONE-1', size: 'S' }]), remote('Two', [{ sku: 'TWO-1', size: 'S' }]), remote('Three', [{ sku: 'THREE-1', size: 'S' }])];
    const crash = importRemoteProducts(handle, store, batch, new Set(), async (_db, product) => {
      if (product.title === 'Two') throw new Error('the process died here');
    });
    await expect(crash).rejects.toThrow('the process died here');
    expect(await productNames(handle, account.id, batch)).toEqual([]);
    expect(await handle.db.selectFrom('variant_link').select('id').where('store_id', '=', store.id).execute()).toEqual([]);

    const again = await importRemoteProducts(handle, store, batch, new Set(), async () => undefined);
    expect(again.map((outcome) => outcome.created)).toEqual([1, 1, 1]);
    const rerun = await importRemoteProducts(handle, store, batch, new Set(), async () => undefined);
    expect(rerun.map((outcome) => [outcome.created, outcome.linked])).toEqual([[0, 1], [0, 1], [0, 1]]);
    expect(await productNames(handle, account.id, batch)).toEqual(['One', 'Three', 'Two']);
  });
});
