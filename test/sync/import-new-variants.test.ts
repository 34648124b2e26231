// A store variant that matches nothing here, inside a store product linked to a local product, is
// added to that local product with its values mapped onto the local attributes, linked, and given
// the store's stock as its opening balance; what cannot be mapped is reported with the reason.
// (The same on every platform's emulator is pinned by the engine scenarios in test/e2e/platforms/.)
import { expect, it } from 'vitest';
import { forEachDialect } from '../support/databases.ts';
import { insertTestStore } from '../support/store-rows.ts';
import { ensureDefaultAccount } from '../../src/accounts/accounts.ts';
import { createProduct, getProduct } from '../../src/catalog/products.ts';
import type { DatabaseHandle } from '../../src/db/handle.ts';
import { getStoreRow, type StoreRow } from '../../src/sync/stores/store-view.ts';
import { importRemoteProduct } from '../../src/sync/import/import-product.ts';
import { markEditedProductLinks } from '../../src/sync/product-updates/detect-edits.ts';
import type { RemoteProduct } from '../../src/channels/channel.ts';

async function newStore(handle: DatabaseHandle): Promise<{ accountId: string; store: StoreRow }> {
  const account = await ensureDefaultAccount(handle);
  const main = (await handle.db.selectFrom('location').select('id').where('account_id', '=', account.id).executeTakeFirstOrThrow()).id;
  const id = await insertTestStore(handle, account.id, main, 'Web shop');
  return { accountId: account.id, store: await getStoreRow(handle.db, account.id, id) };
}

interface RemoteVariantSpec {
  sku: string | null;
  values: string[];
  quantity?: number | null;
  price?: string;
  barcode?: string;
}

function remote(id: string, title: string, options: string[], variants: RemoteVariantSpec[]): RemoteProduct {
  return {
    remoteProductId: id,
    handle: null,
    title,
    descriptionHtml: '<p>from the store</p>',
    status: 'active',
    options: options.map((name, index) => ({ name, values: [...new Set(variants.map((v) => v.values[index] ?? ''))] })),
    variants: variants.map((v, index) => ({
      remoteVariantId: `${id}-v${index}`,
      inventoryRef: `${id}-inv${index}`,
      sku: v.sku,
      barcode: v.barcode ?? null,
      price: v.price ?? '12.50',
      weightKg: null,
      optionValues: v.values,
      quantity: v.quantity === undefined ? 4 : v.quantity,
    })),
    updatedAt: null,
  };
}

async function onHand(handle: DatabaseHandle, sku: string): Promise<number> {
  const row = await handle.db
    .selectFrom('stock_level')
    .innerJoin('variant', 'variant.id', 'stock_level.variant_id')
    .select((eb) => eb.fn.sum<number>('stock_level.quantity_milli').as('milli'))
    .where('variant.sku', '=', sku)
    .executeTakeFirst();
  return Number(row?.milli ?? 0) / 1000;
}

async function linkOf(handle: DatabaseHandle, storeId: string, sku: string) {
  return handle.db
    .selectFrom('variant_link')
    .innerJoin('variant', 'variant.id', 'variant_link.variant_id')
    .select(['variant_link.remote_variant_id', 'variant_link.last_known_remote_qty', 'variant_link.dirty', 'variant.product_id'])
    .where('variant_link.store_id', '=', storeId)
    .where('variant.sku', '=', sku)
    .executeTakeFirst();
}

