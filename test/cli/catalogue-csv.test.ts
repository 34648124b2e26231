// `product import-csv` / `export-csv` as a user runs them: a round trip that changes nothing, and a
// bad file reported row by row with nothing written.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../../src/catalog/csv/columns.ts';
import { runCli } from './cli-process.ts';

function csv(rows: Array<Partial<Record<(typeof CSV_COLUMNS)[number], string>>>, columns: readonly string[] = CSV_COLUMNS): string {
  const quote = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  return [columns.join(','), ...rows.map((row) => columns.map((column) => quote((row as Record<string, string>)[column] ?? '')).join(','))].join('\n') + '\n';
}

const shirtBase = {
  handle: 'oxford-shirt',
  name: 'Oxford shirt',
  description: 'Cotton, "button-down", long sleeves',
  product_group: 'Shirts',
  brand: 'Acme',
  supplier: 'Cloth Co',
  product_type: 'fixed',
  tax_group: 'Standard',
  ecommerce: 'yes',
  attribute1_name: 'Colour',
  attribute2_name: 'Size',
};

const goodFile = csv([
  { ...shirtBase, attribute1_value: 'Blue', attribute2_value: 'M', sku: 'OX-BLU-M', barcode: '5000000000011', price: '29.50', cost_price: '12.00', weight: '0.3', quantity: '5' },
  { ...shirtBase, attribute1_value: 'White', attribute2_value: 'L', sku: 'OX-WHT-L', price: '29.50', cost_price: '12.00', weight: '0.3', quantity: '2' },
  { handle: 'rope', name: 'Rope', product_type: 'per_unit', unit: 'm', ecommerce: 'no', sku: 'ROPE-1', price: '1.20', quantity: '25.5' },
]);

describe('stockroom product import-csv / export-csv', () => {
  let dir: string;
  let data: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'stockroom-csv-'));
    data = path.join(dir, 'data');
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports a catalogue (creating groups, brands, suppliers by name, opening stock), and export → import changes nothing', async () => {
    writeFileSync(path.join(dir, 'catalogue.csv'), goodFile);
    const imported = await runCli(['product', 'import-csv', path.join(dir, 'catalogue.csv'), '--json', '--data', data]);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    const result = JSON.parse(imported.stdout);
    expect(result.products.created).toBe(2);
    expect(result.variants.created).toBe(3);
    expect(result.openingBalances).toBe(3);
    expect(result.createdMasterData.map((item: { name: string }) => item.name).sort()).toEqual(['Acme', 'Cloth Co', 'Shirts', 'Standard']);

    const exportPath = path.join(dir, 'export.csv');
    const exported = await runCli(['product', 'export-csv', exportPath, '--json', '--data', data]);
    expect(exported.code).toBe(0);
    const text = readFileSync(exportPath, 'utf8');
    expect(text.split(/\r?\n/)[0]).toBe(CSV_COLUMNS.join(','));
    expect(text).toContain('"Cotton, ""button-down"", long sleeves"');
    expect(text).toMatch(/OX-BLU-M/);

    const again = await runCli(['product', 'import-csv', exportPath, '--json', '--data', data]);
    expect(again.code).toBe(0);
    const second = JSON.parse(again.stdout);
    expect(second.products).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(second.variants).toEqual({ created: 0, updated: 0, unchanged: 3 });
    expect(second.openingBalances).toBe(0);
  });

  it('reports every bad row with its line number, exits non-zero with one line, and writes nothing', async () => {
    const bad = csv([
      { handle: 'mug', name: 'Mug', sku: 'MUG-1', price: '6.00', quantity: '3' },
      { handle: 'mug', name: 'Mug', sku: 'MUG-2', price: 'six', quantity: '3' },
      { handle: 'cup', name: 'Cup', sku: ' mug-1 ', price: '4.00' },
      { handle: 'bowl', name: 'Bowl', sku: 'BOWL-1', price: '-2.00' },
      { handle: 'plate', name: 'Plate', sku: 'PLATE-1', price: '3', weight: 'heavy' },
    ]);
    writeFileSync(path.join(dir, 'bad.csv'), bad);
    const result = await runCli(['product', 'import-csv', path.join(dir, 'bad.csv'), '--data', data]);
    expect(result.code).not.toBe(0);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    for (const line of [3, 4, 5, 6]) expect(lines[0]).toContain(`line ${line}:`);
    expect(lines[0]).not.toContain('line 2:');
    expect(lines[0]).not.toMatch(/\bat .*\.ts:\d+/); // no stack trace

    const missingColumn = csv([{ handle: 'mug', name: 'Mug', sku: 'MUG-1', price: '6' }], CSV_COLUMNS.filter((column) => column !== 'barcode'));
    writeFileSync(path.join(dir, 'missing.csv'), missingColumn);
    const missing = await runCli(['product', 'import-csv', path.join(dir, 'missing.csv'), '--data', data]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toMatch(/barcode/);

    const stock = await runCli(['stock', 'show', '--sku', 'MUG-1', '--data', data]);
    expect(stock.code).not.toBe(0);
    expect(stock.stderr).toBe('stockroom: There is no variant with SKU "MUG-1".\n');
  });
});
