import { beforeAll, expect, it } from 'vitest';
import { listProducts, listVariants } from '../../src/catalog/listing.ts';
import { bulkEdit } from '../../src/catalog/bulk-edit.ts';
import { createMasterItem } from '../../src/catalog/master-data.ts';
import { createProduct, deleteProduct, getProduct, updateProduct } from '../../src/catalog/products.ts';
import { updateVariant } from '../../src/catalog/variants.ts';
import { recordMovement } from '../../src/stock/record-movement.ts';
import type { Account } from '../../src/accounts/accounts.ts';
import { importCatalogCsv } from '../../src/catalog/csv/import.ts';
import { CSV_COLUMNS } from '../../src/catalog/csv/columns.ts';
import { csvLine } from '../../src/catalog/csv/rfc4180.ts';
import { forEachDialect } from '../support/databases.ts';
import { derivedColumnProblems, newAccount, simpleProduct } from './fixtures.ts';

forEachDialect('catalogue listing and bulk edit', (getHandle) => {
  let account: Account;
  let groupId: string;
  let brandId: string;
  let supplierId: string;
  let taxId: string;

  beforeAll(async () => {
    const handle = getHandle();
    account = await newAccount(handle);
    groupId = (await createMasterItem(handle, account.id, 'product_group', { name: 'Paint' })).id;
    brandId = (await createMasterItem(handle, account.id, 'brand', { name: 'Dulux' })).id;
    supplierId = (await createMasterItem(handle, account.id, 'supplier', { name: 'Trade' })).id;
    taxId = (await createMasterItem(handle, account.id, 'tax_group', { name: 'Std', rate: 20 })).id;
    const complete = { productGroupId: groupId, brandId, supplierId, taxGroupId: taxId, productType: 'fixed' as const };
    for (let i = 1; i <= 12; i += 1) {
      const n = String(i).padStart(2, '0');
      await createProduct(handle, account.id, {
        name: `Emulsion ${n}`,
        ...(i <= 6 ? complete : {}),
        ecommerce: i % 2 === 0,
        attributes: [{ name: 'Size', values: ['1L', '5L'] }],
        variants: [
          { sku: `EM-${n}-1`, barcode: `50000000${n}1`, price: '5', costPrice: '2', values: ['1L'] },
          { sku: `EM-${n}-5`, price: '20', costPrice: i === 3 ? null : '8', values: ['5L'] },
        ],
      });
    }
    await simpleProduct(handle, account.id, 'WIDGET_%', { name: 'Odd 100% widget' });
    await recordMovement(handle, account.id, { sku: 'EM-01-1', kind: 'receipt', quantity: 7 });
  });

  it('pages and sorts products, and counts the whole match', async () => {
    const handle = getHandle();
    const first = await listProducts(handle, account.id, { pageSize: 5, sort: 'name:asc' });
    expect(first.total).toBe(13);
    expect(first.items.map((item) => item.name)).toEqual(['Emulsion 01', 'Emulsion 02', 'Emulsion 03', 'Emulsion 04', 'Emulsion 05']);
    expect(first.items[0]).toMatchObject({ variantCount: 2, onHand: 7, productGroup: { id: groupId, name: 'Paint' }, missingFields: [], unallocated: false });
    const third = await listProducts(handle, account.id, { pageSize: 5, page: 3, sort: 'name:desc' });
    expect(third.items.map((item) => item.name)).toEqual(['Emulsion 03', 'Emulsion 02', 'Emulsion 01']);
  });

  it('filters by Unallocated, group, ecommerce flag, missing fields and text', async () => {
    const handle = getHandle();
    const unallocated = await listProducts(handle, account.id, { productGroup: 'unallocated', pageSize: 100 });
    expect(unallocated.items.map((item) => item.name)).toEqual(['Emulsion 03', 'Emulsion 07', 'Emulsion 08', 'Emulsion 09', 'Emulsion 10', 'Emulsion 11', 'Emulsion 12', 'Odd 100% widget']);
    expect(unallocated.items[0].missingFields).toEqual(['costPrice']);
    expect(unallocated.items[1].missingFields).toEqual(['group', 'brand', 'supplier', 'productType', 'taxGroup']);
    expect((await listProducts(handle, account.id, { productGroup: groupId })).total).toBe(6);
    expect((await listProducts(handle, account.id, { ecommerce: true })).total).toBe(6);
    expect((await listProducts(handle, account.id, { missing: ['costPrice'] })).items.map((item) => item.name)).toEqual(['Emulsion 03', 'Odd 100% widget']);
    expect((await listProducts(handle, account.id, { missing: ['brand', 'costPrice'] })).total).toBe(8);
    expect((await listProducts(handle, account.id, { q: 'em-04-5' })).items.map((item) => item.name)).toEqual(['Emulsion 04']);
    expect((await listProducts(handle, account.id, { q: '50000000111' })).items.map((item) => item.name)).toEqual(['Emulsion 11']);
    expect((await listProducts(handle, account.id, { q: '100%' })).items.map((item) => item.name)).toEqual(['Odd 100% widget']);
    expect((await listProducts(handle, account.id, { q: '_' })).total).toBe(1);
    expect((await listProducts(handle, account.id, { q: 'EMULSION 1' })).total).toBe(3);
    expect((await listProducts(handle, account.id, { ecommerce: false, productGroup: 'unallocated' })).total).toBe(5);
  });

  it('lists variants with their own missing cost price and stock on hand', async () => {
    const handle = getHandle();
    const page = await listVariants(handle, account.id, { sort: 'sku:asc', pageSize: 3 });
    expect(page.total).toBe(25);
    expect(page.items.map((item) => [item.sku, item.values, item.price, item.onHand])).toEqual([
      ['EM-01-1', ['1L'], '5.00', 7],
      ['EM-01-5', ['5L'], '20.00', 0],
      ['EM-02-1', ['1L'], '5.00', 0],
    ]);
    const noCost = await listVariants(handle, account.id, { missing: ['costPrice'] });
    expect(noCost.items.map((item) => [item.sku, item.missingFields])).toEqual([
      ['EM-03-5', ['costPrice']],
      ['WIDGET_%', ['group', 'brand', 'supplier', 'productType', 'taxGroup', 'costPrice']],
    ]);
    expect((await listVariants(handle, account.id, { productGroup: 'unallocated', q: 'em-03' })).items.map((item) => [item.sku, item.unallocated, item.missingFields])).toEqual([
      ['EM-03-1', true, []],
      ['EM-03-5', true, ['costPrice']],
    ]);
    expect((await listVariants(handle, account.id, { sort: 'price:desc', pageSize: 1 })).items[0].price).toBe('20.00');
  });

  it('refuses bad listing parameters', async () => {
    const handle = getHandle();
    await expect(listProducts(handle, account.id, { sort: 'colour:asc' })).rejects.toThrow(/Cannot sort by "colour"/);
    await expect(listProducts(handle, account.id, { sort: 'name:up' })).rejects.toThrow(/asc or desc/);
    await expect(listProducts(handle, account.id, { missing: ['price'] })).rejects.toThrow(/"price" is not a field that can be missing/);
    await expect(listVariants(handle, account.id, { pageSize: 1000 })).rejects.toThrow(/page size/);
    const other = await newAccount(handle);
    expect((await listProducts(handle, other.id)).total).toBe(0);
  });

  it('bulk-edits products out of Unallocated, all or nothing', async () => {
    const handle = getHandle();
    const todo = await listProducts(handle, account.id, { productGroup: 'unallocated', q: 'emulsion', pageSize: 100 });
    const ids = todo.items.map((item) => item.id);
    const other = await newAccount(handle);
    const theirs = await simpleProduct(handle, other.id, 'THEIRS-BULK');
    await expect(bulkEdit(handle, account.id, [...ids, theirs.id], { brandId })).rejects.toThrow('1 of the chosen products do not exist; nothing was changed.');
    await expect(bulkEdit(handle, account.id, ids, { productType: 'per_unit' })).rejects.toThrow(/needs its unit/);
    await expect(bulkEdit(handle, account.id, ids, { costPrice: '-1' })).rejects.toThrow(/cannot be negative/);
    expect((await getProduct(handle, account.id, ids[1])).brandId).toBeNull();
    const result = await bulkEdit(handle, account.id, ids, { productGroupId: groupId, brandId, supplierId, taxGroupId: taxId, productType: 'fixed', costPrice: '3.30', ecommerce: true });
    expect(result.updated).toBe(ids.length);
    expect((await listProducts(handle, account.id, { productGroup: 'unallocated' })).items.map((item) => item.name)).toEqual(['Odd 100% widget']);
    const edited = await getProduct(handle, account.id, ids[0]);
    expect(edited.variants.map((variant) => variant.costPrice)).toEqual(['3.30', '3.30']);
    expect(edited.ecommerce).toBe(true);
    expect(await derivedColumnProblems(handle, account.id)).toEqual([]);
  });

  it('keeps the grid columns in step through renames, variant edits and master-data deletes', async () => {
    const handle = getHandle();
    const product = (await listProducts(handle, account.id, { q: 'emulsion 05' })).items[0];
    const { updateProduct } = await import('../../src/catalog/products.ts');
    const { updateVariant } = await import('../../src/catalog/variants.ts');
    const { deleteMasterItem } = await import('../../src/catalog/master-data.ts');
    await updateProduct(handle, account.id, product.id, { name: 'Gloss 05', ecommerce: false });
    const full = await getProduct(handle, account.id, product.id);
    await updateVariant(handle, account.id, full.variants[1].id, { costPrice: null });
    expect((await listVariants(handle, account.id, { q: 'gloss' })).items.map((item) => [item.productName, item.ecommerce, item.missingFields])).toEqual([
      ['Gloss 05', false, []],
      ['Gloss 05', false, ['costPrice']],
    ]);
    await deleteMasterItem(handle, account.id, 'supplier', supplierId);
    expect(await derivedColumnProblems(handle, account.id)).toEqual([]);
    expect((await listVariants(handle, account.id, { productGroup: 'unallocated' })).total).toBe(25);
  });
});