forEachDialect('import: a store variant new to a linked product', (getHandle) => {
  it('joins the local product (the value added to its attribute), linked, with the store stock as opening balance, and pushes nothing back', async () => {
    const handle = getHandle();
    const { accountId, store } = await newStore(handle);
    const tee = await createProduct(handle, accountId, {
      name: 'Tee',
      attributes: [{ name: 'Size', values: ['S', 'M'] }],
      variants: [
        { sku: 'TEE-S', price: '10.00', values: ['S'] },
        { sku: 'TEE-M', price: '10.00', values: ['M'] },
      ],
    });
    const product = remote('rp-tee', 'Store Tee', ['size'], [
      { sku: 'tee-s', values: ['s'] },
      { sku: 'TEE-M', values: ['M'] },
      { sku: 'TEE-L', values: ['L'], quantity: 6, price: '11.00', barcode: '5012345678900' },
    ]);

    expect(await importRemoteProduct(handle, store, product, new Set())).toEqual({ linked: 2, created: 1, skipped: [] });
    const after = await getProduct(handle, accountId, tee.id);
    expect(after.attributes).toEqual([{ name: 'Size', values: ['S', 'M', 'L'] }]);
    expect(after.variants.map((v) => [v.sku, v.values, v.price, v.barcode])).toEqual([
      ['TEE-S', ['S'], '10.00', null],
      ['TEE-M', ['M'], '10.00', null],
      ['TEE-L', ['L'], '11.00', '5012345678900'],
    ]);
    expect(await onHand(handle, 'TEE-L')).toBe(6);
    expect(await linkOf(handle, store.id, 'TEE-L')).toMatchObject({ remote_variant_id: 'rp-tee-v2', last_known_remote_qty: 6, dirty: 0, product_id: tee.id });
    // The store already holds the new variant: no product update is due for this link.
    expect(await markEditedProductLinks(handle.db)).toBe(0);

    // Importing again links it and adds nothing; the opening stock is not taken twice.
    expect(await importRemoteProduct(handle, store, product, new Set())).toEqual({ linked: 3, created: 0, skipped: [] });
    expect((await getProduct(handle, accountId, tee.id)).variants).toHaveLength(3);
    expect(await onHand(handle, 'TEE-L')).toBe(6);
  });

  it('maps by attribute name in any order, unfolds a merged "A / B" option, and adds to a product linked before', async () => {
    const handle = getHandle();
    const { accountId, store } = await newStore(handle);
    const jeans = await createProduct(handle, accountId, {
      name: 'Jeans',
      attributes: [
        { name: 'Colour', values: ['Blue'] },
        { name: 'Length', values: ['30'] },
        { name: 'Width', values: ['32'] },
      ],
      variants: [{ sku: 'JEAN-1', price: '40.00', values: ['Blue', '30', '32'] }],
    });
    const first = remote('rp-jeans', 'Jeans', ['Length / Width', 'Colour'], [{ sku: 'JEAN-1', values: ['30 / 32', 'Blue'] }]);
    expect(await importRemoteProduct(handle, store, first, new Set())).toEqual({ linked: 1, created: 0, skipped: [] });
    // The link now exists; an edit made here since still waits to be pushed.
    await handle.db.updateTable('product_link').set({ updated_at: '2000-01-01T00:00:00.000Z' }).where('store_id', '=', store.id).execute();

    const later = remote('rp-jeans', 'Jeans', ['Length / Width', 'Colour'], [
      { sku: 'JEAN-1', values: ['30 / 32', 'Blue'] },
      { sku: 'JEAN-2', values: ['32 / 34', 'black'], quantity: 0 },
      { sku: 'JEAN-3', values: ['32', 'Blue'] },
    ]);
    const outcome = await importRemoteProduct(handle, store, later, new Set());
    expect(outcome).toEqual({
      linked: 1,
      created: 1,
      skipped: [{ sku: 'JEAN-3', reason: 'the store\'s value "32" of "Length / Width" does not split into 2 values' }],
    });
    const after = await getProduct(handle, accountId, jeans.id);
    expect(after.attributes).toEqual([
      { name: 'Colour', values: ['Blue', 'black'] },
      { name: 'Length', values: ['30', '32'] },
      { name: 'Width', values: ['32', '34'] },
    ]);
    expect(after.variants.find((v) => v.sku === 'JEAN-2')?.values).toEqual(['black', '32', '34']);
    expect(await onHand(handle, 'JEAN-2')).toBe(0);
    // The edit that was waiting is still pushed.
    expect(await markEditedProductLinks(handle.db)).toBe(1);
  });

  it('reports what it cannot map, a combination the product has, and blank or duplicate SKUs, adding nothing for them', async () => {
    const handle = getHandle();
    const { accountId, store } = await newStore(handle);
    const mug = await createProduct(handle, accountId, {
      name: 'Mug',
      attributes: [{ name: 'Colour', values: ['White', 'Black'] }],
      variants: [
        { sku: 'MUG-W', price: '8.00', values: ['White'] },
        { sku: 'MUG-B-OLD', price: '8.00', values: ['Black'] },
      ],
    });
    const outcome = await importRemoteProduct(
      handle,
      store,
      remote('rp-mug', 'Mug', ['Colour'], [
        { sku: 'MUG-W', values: ['White'] },
        { sku: 'MUG-B', values: ['black'] },
        { sku: 'MUG-ANY', values: [''] },
        { sku: null, values: ['Red'] },
        { sku: 'MUG-TWICE', values: ['Green'] },
        { sku: 'MUG-R', values: ['Red'], price: 'ten' },
      ]),
      new Set(['mug-twice']),
    );
    expect(outcome).toEqual({
      linked: 1,
      created: 0,
      skipped: [
        { sku: '', reason: 'product "Mug" has a variant with no SKU (Red)' },
        { sku: 'MUG-TWICE', reason: 'the SKU is on more than one variant of the store (product "Mug")' },
        { sku: 'MUG-B', reason: 'local product "Mug" already has a variant Black (SKU MUG-B-OLD)' },
        { sku: 'MUG-ANY', reason: 'the store\'s variant has no value for "Colour" (it stands for any value)' },
        { sku: 'MUG-R', reason: 'product "Mug": Variant 1 (SKU MUG-R): The price "ten" is not a number.' },
      ],
    });
    expect((await getProduct(handle, accountId, mug.id)).attributes).toEqual([{ name: 'Colour', values: ['White', 'Black'] }]);

    const cap = await createProduct(handle, accountId, {
      name: 'Cap',
      attributes: [{ name: 'Size', values: ['One'] }],
      variants: [{ sku: 'CAP-1', price: '5.00', values: ['One'] }],
    });
    const noSize = await importRemoteProduct(handle, store, remote('rp-cap', 'Cap', ['Colour'], [
      { sku: 'CAP-1', values: ['Red'] },
      { sku: 'CAP-2', values: ['Blue'] },
    ]), new Set());
    expect(noSize.skipped).toEqual([{ sku: 'CAP-2', reason: 'the store\'s option "Colour" is not an attribute of local product "Cap"; add it there and import again' }]);

    const bag = await createProduct(handle, accountId, {
      name: 'Bag',
      attributes: [{ name: 'Colour', values: ['Tan'] }, { name: 'Size', values: ['Big'] }],
      variants: [{ sku: 'BAG-1', price: '5.00', values: ['Tan', 'Big'] }],
    });
    const fewer = await importRemoteProduct(handle, store, remote('rp-bag', 'Bag', ['Colour'], [
      { sku: 'BAG-1', values: ['Tan'] },
      { sku: 'BAG-2', values: ['Olive'] },
    ]), new Set());
    expect(fewer.skipped).toEqual([{ sku: 'BAG-2', reason: 'local product "Bag" has the attribute "Size", which the store\'s product does not have' }]);
    expect((await getProduct(handle, accountId, cap.id)).variants).toHaveLength(1);
    expect((await getProduct(handle, accountId, bag.id)).variants).toHaveLength(1);
  });
});
