// Import against the Shopify emulator over HTTP: link by SKU (then barcode), never duplicate,
// new products land in Unallocated with the Ecommerce flag and their description, blank and
// duplicated SKUs are reported, a forged credential is refused at connect.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startShopify, type SeededShopify } from './sync-fixtures.ts';
import { forEachDialect } from '../support/databases.ts';
import { ensureDefaultAccount } from '../../src/accounts/accounts.ts';
import { createProduct, getProduct } from '../../src/catalog/products.ts';
import { createMasterItem } from '../../src/catalog/master-data.ts';
import { listProducts } from '../../src/catalog/listing.ts';
import { recordMovement } from '../../src/stock/record-movement.ts';
import { getStock } from '../../src/stock/stock-query.ts';
import { connectStore } from '../../src/sync/stores/connect-store.ts';
import { startImport } from '../../src/sync/import/start-import.ts';
import { runJobUntilFinished } from '../../src/jobs/wait-for-job.ts';
import { listSyncLog } from '../../src/sync/sync-log/sync-log.ts';
import type { DatabaseHandle } from '../../src/db/handle.ts';

let shop: SeededShopify;

beforeAll(async () => {
  shop = await startShopify([
    {
      title: 'Cotton Tee',
      handle: 'cotton-tee',
      description: '<p>Soft cotton, written on the store</p>',
      options: [
        { name: 'Color', values: ['Red'] },
        { name: 'Size', values: ['S', 'M'] },
      ],
      variants: [
        { sku: 'TEE-R-S', barcode: '5000000000011', price: '12.50', options: ['Red', 'S'], quantities: [5] },
        { sku: 'TEE-R-M', price: '12.50', options: ['Red', 'M'], quantities: [3] },
      ],
    },
    { title: 'Stoneware Mug', variants: [{ sku: 'MUG-1', price: '8.00', quantities: [7] }] },
    { title: 'Scanned Candle', variants: [{ sku: 'CANDLE-STORE', barcode: '4006381333931', price: '9.00', quantities: [4] }] },
    { title: 'Mystery Box', variants: [{ sku: null, price: '20.00', quantities: [1] }] },
    { title: 'Pin A', variants: [{ sku: 'PIN-DUP', price: '6.00', quantities: [2] }] },
    { title: 'Pin B', variants: [{ sku: 'pin-dup ', price: '6.00', quantities: [2] }] },
  ]);
});

afterAll(async () => {
  await shop?.close();
});

async function bulkExports(): Promise<number> {
  const requests = (await shop.control('requests')) as { byOperation: Record<string, number> };
  return requests.byOperation.bulkOperationRunQuery ?? 0;
}

async function importAndWait(handle: DatabaseHandle, accountId: string, storeId: string) {
  const { jobId } = await startImport(handle, accountId, storeId);
  const job = await runJobUntilFinished(handle, accountId, jobId);
  expect(job.error).toBeNull();
  expect(job.state).toBe('done');
  return job.summary as { linked: number; created: number; skipped: Array<{ sku: string; reason: string }> };
}

