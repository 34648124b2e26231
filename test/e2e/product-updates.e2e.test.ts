// Product updates against the Shopify emulator over HTTP: a master-field edit here reaches the
// store, a description edited on the store survives it, status stays, and a product deleted on
// the store is unlinked and reported, never deleted here.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startShopify, type SeededShopify } from './sync-fixtures.ts';
import { GRAPHQL_PATH } from '../../emulators/shopify/index.ts';
import { forEachDialect } from '../support/databases.ts';
import { ensureDefaultAccount } from '../../src/accounts/accounts.ts';
import { createProduct, getProduct, updateProduct } from '../../src/catalog/products.ts';
import { connectStore } from '../../src/sync/stores/connect-store.ts';
import { startImport } from '../../src/sync/import/start-import.ts';
import { startPublish } from '../../src/sync/publish/publish-plan.ts';
import { runJobUntilFinished } from '../../src/jobs/wait-for-job.ts';
import { pushProductUpdates } from '../../src/sync/product-updates/product-update-task.ts';
import { listSyncLog } from '../../src/sync/sync-log/sync-log.ts';

let shop: SeededShopify;

beforeAll(async () => {
  shop = await startShopify([{ title: 'Desk Lamp', handle: 'desk-lamp', description: '<p>Seed copy</p>', variants: [{ sku: 'LAMP-1', price: '25.00', quantities: [3] }] }]);
});
afterAll(async () => {
  await shop?.close();
});

async function editDescriptionOnStore(productId: string, descriptionHtml: string): Promise<void> {
  const response = await fetch(`${shop.url}${GRAPHQL_PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-shopify-access-token': shop.credentials.accessToken },
    body: JSON.stringify({
      query: 'mutation($id: ID!, $input: ProductSetInput!) { productSet(identifier: { id: $id }, input: $input, synchronous: true) { product { id } userErrors { message } } }',
      variables: { id: productId, input: { descriptionHtml } },
    }),
  });
  const body = (await response.json()) as { data?: { productSet: { userErrors: Array<{ message: string }> } } };
  expect(body.data?.productSet.userErrors).toEqual([]);
}

forEachDialect('product updates (e2e, Shopify emulator)', (getHandle) => {
  it('pushes master fields, never the description, and unlinks a product deleted on the store', async () => {
    await shop.control('reset', {});
    const handle = getHandle();
    const account = await ensureDefaultAccount(handle);
    const store = await connectStore(handle, account.id, { platform: 'shopify', url: shop.url, credentials: shop.credentials });
    const { jobId } = await startImport(handle, account.id, store.id);
    expect((await runJobUntilFinished(handle, account.id, jobId)).state).toBe('done');
    const lampId = (await handle.db.selectFrom('product').select('id').where('name', '=', 'Desk Lamp').executeTakeFirstOrThrow()).id;

    const remoteLamp = (await shop.state()).products.find((p) => p.handle === 'desk-lamp')!;
    await editDescriptionOnStore(remoteLamp.id, '<p>Written on the store</p>');
    expect((await pushProductUpdates(handle, { accountId: account.id })).updated).toBe(0); // nothing edited here yet

    const lamp = await getProduct(handle, account.id, lampId);
    await updateProduct(handle, account.id, lampId, { name: 'Desk Lamp Pro', variants: [{ id: lamp.variants[0].id, price: '30.00' }] });
    const pass = await pushProductUpdates(handle, { accountId: account.id });
    expect(pass).toMatchObject({ updated: 1, unlinked: [], failed: [] });
    const after = (await shop.state()).products.find((p) => p.id === remoteLamp.id)!;
    expect(after.title).toBe('Desk Lamp Pro');
    expect(after.variants.map((v) => [v.sku, v.price])).toEqual([['LAMP-1', '30.00']]);
    expect(after.description).toBe('<p>Written on the store</p>');
    expect(after.status).toBe('ACTIVE');
    expect((await pushProductUpdates(handle, { accountId: account.id })).updated).toBe(0);

    // Published, then gone from the store (the emulator goes back to its seed).
    const doomed = await createProduct(handle, account.id, { name: 'Gone Soon', ecommerce: true, variants: [{ sku: 'GONE-1', price: '2.00' }] });
    const { jobId: publishJob } = await startPublish(handle, account.id, store.id, { productIds: [doomed.id] });
    expect((await runJobUntilFinished(handle, account.id, publishJob!)).summary).toMatchObject({ created: [{ productId: doomed.id }] });
    await shop.control('reset', {});
    await updateProduct(handle, account.id, doomed.id, { name: 'Gone Soon (renamed)' });
    const gone = await pushProductUpdates(handle, { accountId: account.id });
    expect(gone.unlinked).toEqual([{ name: 'Gone Soon (renamed)', reason: 'the product was deleted on the store; it is unlinked and kept in Stockroom' }]);
    expect((await getProduct(handle, account.id, doomed.id)).name).toBe('Gone Soon (renamed)');
    expect(await handle.db.selectFrom('product_link').select('id').where('product_id', '=', doomed.id).execute()).toEqual([]);
    expect(await handle.db.selectFrom('variant_link').innerJoin('variant', 'variant.id', 'variant_link.variant_id').select('variant_link.id').where('variant.product_id', '=', doomed.id).execute()).toEqual([]);
    const log = await listSyncLog(handle, account.id, { storeId: store.id, kind: 'product-update' });
    expect(log[0]).toMatchObject({ outcome: 'partial' });
    expect(log[0].error).toMatch(/Gone Soon \(renamed\): the product was deleted on the store/);
  });
});
