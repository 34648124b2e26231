// The grid's text search still finds the same rows after the database is compacted (SQLite VACUUM,
// PostgreSQL VACUUM FULL). On SQLite the FTS5 tables of migration 0007 name rows by the implicit
// rowid of `product` and `variant`; SQLite's manual says VACUUM *may* renumber the rowids of a table
// without an INTEGER PRIMARY KEY. In practice it keeps them for every table that has an index (ours
// have the text primary key's), and renumbers only tables without any. This test pins the behaviour
// that matters (search results, the FTS index agreeing with its content tables) after rows were
// deleted from the front, which is when a renumbering would move every later row (decision 37).
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { listProducts, listVariants } from '../../src/catalog/listing.ts';
import { createProduct, deleteProduct } from '../../src/catalog/products.ts';
import type { DatabaseHandle } from '../../src/db/handle.ts';
import { forEachDialect } from '../support/databases.ts';
import { newAccount } from './fixtures.ts';

async function compact(handle: DatabaseHandle): Promise<void> {
  if (handle.dialect === 'sqlite') await sql`vacuum`.execute(handle.db);
  else await sql`vacuum full product, variant`.execute(handle.db);
}

async function rowids(handle: DatabaseHandle, table: 'product' | 'variant'): Promise<Map<string, number>> {
  const rows = await sql<{ id: string; r: number }>`select id, rowid as r from ${sql.table(table)}`.execute(handle.db);
  return new Map(rows.rows.map((row) => [row.id, Number(row.r)]));
}

/** FTS5's own check that an external-content index matches its table row for row (rank 1). */
async function ftsIntegrityCheck(handle: DatabaseHandle, search: 'product_search' | 'variant_search'): Promise<void> {
  await sql`insert into ${sql.table(search)}(${sql.table(search)}, rank) values ('integrity-check', 1)`.execute(handle.db);
}

forEachDialect('text search after VACUUM', (getHandle) => {
  it('finds the same products and variants after rows were deleted and the database compacted', async () => {
    const handle = getHandle();
    const account = await newAccount(handle);
    // Deleted first, so that any renumbering would shift every product made after them.
    const doomed = [];
    for (let i = 0; i < 5; i += 1) {
      doomed.push(await createProduct(handle, account.id, {
        name: `Scrap lot ${i}`,
        attributes: [{ name: 'Grade', values: ['A', 'B'] }],
        variants: [{ sku: `SCRAP-${i}-A`, price: '1', values: ['A'] }, { sku: `SCRAP-${i}-B`, price: '1', values: ['B'] }],
      }));
    }
    for (const name of ['Walnut Shelf', 'Oak Shelf', 'Walnut Desk', 'Pine Crate']) {
      const code = name.toUpperCase().replace(' ', '-');
      await createProduct(handle, account.id, {
        name,
        attributes: [{ name: 'Finish', values: ['Oiled', 'Waxed'] }],
        variants: [
          { sku: `${code}-OIL`, barcode: `${code.length}0042${name.length}`, price: '40', values: ['Oiled'] },
          { sku: `${code}-WAX`, price: '42', values: ['Waxed'] },
        ],
      });
    }
    for (const product of doomed) await deleteProduct(handle, account.id, product.id);

    const search = async () => ({
      productsByName: (await listProducts(handle, account.id, { q: 'walnut' })).items.map((item) => item.name),
      productsBySku: (await listProducts(handle, account.id, { q: 'shelf-wax' })).items.map((item) => item.name),
      variantsByName: (await listVariants(handle, account.id, { q: 'SHELF', sort: 'sku:asc' })).items.map((item) => item.sku),
      variantsBySku: (await listVariants(handle, account.id, { q: 'crate-oi' })).items.map((item) => item.sku),
      deleted: (await listVariants(handle, account.id, { q: 'scrap' })).items.map((item) => item.sku),
    });
    const expected = {
      productsByName: ['Walnut Desk', 'Walnut Shelf'],
      productsBySku: ['Oak Shelf', 'Walnut Shelf'],
      variantsByName: ['OAK-SHELF-OIL', 'OAK-SHELF-WAX', 'WALNUT-SHELF-OIL', 'WALNUT-SHELF-WAX'],
      variantsBySku: ['PINE-CRATE-OIL'],
      deleted: [],
    };
    expect(await search()).toEqual(expected);
    const before = handle.dialect === 'sqlite' ? { product: await rowids(handle, 'product'), variant: await rowids(handle, 'variant') } : null;

    await compact(handle);

    expect(await search()).toEqual(expected);
    if (before) {
      // Why it still works: the rows kept their rowids, so the FTS index still points at them.
      expect(await rowids(handle, 'product')).toEqual(before.product);
      expect(await rowids(handle, 'variant')).toEqual(before.variant);
      await ftsIntegrityCheck(handle, 'product_search');
      await ftsIntegrityCheck(handle, 'variant_search');
    }
    // Writes after the compaction are indexed as before.
    await createProduct(handle, account.id, { name: 'Walnut Stool', variants: [{ sku: 'WALNUT-STOOL', price: '25' }] });
    expect((await listProducts(handle, account.id, { q: 'walnut' })).items.map((item) => item.name)).toEqual(['Walnut Desk', 'Walnut Shelf', 'Walnut Stool']);
  });
});