forEachDialect('store import (e2e, Shopify emulator)', (getHandle) => {
  it('refuses a forged credential at connect and saves nothing', async () => {
    const account = await ensureDefaultAccount(getHandle());
    await expect(connectStore(getHandle(), account.id, { platform: 'shopify', url: shop.url, credentials: { accessToken: 'shpat_forged' } })).rejects.toThrow(
      /refused these credentials/,
    );
    expect(await getHandle().db.selectFrom('store').selectAll().execute()).toEqual([]);
  });

  it('registers webhooks signed with the app secret when a public address is set', async () => {
    const { createAccount } = await import('../../src/accounts/accounts.ts');
    const { createCredentialCipher } = await import('../../src/security/credential-cipher.ts');
    const account = await createAccount(getHandle(), { name: `Webhook shop ${Math.random()}` });
    const store = await connectStore(getHandle(), account.id, { platform: 'shopify', url: shop.url, credentials: shop.credentials }, { publicUrl: 'https://stockroom.example/' });
    expect(store.webhooks).toBe(true);
    expect(store.webhookNote).toBeNull();
    const row = await getHandle().db.selectFrom('store').select('webhook_secret_encrypted').where('id', '=', store.id).executeTakeFirstOrThrow();
    expect(row.webhook_secret_encrypted).not.toContain(shop.credentials.webhookSecret);
    expect(createCredentialCipher().decrypt(row.webhook_secret_encrypted!)).toBe(shop.credentials.webhookSecret);

    const withoutSecret = await createAccount(getHandle(), { name: `No secret ${Math.random()}` });
    const polled = await connectStore(getHandle(), withoutSecret.id, { platform: 'shopify', url: shop.url, credentials: { accessToken: shop.credentials.accessToken } }, { publicUrl: 'https://stockroom.example' });
    expect(polled.webhooks).toBe(false);
    expect(polled.webhookNote).toMatch(/webhookSecret/);
  });

  it('links by SKU and barcode, creates the rest in Unallocated, reports blank and duplicated SKUs; a second run changes nothing', async () => {
    const handle = getHandle();
    const account = await ensureDefaultAccount(handle);
    // Existing local catalogue, fully allocated: a mug with the store's SKU in other case, a candle
    // matched only by barcode.
    const allocated = {
      productGroupId: (await createMasterItem(handle, account.id, 'product_group', { name: `Kitchen ${Math.random()}` })).id,
      brandId: (await createMasterItem(handle, account.id, 'brand', { name: `Potter ${Math.random()}` })).id,
      supplierId: (await createMasterItem(handle, account.id, 'supplier', { name: `Clay Co ${Math.random()}` })).id,
      taxGroupId: (await createMasterItem(handle, account.id, 'tax_group', { name: `Standard ${Math.random()}`, rate: '20' })).id,
      productType: 'fixed' as const,
    };
    const mug = await createProduct(handle, account.id, { name: 'Mug (local name)', ...allocated, variants: [{ sku: ' mug-1', price: '7.50', costPrice: '3.00' }] });
    await recordMovement(handle, account.id, { sku: 'MUG-1', kind: 'receipt', quantity: 2 });
    const candle = await createProduct(handle, account.id, {
      name: 'Candle',
      ...allocated,
      variants: [{ sku: 'CANDLE-LOCAL', barcode: '4006381333931', price: '9.00', costPrice: '4.00' }],
    });
    expect((await listProducts(handle, account.id, { productGroup: 'unallocated' })).items).toEqual([]);

    const store = await connectStore(handle, account.id, { platform: 'shopify', url: shop.url, credentials: shop.credentials });
    expect(store.remoteLocationId).toBeTruthy();
    const stored = await handle.db.selectFrom('store').select('credentials_encrypted').where('id', '=', store.id).executeTakeFirstOrThrow();
    expect(stored.credentials_encrypted).not.toContain(shop.credentials.accessToken);

    const exportsBefore = await bulkExports();
    const first = await importAndWait(handle, account.id, store.id);
    expect((await bulkExports()) - exportsBefore).toBe(1); // one export serves both passes
    expect(first.linked).toBe(2);
    expect(first.created).toBe(2);
    expect(first.skipped.map((s) => s.sku).sort()).toEqual(['', 'PIN-DUP', 'pin-dup']);
    expect(first.skipped.find((s) => s.sku === '')!.reason).toMatch(/Mystery Box.*no SKU/);
    expect(first.skipped.find((s) => s.sku === 'PIN-DUP')!.reason).toMatch(/more than one variant/);

    // The tee is new here: Unallocated, Ecommerce on, description kept, opening stock from the store.
    const products = await handle.db.selectFrom('product').select(['id', 'name']).where('account_id', '=', account.id).orderBy('name').execute();
    expect(products.map((p) => p.name)).toEqual(['Candle', 'Cotton Tee', 'Mug (local name)']);
    const unallocated = await listProducts(handle, account.id, { productGroup: 'unallocated' });
    expect(unallocated.items.map((p) => [p.name, p.missingFields, p.ecommerce])).toEqual([
      ['Cotton Tee', ['group', 'brand', 'supplier', 'productType', 'taxGroup', 'costPrice'], true],
    ]);
    const tee = await getProduct(handle, account.id, products.find((p) => p.name === 'Cotton Tee')!.id);
    expect(tee.productGroupId).toBeNull();
    expect(tee.unallocated).toBe(true);
    expect(tee.missingFields).toEqual(expect.arrayContaining(['group', 'brand', 'supplier', 'productType', 'taxGroup', 'costPrice']));
    expect(tee.ecommerce).toBe(true);
    expect(tee.description).toBe('<p>Soft cotton, written on the store</p>');
    expect(tee.attributes).toEqual([
      { name: 'Color', values: ['Red'] },
      { name: 'Size', values: ['S', 'M'] },
    ]);
    expect(tee.variants.map((v) => [v.sku, v.barcode, v.price, v.values])).toEqual([
      ['TEE-R-S', '5000000000011', '12.50', ['Red', 'S']],
      ['TEE-R-M', null, '12.50', ['Red', 'M']],
    ]);
    expect((await getStock(handle, account.id, 'TEE-R-S')).total).toBe(5);

    // The mug existed: it keeps its local stock (2, not the store's 7) and is marked to be pushed.
    expect((await getStock(handle, account.id, 'MUG-1')).total).toBe(2);
    const links = await handle.db
      .selectFrom('variant_link')
      .innerJoin('variant', 'variant.id', 'variant_link.variant_id')
      .select(['variant.sku', 'variant_link.dirty', 'variant_link.last_known_remote_qty', 'variant.product_id'])
      .where('variant_link.store_id', '=', store.id)
      .orderBy('variant.sku')
      .execute();
    const rows = links.map((l) => [l.sku, Number(l.dirty), Number(l.last_known_remote_qty)]).sort((a, b) => String(a[0]).toLowerCase().localeCompare(String(b[0]).toLowerCase()));
    expect(rows).toEqual([
      ['CANDLE-LOCAL', 1, 4],
      ['mug-1', 1, 7],
      ['TEE-R-M', 0, 3],
      ['TEE-R-S', 0, 5],
    ]);
    expect(links.find((l) => l.sku === 'CANDLE-LOCAL')!.product_id).toBe(candle.id);
    expect(links.find((l) => l.sku === 'mug-1')!.product_id).toBe(mug.id);

    // Running it again links the same variants and creates nothing.
    const second = await importAndWait(handle, account.id, store.id);
    expect(second).toEqual({ linked: 4, created: 0, skipped: first.skipped });
    expect(await handle.db.selectFrom('product').select('id').where('account_id', '=', account.id).execute()).toHaveLength(3);
    expect(await handle.db.selectFrom('variant_link').select('id').where('store_id', '=', store.id).execute()).toHaveLength(4);

    const log = await listSyncLog(handle, account.id, { storeId: store.id, kind: 'import' });
    expect(log).toHaveLength(2);
    expect(log[0]).toMatchObject({ outcome: 'partial', items: 7 });
  });
});
