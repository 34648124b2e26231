import { writeFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/handle.ts';
import { importCatalogCsv } from '../../src/catalog/csv/import.ts';
import { exportCatalogCsv } from '../../src/catalog/csv/export.ts';
import { CSV_COLUMNS } from '../../src/catalog/csv/columns.ts';
import { csvLine } from '../../src/catalog/csv/rfc4180.ts';
import { findProductByHandle } from '../../src/catalog/products.ts';
import { listMasterData } from '../../src/catalog/master-data.ts';
import { createLocation } from '../../src/accounts/locations.ts';
import { getStock } from '../../src/stock/stock-query.ts';
import { takeChangeMarks } from '../../src/stock/change-marks.ts';
import { DomainError } from '../../src/errors/domain-error.ts';
import { forEachDialect } from '../support/databases.ts';
import { derivedColumnProblems, newAccount, simpleProduct } from './fixtures.ts';

type Row = Partial<Record<(typeof CSV_COLUMNS)[number], string>>;

function csvOf(rows: Row[], columns: readonly string[] = CSV_COLUMNS): string {
  return csvLine(columns) + rows.map((row) => csvLine(columns.map((column) => row[column as keyof Row] ?? ''))).join('');
}

function fileOf(text: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'stockroom-csv-')), 'catalogue.csv');
  writeFileSync(file, text);
  return file;
}

const TEE = { handle: 'tee', name: 'Tee', description: 'Soft, "organic"\ncotton', product_group: 'Clothing', brand: 'Acme', supplier: 'Makers', product_type: 'fixed', tax_group: 'Standard', ecommerce: 'yes', attribute1_name: 'Color', attribute2_name: 'Size' };
const ROWS: Row[] = [
  { ...TEE, attribute1_value: 'Red', attribute2_value: 'S', sku: 'TEE-RS', barcode: '111', price: '10.00', cost_price: '4.00', weight: '0.2', quantity: '5' },
  { ...TEE, attribute1_value: 'Red', attribute2_value: 'M', sku: 'TEE-RM', price: '10.00', cost_price: '4.00', quantity: '2', location: 'Back' },
  { ...TEE, attribute1_value: 'Blue', attribute2_value: 'S', sku: 'TEE-BS', price: '12.5', cost_price: '4' },
  { handle: 'rope', name: 'Rope', product_type: 'per_unit', unit: 'm', sku: 'ROPE', price: '1.25', quantity: '12.5' },
];

async function snapshot(handle: DatabaseHandle, accountId: string) {
  const tables = ['product', 'variant', 'product_group', 'brand', 'supplier', 'tax_group', 'stock_movement', 'stock_level'] as const;
  const out: Record<string, unknown[]> = {};
  for (const table of tables) out[table] = await handle.db.selectFrom(table).selectAll().where('account_id', '=', accountId).orderBy(table === 'stock_level' ? 'variant_id' : 'id').execute();
  return out;
}