// Text search is a case-insensitive substring of the product's name or handle, or a variant's SKU or
// barcode. SQLite narrows terms of 3+ characters through its FTS5 trigram tables and PostgreSQL through
// pg_trgm indexes (migration 0007); these pin the results, so neither index may change them.
forEachDialect('catalogue text search', (getHandle) => {
  let account: Account;
  const names = async (q: string) => (await listProducts(getHandle(), account.id, { q, pageSize: 100 })).items.map((item) => item.name);
  const skus = async (q: string) => (await listVariants(getHandle(), account.id, { q, pageSize: 100 })).items.map((item) => item.sku);
  const totalOf = async (page: Promise<{ total: number; totalIsExact: boolean }>) => {
    const { total, totalIsExact } = await page;
    return [total, totalIsExact];
  };

  beforeAll(async () => {
    const handle = getHandle();
    account = await newAccount(handle);
    await createProduct(handle, account.id, {
      name: 'Café Crème Mug',
      handle: 'cafe-creme-mug',
      attributes: [{ name: 'Size', values: ['Small', 'Large'] }],
      variants: [
        { sku: 'MUG-CC-S', barcode: '4006381333931', price: '8', values: ['Small'] },
        { sku: 'MUG-CC-L', barcode: '4006381333948', price: '9', values: ['Large'] },
      ],
    });
    await createProduct(handle, account.id, { name: 'CAFÉ SIGN', handle: 'sign', variants: [{ sku: 'SIGN-1', price: '20' }] });
    await createProduct(handle, account.id, { name: 'Rain Jacket', handle: 'rain-jacket', variants: [{ sku: 'JKT-RAIN', barcode: 'ABC-9912', price: '60' }] });
    await createProduct(handle, account.id, { name: '12" Vinyl', handle: 'vinyl-12', variants: [{ sku: 'VIN-12', price: '15' }] });
    await createProduct(handle, account.id, { name: 'Plain Box', handle: 'box', variants: [{ sku: 'BOX-1', price: '2' }] });
  });

  it('finds a substring of the name, handle, SKU or barcode, whatever its case', async () => {
    expect(await names('acket')).toEqual(['Rain Jacket']);
    expect(await names('RAIN JAC')).toEqual(['Rain Jacket']);
    expect(await names('creme-mu')).toEqual(['Café Crème Mug']);
    expect(await names('cc-l')).toEqual(['Café Crème Mug']);
    expect(await names('381333948')).toEqual(['Café Crème Mug']);
    expect(await names('c-99')).toEqual(['Rain Jacket']);
    expect(await names('12" v')).toEqual(['12" Vinyl']);
    expect(await names('nothing like it')).toEqual([]);
    expect(await skus('acket')).toEqual(['JKT-RAIN']);
    expect(await skus('mug-cc')).toEqual(['MUG-CC-L', 'MUG-CC-S']);
    expect(await skus('333931')).toEqual(['MUG-CC-S']);
    expect(await skus('crème')).toEqual(['MUG-CC-L', 'MUG-CC-S']);
    expect(await skus('"')).toEqual(['VIN-12']);
    const few = await listVariants(getHandle(), account.id, { q: 'mug-cc', pageSize: 1 });
    expect([few.total, few.totalIsExact, few.items.length]).toEqual([2, true, 1]);
  });

  it('matches accented names and two-character terms as LIKE always has', async () => {
    const postgres = getHandle().dialect === 'postgres';
    expect(await names('CRÈME')).toEqual(['Café Crème Mug']);
    expect(await names('CAF')).toEqual(['CAFÉ SIGN', 'Café Crème Mug']);
    // lower() folds non-ASCII capitals on PostgreSQL, not on SQLite: the trigram index (which folds
    // both) must not widen SQLite's result.
    expect(await names('Café')).toEqual(postgres ? ['CAFÉ SIGN', 'Café Crème Mug'] : ['Café Crème Mug']);
    expect(await names('café s')).toEqual(postgres ? ['CAFÉ SIGN'] : []);
    expect(await names('ox')).toEqual(['Plain Box']);
    expect(await names('AI')).toEqual(['Plain Box', 'Rain Jacket']);
    expect(await skus('-1')).toEqual(['BOX-1', 'SIGN-1', 'VIN-12']);
  });

  it('pages through a term that matches over a thousand variants in sort order (SQLite then walks the sort index); the total says it stopped counting', async () => {
    const handle = getHandle();
    const big = await newAccount(handle);
    const colours = Array.from({ length: 26 }, (_, i) => String.fromCharCode(65 + i));
    const sizes = Array.from({ length: 40 }, (_, i) => String(i).padStart(2, '0'));
    const variants = colours.flatMap((colour, c) => sizes.map((size, s) => ({ sku: `BT${colour}${size}`, price: String(1 + ((c * 40 + s) * 7919) % 1000), values: [colour, size] })));
    await createProduct(handle, big.id, { name: 'Bulk Tee', attributes: [{ name: 'Colour', values: colours }, { name: 'Size', values: sizes }], variants });
    await createProduct(handle, big.id, { name: 'Other', variants: [{ sku: 'OTHER1', price: '1' }] });
    const bySku = variants.map((variant) => variant.sku).sort();
    const page3 = await listVariants(handle, big.id, { q: 'BULK t', sort: 'sku:asc', pageSize: 100, page: 3 });
    // Past 1,000 matches a text search stops counting: "more than 1,000".
    expect([page3.total, page3.totalIsExact]).toEqual([1000, false]);
    expect(page3.items.map((item) => item.sku)).toEqual(bySku.slice(200, 300));
    // A later page that still has more after it: more than the rows up to its end.
    const beyondCap = await listVariants(handle, big.id, { q: 'bulk tee', sort: 'sku:asc', pageSize: 30, page: 34 });
    expect([beyondCap.total, beyondCap.totalIsExact, beyondCap.items.length]).toEqual([1020, false, 30]);
    // The page that reaches the last match knows the exact total.
    const last = await listVariants(handle, big.id, { q: 'bulk tee', sort: 'sku:desc', pageSize: 30, page: 35 });
    expect(last.items.map((item) => item.sku)).toEqual([...bySku].reverse().slice(1020));
    expect([last.total, last.totalIsExact]).toEqual([1040, true]);
    const exactlyFull = await listVariants(handle, big.id, { q: 'bulk tee', pageSize: 104, page: 10 });
    expect([exactlyFull.total, exactlyFull.totalIsExact, exactlyFull.items.length]).toEqual([1040, true, 104]);
    const pastTheEnd = await listVariants(handle, big.id, { q: 'bulk tee', pageSize: 100, page: 12 });
    expect([pastTheEnd.total, pastTheEnd.totalIsExact, pastTheEnd.items]).toEqual([1000, false, []]);
    // With the other filters too, and only this account's rows count.
    expect(await totalOf(listVariants(handle, big.id, { q: 'bulk', productGroup: 'unallocated', ecommerce: false }))).toEqual([1000, false]);
    expect(await totalOf(listVariants(handle, big.id, { q: 'bulk', ecommerce: true }))).toEqual([0, true]);
    expect(await totalOf(listVariants(handle, account.id, { q: 'bulk tee' }))).toEqual([0, true]);
    // Up to 1,000 matches, and without a text search, the count is exact.
    expect(await totalOf(listVariants(handle, big.id, { q: 'btq', pageSize: 1 }))).toEqual([40, true]);
    expect(await totalOf(listVariants(handle, big.id, { pageSize: 10 }))).toEqual([1041, true]);
    expect(await totalOf(listVariants(handle, big.id, { productGroup: 'unallocated', pageSize: 10 }))).toEqual([1041, true]);
    const byPrice = [...variants].sort((a, b) => Number(b.price) - Number(a.price) || (a.sku < b.sku ? 1 : -1)).map((variant) => Number(variant.price));
    const cheapest = await listVariants(handle, big.id, { q: 'ulk', sort: 'price:desc', pageSize: 40, page: 26 });
    expect(cheapest.items.map((item) => Number(item.price))).toEqual(byPrice.slice(1000));
    const products = await listProducts(handle, big.id, { q: 'bt', pageSize: 10 });
    expect(products.items.map((item) => item.name)).toEqual(['Bulk Tee']);
    expect((await listProducts(handle, big.id, { q: 'BTQ3' })).items.map((item) => item.name)).toEqual(['Bulk Tee']);
    expect((await listVariants(handle, big.id, { q: 'BTQ3' })).items.map((item) => item.sku)).toEqual(sizes.filter((size) => size.startsWith('3')).map((size) => `BTQ${size}`));
  });

  it('stops counting products past 1,000 matches of a text search, and pages them in name order', async () => {
    const handle = getHandle();
    const many = await newAccount(handle);
    const numbers = Array.from({ length: 1010 }, (_, i) => String(i).padStart(4, '0'));
    async function* csv() {
      yield csvLine(CSV_COLUMNS);
      for (const n of numbers) {
        const row: Record<string, string> = { handle: `crate-${n}`, name: `Crate ${n}`, sku: `CR-${n}`, price: '3' };
        yield csvLine(CSV_COLUMNS.map((column) => row[column] ?? ''));
      }
      const odd: Record<string, string> = { handle: 'odd', name: 'Odd one', sku: 'ODD-CRATE', price: '1' };
      yield csvLine(CSV_COLUMNS.map((column) => odd[column] ?? ''));
    }
    await importCatalogCsv(handle, many.id, csv());
    const first = await listProducts(handle, many.id, { q: 'crate', pageSize: 100 });
    expect([first.total, first.totalIsExact]).toEqual([1000, false]);
    expect(first.items.map((item) => item.name)).toEqual(numbers.slice(0, 100).map((n) => `Crate ${n}`));
    // The SKU match counts too: 1,011 products, the last of them "Odd one".
    const last = await listProducts(handle, many.id, { q: 'crate', pageSize: 100, page: 11 });
    expect([last.total, last.totalIsExact]).toEqual([1011, true]);
    expect(last.items.map((item) => item.name)).toEqual([...numbers.slice(1000).map((n) => `Crate ${n}`), 'Odd one']);
    expect(await totalOf(listProducts(handle, many.id, { q: 'crate 09', pageSize: 10 }))).toEqual([100, true]);
    expect(await totalOf(listProducts(handle, many.id, {}))).toEqual([1011, true]);
  });

  it('keeps up with renames, SKU changes and deletes', async () => {
    const handle = getHandle();
    const box = (await listProducts(handle, account.id, { q: 'plain box' })).items[0];
    await updateProduct(handle, account.id, box.id, { name: 'Storage Crate' });
    expect(await names('plain box')).toEqual([]);
    expect(await names('rage cra')).toEqual(['Storage Crate']);
    expect(await skus('rage cra')).toEqual(['BOX-1']);
    const variant = (await getProduct(handle, account.id, box.id)).variants[0];
    await updateVariant(handle, account.id, variant.id, { sku: 'CRATE-77', price: '2' });
    expect(await skus('box-1')).toEqual([]);
    expect(await skus('ate-77')).toEqual(['CRATE-77']);
    expect(await names('ate-77')).toEqual(['Storage Crate']);
    await deleteProduct(handle, account.id, box.id);
    expect(await names('rage cra')).toEqual([]);
    expect(await skus('ate-77')).toEqual([]);
    const other = await newAccount(handle);
    expect((await listProducts(handle, other.id, { q: 'jacket' })).total).toBe(0);
  });
});

