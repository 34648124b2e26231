// Store settings mark links for the pusher; per-product import rules that the Shopify emulator
// cannot produce (more than 5 options, one remote product matching two local products).
import { expect, it } from 'vitest';
import { forEachDialect } from '../support/databases.ts';
import { insertTestStore } from '../support/store-rows.ts';
import { ensureDefaultAccount } from '../../src/accounts/accounts.ts';
import { createLocation } from '../../src/accounts/locations.ts';
import { createProduct } from '../../src/catalog/products.ts';
import { updateStoreSettings } from '../../src/sync/stores/store-settings.ts';
import { getStoreRow } from '../../src/sync/stores/store-view.ts';
import { importRemoteProduct } from '../../src/sync/import/import-product.ts';
import type { RemoteProduct } from '../../src/channels/channel.ts';


function remote(title: string, options: string[], variants: Array<{ sku: string | null; values: string[]; barcode?: string }>): RemoteProduct {
  return {
    remoteProductId: `rp-${title}`,
    handle: null,
    title,
    descriptionHtml: null,
    status: 'active',
    options: options.map((name, index) => ({ name, values: [...new Set(variants.map((v) => v.values[index]))] })),
    variants: variants.map((v, index) => ({
      remoteVariantId: `rv-${title}-${index}`,
      inventoryRef: `inv-${title}-${index}`,
      sku: v.sku,
      barcode: v.barcode ?? null,
      price: '1.00',
      weightKg: null,
      optionValues: v.values,
      quantity: 1,
    })),
    updatedAt: null,
  };
}

forEachDialect('store settings and import rules', (getHandle) => {
  it('marks every link of the store dirty when the buffer or shown location changes, and only then', async () => {
    const handle = getHandle();
    const account = await ensureDefaultAccount(handle);
    const main = (await handle.db.selectFrom('location').select('id').where('account_id', '=', account.id).executeTakeFirstOrThrow()).id;
    const storeId = await insertTestStore(handle, account.id, main);
    const store = await getStoreRow(handle.db, account.id, storeId);
    await createProduct(handle, account.id, { name: 'Linked', variants: [{ sku: 'LINKED-1', price: '1.00' }] });
    const outcome = await importRemoteProduct(handle, store, remote('Linked remote', [], [{ sku: 'linked-1', values: [] }]), new Set());
    expect(outcome).toEqual({ linked: 1, created: 0, skipped: [] });
    await handle.db.updateTable('variant_link').set({ dirty: 0 }).where('store_id', '=', storeId).execute();
    const generation = async () => (await handle.db.selectFrom('variant_link').select(['dirty', 'dirty_generation']).where('store_id', '=', storeId).executeTakeFirstOrThrow());

    await updateStoreSettings(handle, account.id, storeId, { attributePolicy: 'skip' });
    expect(Number((await generation()).dirty)).toBe(0);
    await updateStoreSettings(handle, account.id, storeId, { buffer: '2' });
    expect(await generation()).toMatchObject({ dirty: 1 });
    const afterBuffer = Number((await generation()).dirty_generation);
    await handle.db.updateTable('variant_link').set({ dirty: 0 }).where('store_id', '=', storeId).execute();
    await updateStoreSettings(handle, account.id, storeId, { buffer: 2 });
    expect(Number((await generation()).dirty)).toBe(0);
    const backRoom = await createLocation(handle, account.id, { name: 'Back room' });
    const view = await updateStoreSettings(handle, account.id, storeId, { location: 'back room', ordersLocation: 'Main' });
    expect(view).toMatchObject({ location: 'Back room', locationId: backRoom.id, ordersLocation: 'Main', buffer: 2, attributePolicy: 'skip' });
    expect(Number((await generation()).dirty_generation)).toBe(afterBuffer + 1);

    await expect(updateStoreSettings(handle, account.id, storeId, { buffer: -1 })).rejects.toThrow(/whole number of units/);
    await expect(updateStoreSettings(handle, account.id, storeId, { attributePolicy: 'squash' })).rejects.toThrow(/"merge" or "skip"/);
    await expect(updateStoreSettings(handle, account.id, storeId, { location: 'Attic' })).rejects.toThrow(/no location "Attic"/);
    await expect(updateStoreSettings(handle, account.id, 'nope', { buffer: 1 })).rejects.toThrow(/no store nope/);
  });

  it('reports a product with more than 5 options and one whose variants match two local products', async () => {
    const handle = getHandle();
    const account = await ensureDefaultAccount(handle);
    const main = (await handle.db.selectFrom('location').select('id').where('account_id', '=', account.id).executeTakeFirstOrThrow()).id;
    const store = await getStoreRow(handle.db, account.id, await insertTestStore(handle, account.id, main));

    const six = await importRemoteProduct(handle, store, remote('Six', ['A', 'B', 'C', 'D', 'E', 'F'], [{ sku: 'SIX-1', values: ['1', '2', '3', '4', '5', '6'] }]), new Set());
    expect(six).toEqual({ linked: 0, created: 0, skipped: [{ sku: 'SIX-1', reason: 'product "Six" has 6 options; Stockroom keeps at most 5 attributes' }] });

    const left = await createProduct(handle, account.id, { name: 'Left', variants: [{ sku: 'SPLIT-L', price: '1.00' }] });
    await createProduct(handle, account.id, { name: 'Right', variants: [{ sku: 'SPLIT-R', price: '1.00' }] });
    const split = await importRemoteProduct(
      handle,
      store,
      remote('Split', ['Side'], [
        { sku: 'SPLIT-L', values: ['L'] },
        { sku: 'SPLIT-R', values: ['R'] },
        { sku: 'SPLIT-NEW', values: ['N'] },
      ]),
      new Set(),
    );
    expect(split.linked).toBe(1);
    expect(split.created).toBe(0);
    expect(split.skipped).toEqual([
      { sku: 'SPLIT-R', reason: 'it matches local product "Right", but the rest of "Split" matches "Left"' },
      { sku: 'SPLIT-NEW', reason: 'the store\'s option "Side" is not an attribute of local product "Left"; add it there and import again' },
    ]);
    const link = await handle.db.selectFrom('product_link').select('product_id').where('store_id', '=', store.id).where('remote_product_id', '=', 'rp-Split').executeTakeFirstOrThrow();
    expect(link.product_id).toBe(left.id);
    expect(await handle.db.selectFrom('product').select('id').where('account_id', '=', account.id).where('name', '=', 'Split').execute()).toEqual([]);
  });
});