forEachDialect('catalogue CSV import and export', (getHandle) => {
  it('imports products, variants, master data and opening balances', async () => {
    const handle = getHandle();
    const account = await newAccount(handle);
    await createLocation(handle, account.id, { name: 'Back' });
    const result = await importCatalogCsv(handle, account.id, fileOf(csvOf(ROWS)));
    expect(result.products).toEqual({ created: 2, updated: 0, unchanged: 0 });
    expect(result.variants).toEqual({ created: 4, updated: 0, unchanged: 0 });
    expect(result.openingBalances).toBe(3);
    expect(result.createdMasterData.map((item) => `${item.kind}:${item.name}`).sort()).toEqual(['brand:Acme', 'product_group:Clothing', 'supplier:Makers', 'tax_group:Standard']);
    const tee = await findProductByHandle(handle, account.id, 'tee');
    expect(tee?.description).toBe('Soft, "organic"\ncotton');
    expect(tee?.attributes).toEqual([
      { name: 'Color', values: ['Red', 'Blue'] },
      { name: 'Size', values: ['S', 'M'] },
    ]);
    expect(tee?.variants.map((variant) => [variant.sku, variant.values, variant.price, variant.costPrice, variant.weight])).toEqual([
      ['TEE-RS', ['Red', 'S'], '10.00', '4.00', '0.2'],
      ['TEE-RM', ['Red', 'M'], '10.00', '4.00', null],
      ['TEE-BS', ['Blue', 'S'], '12.50', '4.00', null],
    ]);
    expect(tee?.unallocated).toBe(false);
    expect(tee?.ecommerce).toBe(true);
    const rope = await findProductByHandle(handle, account.id, 'rope');
    expect(rope?.missingFields).toEqual(['group', 'brand', 'supplier', 'taxGroup', 'costPrice']);
    expect(await getStock(handle, account.id, 'tee-rm')).toEqual({ sku: 'TEE-RM', total: 2, locations: [{ location: 'Main', onHand: 0 }, { location: 'Back', onHand: 2 }] });
    expect((await getStock(handle, account.id, 'ROPE')).total).toBe(12.5);
    const marks = (await takeChangeMarks(handle, 100_000)).filter((mark) => mark.accountId === account.id);
    expect(marks).toHaveLength(3);
    expect(await derivedColumnProblems(handle, account.id)).toEqual([]);
  });

  it('export then import changes nothing, and the export imports into an empty account as the same catalogue', async () => {
    const handle = getHandle();
    const account = await newAccount(handle);
    await createLocation(handle, account.id, { name: 'Back' });
    await importCatalogCsv(handle, account.id, fileOf(csvOf(ROWS)));
    await simpleProduct(handle, account.id, 'API-MADE', { attributes: [{ name: 'Size', values: ['S', 'M', 'L'] }], variants: [{ sku: 'API-S', price: '1', values: ['S'] }] });
    const exported = path.join(mkdtempSync(path.join(tmpdir(), 'stockroom-csv-')), 'out.csv');
    expect(await exportCatalogCsv(handle, account.id, exported)).toEqual({ products: 3, variants: 5 });
    const before = await snapshot(handle, account.id);
    const again = await importCatalogCsv(handle, account.id, exported);
    expect(again.products).toEqual({ created: 0, updated: 0, unchanged: 3 });
    expect(again.variants).toEqual({ created: 0, updated: 0, unchanged: 5 });
    expect(again.openingBalances).toBe(0);
    expect(await snapshot(handle, account.id)).toEqual(before);

    const fresh = await newAccount(handle);
    await importCatalogCsv(handle, fresh.id, exported);
    const copy = path.join(path.dirname(exported), 'copy.csv');
    await exportCatalogCsv(handle, fresh.id, copy);
    const rowsOf = (file: string) => readFileSync(file, 'utf8').split('\r\n').slice(1).sort();
    expect(rowsOf(copy)).toEqual(rowsOf(exported));
    expect((await getStock(handle, fresh.id, 'TEE-RM')).total).toBe(2);
  });

  it('updates existing variants from the file and ignores their quantity', async () => {
    const handle = getHandle();
    const account = await newAccount(handle);
    await importCatalogCsv(handle, account.id, fileOf(csvOf(ROWS.map((row) => ({ ...row, location: '' })))));
    const changed: Row[] = ROWS.map((row) => ({ ...row, location: '' }));
    changed[0] = { ...changed[0], price: '11.00', quantity: '99' };
    changed.push({ ...TEE, attribute1_value: 'Green', attribute2_value: 'L', sku: 'TEE-GL', price: '10', quantity: '1' });
    const result = await importCatalogCsv(handle, account.id, fileOf(csvOf(changed)));
    expect(result.variants).toEqual({ created: 1, updated: 1, unchanged: 3 });
    expect(result.products).toEqual({ created: 0, updated: 1, unchanged: 1 });
    const tee = await findProductByHandle(handle, account.id, 'tee');
    expect(tee?.variants.find((variant) => variant.sku === 'TEE-RS')?.price).toBe('11.00');
    expect(tee?.attributes[0].values).toEqual(['Red', 'Blue', 'Green']);
    expect((await getStock(handle, account.id, 'TEE-RS')).total).toBe(5);
    expect((await getStock(handle, account.id, 'TEE-GL')).total).toBe(1);
    expect(await derivedColumnProblems(handle, account.id)).toEqual([]);
  });

  it('reports every bad row with its line number and writes nothing', async () => {
    const handle = getHandle();
    const account = await newAccount(handle);
    await simpleProduct(handle, account.id, 'OTHER-SKU');
    const before = await snapshot(handle, account.id);
    const rows: Row[] = [
      { handle: 'a', name: 'A', sku: 'A-1', price: '1.00' },
      { handle: 'b', name: 'B', sku: 'B-1', price: 'abc' },
      { handle: 'c', name: 'C', sku: ' a-1 ', price: '1' },
      { handle: 'd', name: 'D', sku: 'D-1', price: '-2' },
      { handle: 'e', name: 'E', sku: 'E-1', product_type: 'fixed', quantity: '1.5' },
      { handle: 'f', name: 'F', sku: 'other-sku' },
      { handle: 'g', name: 'G', sku: 'G-1', quantity: '3', location: 'Nowhere' },
      { handle: 'h', name: 'H', sku: 'H-1', ecommerce: 'maybe' },
      { handle: '', name: 'I', sku: 'I-1' },
      { handle: 'j', name: 'J', attribute1_name: 'Size', attribute1_value: 'S', sku: 'J-1' },
      { handle: 'j', name: 'J', attribute1_name: 'Size', attribute1_value: 's', sku: 'J-2' },
      { handle: 'k', name: 'K', sku: 'K-1', weight: '1.2345' },
    ];
    const attempt = importCatalogCsv(handle, account.id, fileOf(csvOf(rows)));
    await expect(attempt).rejects.toBeInstanceOf(DomainError);
    const error = (await attempt.catch((caught: unknown) => caught)) as DomainError;
    expect(error.code).toBe('csv_invalid');
    expect(error.message).toMatch(/^The file has 10 bad rows, so nothing was imported \(line 3: the price "abc" is not a number/);
    const lines = (error.details as { errors: { line: number; message: string }[] }).errors;
    expect(lines.map((entry) => entry.line)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 12, 13]);
    expect(lines.find((entry) => entry.line === 4)?.message).toBe('the SKU "a-1" is also on line 2; SKUs must be unique (ignoring case and spaces).');
    expect(lines.find((entry) => entry.line === 5)?.message).toMatch(/price cannot be negative/);
    expect(lines.find((entry) => entry.line === 6)?.message).toMatch(/whole units, so the quantity cannot be 1.5/);
    expect(lines.find((entry) => entry.line === 7)?.message).toBe('the SKU "other-sku" already belongs to the product "product-other-sku".');
    expect(lines.find((entry) => entry.line === 8)?.message).toBe('there is no location "Nowhere".');
    expect(lines.find((entry) => entry.line === 12)?.message).toMatch(/same as line 11/);
    expect(lines.find((entry) => entry.line === 13)?.message).toMatch(/more than 3 decimal places/);
    expect(await snapshot(handle, account.id)).toEqual(before);
  });

  it('refuses a header with a missing or an unknown column', async () => {
    const handle = getHandle();
    const account = await newAccount(handle);
    const withoutSku = CSV_COLUMNS.filter((column) => column !== 'sku');
    await expect(importCatalogCsv(handle, account.id, fileOf(csvOf([{ handle: 'x', name: 'X' }], withoutSku)))).rejects.toThrow('line 1: The header row has missing column sku.');
    await expect(importCatalogCsv(handle, account.id, fileOf(csvOf([{ handle: 'x', name: 'X' }], [...CSV_COLUMNS, 'colour'])))).rejects.toThrow('The header row has unknown column "colour".');
    await expect(importCatalogCsv(handle, account.id, fileOf(''))).rejects.toThrow(/the file is empty/);
    await expect(importCatalogCsv(handle, account.id, '/no/such/file.csv')).rejects.toThrow('Cannot read the file "/no/such/file.csv".');
    expect((await listMasterData(handle, account.id, 'brand')).length).toBe(0);
  });
});