// Archived products (decision 40) stay for their stock history but are out of use: the lists leave
// them and their variants out unless the status filter asks for them; drafts are in use and stay.
forEachDialect('catalogue listing by status', (getHandle) => {
  let account: Account;
  let ids: Record<'coat' | 'draftHat' | 'oldBoot' | 'oldScarf' | 'oldGlove', string>;
  let groupId: string;
  const productNames = async (query: Parameters<typeof listProducts>[2]) => (await listProducts(getHandle(), account.id, { pageSize: 100, ...query })).items.map((item) => item.name);
  const variantSkus = async (query: Parameters<typeof listVariants>[2]) => (await listVariants(getHandle(), account.id, { pageSize: 100, ...query })).items.map((item) => item.sku);
  const totals = async (query: Parameters<typeof listVariants>[2]) => {
    const [products, variants] = [await listProducts(getHandle(), account.id, query), await listVariants(getHandle(), account.id, query)];
    return [products.total, products.totalIsExact, variants.total, variants.totalIsExact];
  };

  beforeAll(async () => {
    const handle = getHandle();
    account = await newAccount(handle);
    groupId = (await createMasterItem(handle, account.id, 'product_group', { name: 'Winter' })).id;
    const two = (code: string) => ({ attributes: [{ name: 'Size', values: ['S', 'L'] }], variants: [{ sku: `${code}-S`, price: '10', values: ['S'] }, { sku: `${code}-L`, price: '12', values: ['L'] }] });
    ids = {
      coat: (await createProduct(handle, account.id, { name: 'Wool Coat', productGroupId: groupId, ecommerce: true, ...two('COAT') })).id,
      draftHat: (await createProduct(handle, account.id, { name: 'Wool Hat', status: 'draft', ...two('HAT') })).id,
      oldBoot: (await createProduct(handle, account.id, { name: 'Wool Boot', productGroupId: groupId, ecommerce: true, ...two('BOOT') })).id,
      oldScarf: (await createProduct(handle, account.id, { name: 'Wool Scarf', ...two('SCARF') })).id,
      oldGlove: (await createProduct(handle, account.id, { name: 'Wool Glove', ...two('GLOVE') })).id,
    };
    await recordMovement(handle, account.id, { sku: 'BOOT-S', kind: 'receipt', quantity: 3 });
    await updateProduct(handle, account.id, ids.oldBoot, { status: 'archived' });
    await bulkEdit(handle, account.id, [ids.oldScarf, ids.oldGlove], { status: 'archived' });
  });

  it('leaves archived products and their variants out by default, drafts included, and counts exactly', async () => {
    expect(await productNames({})).toEqual(['Wool Coat', 'Wool Hat']);
    expect(await variantSkus({})).toEqual(['COAT-L', 'COAT-S', 'HAT-L', 'HAT-S']);
    expect(await productNames({ status: 'active' })).toEqual(['Wool Coat', 'Wool Hat']);
    expect(await totals({})).toEqual([2, true, 4, true]);
    // The default count is "every match less the archived ones": each filter must subtract only its own archived rows.
    expect(await totals({ ecommerce: true })).toEqual([1, true, 2, true]);
    expect(await totals({ productGroup: 'unallocated' })).toEqual([2, true, 4, true]);
    expect(await totals({ productGroup: groupId })).toEqual([1, true, 2, true]);
    expect(await totals({ missing: ['brand'] })).toEqual([2, true, 4, true]);
    expect(await totals({ q: 'wool' })).toEqual([2, true, 4, true]);
    expect(await totals({ q: 'boot' })).toEqual([0, true, 0, true]);
    expect(await productNames({ sort: 'status:desc' })).toEqual(['Wool Hat', 'Wool Coat']);
    const page2 = await listVariants(getHandle(), account.id, { pageSize: 3, page: 2, sort: 'sku:asc' });
    expect([page2.total, page2.items.map((item) => item.sku)]).toEqual([4, ['HAT-S']]);
  });

  it('shows archived products, with their state, when asked for archived or all', async () => {
    expect(await productNames({ status: 'archived' })).toEqual(['Wool Boot', 'Wool Glove', 'Wool Scarf']);
    expect(await variantSkus({ status: 'archived', q: 'boot' })).toEqual(['BOOT-L', 'BOOT-S']);
    expect(await totals({ status: 'archived' })).toEqual([3, true, 6, true]);
    expect(await totals({ status: 'archived', ecommerce: true })).toEqual([1, true, 2, true]);
    expect(await totals({ status: 'all' })).toEqual([5, true, 10, true]);
    const boot = (await listProducts(getHandle(), account.id, { status: 'all', q: 'boot' })).items[0];
    expect([boot.status, boot.onHand]).toEqual(['archived', 3]);
    const bootVariant = (await listVariants(getHandle(), account.id, { status: 'all', q: 'BOOT-S' })).items[0];
    expect(bootVariant.status).toBe('archived');
    expect((await listProducts(getHandle(), account.id, { status: 'all', q: 'hat' })).items[0].status).toBe('draft');
  });

  it('brings a restored product back into the default lists and keeps every variant copy in step', async () => {
    const handle = getHandle();
    await updateProduct(handle, account.id, ids.oldBoot, { status: 'active' });
    expect(await productNames({})).toEqual(['Wool Boot', 'Wool Coat', 'Wool Hat']);
    expect(await variantSkus({ q: 'boot' })).toEqual(['BOOT-L', 'BOOT-S']);
    expect(await derivedColumnProblems(handle, account.id)).toEqual([]);
    await bulkEdit(handle, account.id, [ids.oldBoot], { status: 'archived' });
    expect(await variantSkus({ q: 'boot' })).toEqual([]);
    expect(await derivedColumnProblems(handle, account.id)).toEqual([]);
  });

  it('refuses a status filter it does not know', async () => {
    await expect(listProducts(getHandle(), account.id, { status: 'deleted' })).rejects.toThrow('The status filter must be active, archived or all, not "deleted".');
    await expect(listVariants(getHandle(), account.id, { status: 'draft' })).rejects.toThrow(/must be active, archived or all/);
  });

  it('archives and restores many products in one bulk edit, all or nothing', async () => {
    const handle = getHandle();
    const other = await newAccount(handle);
    const theirs = await simpleProduct(handle, other.id, 'THEIRS-ARCHIVE');
    await expect(bulkEdit(handle, account.id, [ids.coat, theirs.id], { status: 'archived' })).rejects.toThrow('1 of the chosen products do not exist; nothing was changed.');
    await expect(bulkEdit(handle, account.id, [ids.coat], { status: 'gone' as never })).rejects.toThrow('The status must be active, draft or archived, not "gone".');
    expect((await getProduct(handle, account.id, ids.coat)).status).toBe('active');
    expect((await getProduct(handle, other.id, theirs.id)).status).toBe('active');
    await bulkEdit(handle, account.id, [ids.oldScarf, ids.oldGlove], { status: 'active' });
    expect(await productNames({})).toEqual(['Wool Coat', 'Wool Glove', 'Wool Hat', 'Wool Scarf']);
    expect(await productNames({ status: 'archived' })).toEqual(['Wool Boot']);
    expect(await derivedColumnProblems(handle, account.id)).toEqual([]);
  });
});
