import { sql } from 'kysely';
import { expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/handle.ts';
import { createProduct, deleteProduct, getProduct, updateProduct } from '../../src/catalog/products.ts';
import { findVariantByCode, updateVariant } from '../../src/catalog/variants.ts';
import { createMasterItem, deleteMasterItem, listMasterData, updateMasterItem } from '../../src/catalog/master-data.ts';
import { recordMovement } from '../../src/stock/record-movement.ts';
import { listMovements } from '../../src/stock/stock-query.ts';
import { DomainError } from '../../src/errors/domain-error.ts';
import { forEachDialect } from '../support/databases.ts';
import { newAccount, simpleProduct, tshirtInput } from './fixtures.ts';

async function countRows(handle: DatabaseHandle, accountId: string): Promise<{ products: number; variants: number }> {
  const products = await handle.db.selectFrom('product').select(sql<number>`count(*)`.as('n')).where('account_id', '=', accountId).executeTakeFirstOrThrow();
  const variants = await handle.db.selectFrom('variant').select(sql<number>`count(*)`.as('n')).where('account_id', '=', accountId).executeTakeFirstOrThrow();
  return { products: Number(products.n), variants: Number(variants.n) };
}

forEachDialect('catalogue products', (getHandle) => {
  it('creates a product with attributes and variants, exact money and weight', async () => {
    const handle = getHandle();
    const account = await newAccount(handle);
    const input = tshirtInput('TS');
    input.variants![0].weight = '0.25';
    const product = await createProduct(handle, account.id, input);
    expect(product.handle).toBe('t-shirt-ts');
    expect(product.attributes).toEqual(input.attributes);
    expect(product.variants.map((variant) => [variant.sku, variant.values, variant.price, variant.costPrice])).toEqual([
      ['TS-RS', ['Red', 'S'], '10.00', null],
      ['TS-RM', ['Red', 'M'], '10.00', null],
      ['TS-BS', ['Blue', 'S'], '11.50', '4.25'],
    ]);
    expect(product.variants[0].weight).toBe('0.25');
    expect(product.unallocated).toBe(true);
    expect(product.missingFields).toEqual(['group', 'brand', 'supplier', 'productType', 'taxGroup', 'costPrice']);
    expect(await getProduct(handle, account.id, product.id)).toEqual(product);
    const second = await createProduct(handle, account.id, { ...tshirtInput('TS2') , name: 'T-shirt TS' });
    expect(second.handle).toBe('t-shirt-ts-2');
  });

  it('leaves Unallocated once every detail is filled in, and goes back when one is removed', async () => {
    const handle = getHandle();
    const account = await newAccount(handle);
    const group = await createMasterItem(handle, account.id, 'product_group', { name: 'Clothing' });
    const brand = await createMasterItem(handle, account.id, 'brand', { name: 'Acme' });
    const supplier = await createMasterItem(handle, account.id, 'supplier', { name: 'Wholesale Ltd' });
    const tax = await createMasterItem(handle, account.id, 'tax_group', { name: 'Standard', rate: '20' });
    expect(tax.rate).toBe('20');
    const product = await simpleProduct(handle, account.id, 'ALLOC-1', {
      productGroupId: group.id,
      brandId: brand.id,
      supplierId: supplier.id,
      taxGroupId: tax.id,
      productType: 'per_unit',
      unit: 'm',
      variants: [{ sku: 'ALLOC-1', price: '3', costPrice: '1.10' }],
    });
    expect(product.missingFields).toEqual([]);
    expect(product.unallocated).toBe(false);
    await deleteMasterItem(handle, account.id, 'brand', brand.id);
    const after = await getProduct(handle, account.id, product.id);
    expect(after.brandId).toBeNull();
    expect(after.missingFields).toEqual(['brand']);
    const cleared = await updateVariant(handle, account.id, product.variants[0].id, { costPrice: null });
    expect(cleared.costPrice).toBeNull();
    expect((await getProduct(handle, account.id, product.id)).missingFields).toEqual(['brand', 'costPrice']);
    expect((await listMasterData(handle, account.id, 'product_group')).map((item) => item.name)).toEqual(['Unallocated', 'Clothing']);
    await expect(createMasterItem(handle, account.id, 'product_group', { name: 'unallocated' })).rejects.toThrow(/system group/);
    await expect(createMasterItem(handle, account.id, 'supplier', { name: ' WHOLESALE ltd' })).rejects.toThrow('A supplier named "WHOLESALE ltd" already exists.');
    expect((await updateMasterItem(handle, account.id, 'tax_group', tax.id, { rate: '8.875' })).rate).toBe('8.875');
  });

  it('updates fields and variants: keeps ids, swaps SKUs, adds and removes variants', async () => {
    const handle = getHandle();
    const account = await newAccount(handle);
    const product = await createProduct(handle, account.id, tshirtInput('UP'));
    const [rs, rm] = product.variants;
    const updated = await updateProduct(handle, account.id, product.id, {
      name: 'Renamed',
      variants: [
        { id: rs.id, sku: 'UP-RM' },
        { id: rm.id, sku: 'UP-RS', price: '12' },
        { sku: 'UP-BM', price: '13', values: ['Blue', 'M'] },
      ],
    });
    expect(updated.name).toBe('Renamed');
    expect(updated.variants.map((variant) => [variant.id === rs.id, variant.sku, variant.price])).toEqual([
      [true, 'UP-RM', '10.00'],
      [false, 'UP-RS', '12.00'],
      [false, 'UP-BM', '13.00'],
    ]);
    expect(updated.variants[1].id).toBe(rm.id);
    expect(await countRows(handle, account.id)).toEqual({ products: 1, variants: 3 });
  });

  it('finds a variant by SKU (any case, spaces) or barcode', async () => {
    const handle = getHandle();
    const account = await newAccount(handle);
    await simpleProduct(handle, account.id, 'Find-Me', { variants: [{ sku: 'Find-Me', barcode: '5012345678900', price: '1' }] });
    expect((await findVariantByCode(handle, account.id, ' find-me '))?.variant.sku).toBe('Find-Me');
    expect((await findVariantByCode(handle, account.id, '5012345678900'))?.variant.sku).toBe('Find-Me');
    expect(await findVariantByCode(handle, account.id, 'nothing')).toBeUndefined();
  });

  it('deletes a product without stock movements with its variants and their empty stock rows', async () => {
    const handle = getHandle();
    const account = await newAccount(handle);
    const product = await simpleProduct(handle, account.id, 'DEL-1');
    await deleteProduct(handle, account.id, product.id);
    expect(await countRows(handle, account.id)).toEqual({ products: 0, variants: 0 });
    await expect(getProduct(handle, account.id, product.id)).rejects.toThrow('That product does not exist.');
  });

  it('refuses to delete a product with stock movements (has_history) and writes nothing; archived, it keeps its history and is restored', async () => {
    const handle = getHandle();
    const account = await newAccount(handle);
    const product = await createProduct(handle, account.id, tshirtInput('HIST'));
    await recordMovement(handle, account.id, { sku: 'HIST-RS', kind: 'receipt', quantity: 3 });
    await recordMovement(handle, account.id, { sku: 'HIST-RS', kind: 'sale', quantity: 1 });
    const before = await getProduct(handle, account.id, product.id);
    const history = () => listMovements(handle, account.id, { variantId: product.variants[0].id });
    const movements = await history();
    expect(movements.map((movement) => movement.kind)).toEqual(['sale', 'receipt']);

    const refusal = await deleteProduct(handle, account.id, product.id).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DomainError);
    expect((refusal as DomainError).code).toBe('has_history');
    expect((refusal as DomainError).status).toBe(409);
    expect((refusal as DomainError).message).toBe(
      '"T-shirt HIST" has stock history (2 movements), so it cannot be deleted: the stock ledger keeps every movement. Archive it instead (status "archived"): it stays out of publishing, keeps its history and can be restored.',
    );
    expect(await getProduct(handle, account.id, product.id)).toEqual(before);
    expect(await history()).toEqual(movements);

    const archived = await updateProduct(handle, account.id, product.id, { status: 'archived' });
    expect(archived.status).toBe('archived');
    expect(archived.variants.map((variant) => variant.onHand)).toEqual([2, 0, 0]);
    expect(await history()).toEqual(movements);
    expect((await updateProduct(handle, account.id, product.id, { status: 'active' })).status).toBe('active');
  });

  it('refuses to remove a variant with stock movements from the list, and removes one without', async () => {
    const handle = getHandle();
    const account = await newAccount(handle);
    const product = await createProduct(handle, account.id, tshirtInput('RMV'));
    const [rs, rm, bs] = product.variants;
    await recordMovement(handle, account.id, { sku: 'RMV-BS', kind: 'receipt', quantity: 1 });
    await expect(updateProduct(handle, account.id, product.id, { name: 'Renamed', variants: [{ id: rs.id }] })).rejects.toThrow(
      'The variant "RMV-BS" has stock history (1 movement), so it cannot be removed: the stock ledger keeps every movement. Keep it (a count can bring its stock to 0), or archive the whole product.',
    );
    expect((await getProduct(handle, account.id, product.id)).name).toBe('T-shirt RMV');
    expect(await countRows(handle, account.id)).toEqual({ products: 1, variants: 3 });
    const kept = await updateProduct(handle, account.id, product.id, { variants: [{ id: rs.id }, { id: bs.id }] });
    expect(kept.variants.map((variant) => variant.id)).toEqual([rs.id, bs.id]);
    expect(kept.variants.some((variant) => variant.id === rm.id)).toBe(false);
  });

  const badInputs: [string, (accountId: string, otherAccountGroupId: string) => Parameters<typeof createProduct>[2], RegExp][] = [
    [
      'a sixth attribute',
      () => ({
        name: 'Six',
        attributes: ['A', 'B', 'C', 'D', 'E', 'F'].map((name) => ({ name, values: ['x'] })),
        variants: [{ sku: 'SIX', values: ['x', 'x', 'x', 'x', 'x', 'x'] }],
      }),
      /at most 5 attributes; this one has 6/,
    ],
    [
      'a variant whose values do not match the attributes',
      () => ({ ...tshirtInput('MM'), variants: [{ sku: 'MM-1', values: ['Green', 'S'] }] }),
      /Variant 1 \(SKU MM-1\) has "Green" for Color, which is not one of its values \(Red, Blue\)/,
    ],
    [
      'a variant with too few values',
      () => ({ ...tshirtInput('FEW'), variants: [{ sku: 'FEW-1', values: ['Red'] }] }),
      /has 1 attribute value, but the product needs one value for each of Color, Size/,
    ],
    [
      'two variants with the same combination',
      () => ({ ...tshirtInput('SAME'), variants: [{ sku: 'SAME-1', values: ['Red', 'S'] }, { sku: 'SAME-2', values: ['red', 's'] }] }),
      /Variants 1 and 2 have the same combination \(Red \/ S\)/,
    ],
    [
      'a duplicate SKU within the product, differing in case and spaces',
      () => ({ ...tshirtInput('DUP'), variants: [{ sku: 'DUP-1', values: ['Red', 'S'] }, { sku: ' dup-1 ', values: ['Red', 'M'] }] }),
      /The SKU "dup-1" is given to variants 1 and 2/,
    ],
    ['a SKU another product has', () => ({ name: 'Clash', variants: [{ sku: ' taken-sku ' }] }), /The SKU "TAKEN-SKU" is already used by "Product TAKEN-SKU"/],
    ['a negative price', () => ({ name: 'Neg', variants: [{ sku: 'NEG-P', price: '-1.00' }] }), /Variant 1 \(SKU NEG-P\): The price cannot be negative/],
    ['a negative cost price', () => ({ name: 'Neg', variants: [{ sku: 'NEG-C', price: '1', costPrice: -2 }] }), /The cost price cannot be negative/],
    ['a price with three decimals', () => ({ name: 'Frac', variants: [{ sku: 'FRAC', price: '1.005' }] }), /more than 2 decimal places/],
    ['no name', () => ({ name: ' ', variants: [{ sku: 'NONAME' }] }), /A product needs a name/],
    ['no variants', () => ({ name: 'Empty', variants: [] }), /at least one variant/],
    ['a per-unit product without a unit', () => ({ name: 'Rope', productType: 'per_unit', variants: [{ sku: 'ROPE-X' }] }), /needs its unit/],
    ['an unknown product type', () => ({ name: 'Odd', productType: 'bundle' as never, variants: [{ sku: 'ODD' }] }), /must be "fixed" or "per_unit"/],
    ["another account's product group", (_, otherGroup) => ({ name: 'Other', productGroupId: otherGroup, variants: [{ sku: 'OTHER-G' }] }), /That product group does not exist/],
  ];

  for (const [what, build, message] of badInputs) {
    it(`refuses ${what} with a clear message and writes nothing`, async () => {
      const handle = getHandle();
      const account = await newAccount(handle);
      const other = await newAccount(handle);
      const otherGroup = await createMasterItem(handle, other.id, 'product_group', { name: 'Theirs' });
      await simpleProduct(handle, account.id, 'TAKEN-SKU');
      const before = await countRows(handle, account.id);
      const attempt = createProduct(handle, account.id, build(account.id, otherGroup.id));
      await expect(attempt).rejects.toBeInstanceOf(DomainError);
      await expect(attempt).rejects.toThrow(message);
      expect(await countRows(handle, account.id)).toEqual(before);
    });
  }

  it('refuses an update that breaks a rule and leaves the product as it was', async () => {
    const handle = getHandle();
    const account = await newAccount(handle);
    const product = await createProduct(handle, account.id, tshirtInput('KEEP'));
    await simpleProduct(handle, account.id, 'ELSEWHERE');
    await expect(updateProduct(handle, account.id, product.id, { name: 'New', variants: [{ id: product.variants[0].id, sku: 'elsewhere' }] })).rejects.toThrow(/already used/);
    await expect(updateVariant(handle, account.id, product.variants[1].id, { values: ['Red', 'S'] })).rejects.toThrow(/same combination/);
    expect(await getProduct(handle, account.id, product.id)).toEqual(product);
  });

  it("treats another account's product and variant ids as not found", async () => {
    const handle = getHandle();
    const mine = await newAccount(handle);
    const theirs = await newAccount(handle);
    const their = await simpleProduct(handle, theirs.id, 'THEIR-P');
    await expect(getProduct(handle, mine.id, their.id)).rejects.toThrow('That product does not exist.');
    await expect(updateProduct(handle, mine.id, their.id, { name: 'Stolen' })).rejects.toThrow('That product does not exist.');
    await expect(deleteProduct(handle, mine.id, their.id)).rejects.toThrow('That product does not exist.');
    await expect(updateVariant(handle, mine.id, their.variants[0].id, { price: '1' })).rejects.toThrow('That variant does not exist.');
    const mineProduct = await simpleProduct(handle, mine.id, 'MINE-P');
    await expect(updateProduct(handle, mine.id, mineProduct.id, { variants: [{ id: their.variants[0].id, sku: 'X' }] })).rejects.toThrow(/is not part of this product/);
    expect((await getProduct(handle, theirs.id, their.id)).name).toBe('Product THEIR-P');
  });
});
