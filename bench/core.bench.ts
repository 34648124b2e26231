// Core figures (`npm run bench`), on SQLite and on PostgreSQL (when a server answers at
// TEST_DATABASE_URL or postgres://postgres@127.0.0.1:5432/postgres):
//   - stock movements recorded per second, one process (sequential, and 8 at a time on PostgreSQL)
//   - CSV import of 100,000 variants: seconds and peak RSS (measured in a child process of its own)
//   - p50/p99 ms to list a page of 100 variants/products with a filter, from 100,000 variants, of
//     which 1% (every 100th product) is archived and so left out of the default lists
// Prints a human line and one JSON line per figure. Nothing here is asserted.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { openDatabase, type DatabaseHandle, type Dialect, type OpenDatabaseOptions } from '../src/db/handle.ts';
import { createAccount, findAccountByName } from '../src/accounts/accounts.ts';
import { createProduct } from '../src/catalog/products.ts';
import { listProducts, listVariants, type ListQuery } from '../src/catalog/listing.ts';
import { listMasterData } from '../src/catalog/master-data.ts';
import { bulkEdit } from '../src/catalog/bulk-edit.ts';
import { importCatalogCsv } from '../src/catalog/csv/import.ts';
import { CSV_COLUMNS } from '../src/catalog/csv/columns.ts';
import { csvLine } from '../src/catalog/csv/rfc4180.ts';
import { recordMovement } from '../src/stock/record-movement.ts';
import { benchDatabase } from './support/bench-database.ts';

const THIS_FILE = fileURLToPath(import.meta.url);
const VARIANTS = Number(process.env.BENCH_VARIANTS ?? 100_000);
const ACCOUNT = 'Bench';
/** BENCH_PARTS=movements,csv,listing (default all; listing needs csv) */
const PARTS = new Set((process.env.BENCH_PARTS ?? 'movements,csv,listing').split(','));

function report(dialect: Dialect, figure: string, value: number, unit: string, goal: string, human: string): void {
  process.stdout.write(`${dialect.padEnd(8)} ${human}  (goal ${goal})\n`);
  process.stdout.write(`${JSON.stringify({ bench: 'core', dialect, figure, value: Number(value.toFixed(3)), unit, goal })}\n`);
}

async function benchMovements(handle: DatabaseHandle, dialect: Dialect): Promise<void> {
  const account = await createAccount(handle, { name: `Movements ${randomBytes(3).toString('hex')}` });
  const skus: string[] = [];
  for (let i = 0; i < 500; i += 1) {
    skus.push(`MOVE-${i}`);
    await createProduct(handle, account.id, { name: `Move ${i}`, variants: [{ sku: `MOVE-${i}`, price: '1' }] });
  }
  const kinds = ['receipt', 'sale', 'adjustment'] as const;
  const one = (i: number) =>
    recordMovement(handle, account.id, { sku: skus[i % skus.length], kind: kinds[i % 3], quantity: kinds[i % 3] === 'adjustment' ? -1 : 1, actor: 'bench' });
  for (let i = 0; i < 200; i += 1) await one(i); // warm-up
  const count = dialect === 'sqlite' ? 10_000 : 4_000;
  let started = performance.now();
  for (let i = 0; i < count; i += 1) await one(i);
  let rate = count / ((performance.now() - started) / 1000);
  const goal = dialect === 'sqlite' ? '≥ 5000/s' : '≥ 2000/s';
  report(dialect, 'movements_per_second', rate, 'movements/s', goal, `stock movements, one process, one at a time: ${rate.toFixed(0)}/s`);
  if (dialect === 'postgres') {
    // Concurrent writers share WAL flushes (group commit); a pool of 32 connections.
    for (const inFlight of [8, 32]) {
      let next = 0;
      started = performance.now();
      await Promise.all(
        Array.from({ length: inFlight }, async () => {
          while (next < count) await one(next++);
        }),
      );
      rate = count / ((performance.now() - started) / 1000);
      report(dialect, `movements_per_second_${inFlight}_in_flight`, rate, 'movements/s', goal, `stock movements, one process, ${inFlight} in flight over 500 SKUs: ${rate.toFixed(0)}/s`);
    }
  }
}

/** 4 variants per product (Color × Size); every 3rd product unallocated; every 7th without cost. */
async function writeCatalogue(file: string, variants: number): Promise<void> {
  const out = createWriteStream(file);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(csvLine(CSV_COLUMNS));
  const products = Math.ceil(variants / 4);
  let text = '';
  let written = 0;
  for (let p = 0; p < products && written < variants; p += 1) {
    const allocated = p % 3 !== 0;
    for (const [color, size] of [['Red', 'S'], ['Red', 'M'], ['Blue', 'S'], ['Blue', 'M']]) {
      if (written >= variants) break;
      const row: Record<string, string> = {
        handle: `item-${p}`,
        name: `Item ${p} ${['Jacket', 'Shirt', 'Boot', 'Hat', 'Scarf'][p % 5]}`,
        description: p % 10 === 0 ? 'Warm, "waterproof"\nand light' : '',
        product_group: allocated ? `Group ${p % 20}` : '',
        brand: allocated ? `Brand ${p % 50}` : '',
        supplier: allocated ? `Supplier ${p % 10}` : '',
        product_type: allocated ? 'fixed' : '',
        tax_group: allocated ? 'Standard' : '',
        ecommerce: p % 2 === 0 ? 'yes' : 'no',
        attribute1_name: 'Color',
        attribute1_value: color,
        attribute2_name: 'Size',
        attribute2_value: size,
        sku: `SKU-${p}-${color}-${size}`,
        barcode: String(5_000_000_000_000 + written),
        price: `${10 + (p % 90)}.99`,
        cost_price: p % 7 === 0 ? '' : `${4 + (p % 30)}.50`,
        weight: '0.25',
        quantity: String(p % 13),
        location: '',
      };
      text += csvLine(CSV_COLUMNS.map((column) => row[column] ?? ''));
      written += 1;
    }
    if (text.length > 1 << 20) {
      await write(text);
      text = '';
    }
  }
  await write(text);
  out.end();
  await once(out, 'finish');
}

/** Child process: import the file into the Bench account, print seconds and peak RSS. */
async function csvImportChild(options: OpenDatabaseOptions, file: string): Promise<void> {
  const handle = await openDatabase(options);
  const account = (await findAccountByName(handle, ACCOUNT)) ?? (await createAccount(handle, { name: ACCOUNT }));
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const baseline = process.memoryUsage().rss;
  const started = performance.now();
  const result = await importCatalogCsv(handle, account.id, file);
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
  await handle.close();
  process.stdout.write(`${JSON.stringify({ seconds, peakRssMb: peak / 1024 / 1024, baselineRssMb: baseline / 1024 / 1024, variants: result.variants.created })}\n`);
}

async function benchCsvImport(options: OpenDatabaseOptions, dialect: Dialect, file: string): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', THIS_FILE, 'csv-import-child', JSON.stringify(options), file], { stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number];
  if (code !== 0) throw new Error(`CSV import child failed (${code})`);
  const figures = JSON.parse(stdout.trim().split('\n').pop() as string) as { seconds: number; peakRssMb: number; baselineRssMb: number; variants: number };
  report(dialect, 'csv_import_seconds', figures.seconds, 's', '≤ 30 s', `CSV import of ${figures.variants} variants: ${figures.seconds.toFixed(1)} s`);
  report(dialect, 'csv_import_peak_rss_mb', figures.peakRssMb, 'MB', '≤ 300 MB', `CSV import peak RSS (whole process; ${figures.baselineRssMb.toFixed(0)} MB before the import began): ${figures.peakRssMb.toFixed(0)} MB`);
}

async function benchListing(handle: DatabaseHandle, dialect: Dialect): Promise<void> {
  const account = await findAccountByName(handle, ACCOUNT);
  if (!account) throw new Error('Bench account missing');
  const group = (await listMasterData(handle, account.id, 'product_group')).find((item) => item.name === 'Group 7');
  const archived = await handle.db.selectFrom('product').select('id').where('account_id', '=', account.id).where('handle', 'like', 'item-%00').execute();
  await bulkEdit(handle, account.id, archived.map((row) => row.id), { status: 'archived' });
  const cases: [string, 'variants' | 'products', ListQuery][] = [
    ['variants, product group, sort sku', 'variants', { productGroup: group?.id, pageSize: 100, sort: 'sku:asc' }],
    ['variants, Unallocated, sort name', 'variants', { productGroup: 'unallocated', pageSize: 100, sort: 'name:asc' }],
    ['variants, missing cost price, page 5', 'variants', { missing: ['costPrice'], pageSize: 100, page: 5 }],
    ['variants, ecommerce, sort sku', 'variants', { ecommerce: true, pageSize: 100, sort: 'sku:asc' }],
    ['variants, ecommerce, sort price desc (no index for this pair)', 'variants', { ecommerce: true, pageSize: 100, sort: 'price:desc' }],
    ['variants, text "jacket"', 'variants', { q: 'jacket', pageSize: 100 }],
    ['variants, text "jacket", page 20', 'variants', { q: 'jacket', pageSize: 100, page: 20 }],
    ['variants, text "sku-123" (selective)', 'variants', { q: 'sku-123', pageSize: 100 }],
    ['products, text "jacket"', 'products', { q: 'jacket', pageSize: 100 }],
    ['products, Unallocated, sort name', 'products', { productGroup: 'unallocated', pageSize: 100 }],
    ['variants, no filter, sort sku', 'variants', { pageSize: 100, sort: 'sku:asc' }],
    ['products, no filter, sort name', 'products', { pageSize: 100 }],
    ['variants, archived, sort sku', 'variants', { status: 'archived', pageSize: 100, sort: 'sku:asc' }],
    ['products, archived, sort name', 'products', { status: 'archived', pageSize: 100 }],
    ['products, all statuses, sort name', 'products', { status: 'all', pageSize: 100 }],
  ];
  for (const [label, kind, query] of cases) {
    const run = () => (kind === 'variants' ? listVariants(handle, account.id, query) : listProducts(handle, account.id, query));
    for (let i = 0; i < 3; i += 1) await run();
    const times: number[] = [];
    let matches = '';
    for (let i = 0; i < 30; i += 1) {
      const started = performance.now();
      const { total, totalIsExact } = await run();
      times.push(performance.now() - started);
      matches = totalIsExact ? `${total}` : `more than ${total}`; // a text search stops counting past 1,000
    }
    times.sort((a, b) => a - b);
    const p50 = times[Math.floor(times.length * 0.5)];
    const p99 = times[Math.min(times.length - 1, Math.ceil(times.length * 0.99) - 1)];
    const slug = label.replace(/[^a-z0-9]+/gi, '_').toLowerCase();
    report(dialect, `list_page_p50_ms:${slug}`, p50, 'ms', 'p50 ≤ 20 ms', `list 100 of ${VARIANTS} (${label}; ${matches} match): p50 ${p50.toFixed(1)} ms`);
    report(dialect, `list_page_p99_ms:${slug}`, p99, 'ms', '-', `list 100 of ${VARIANTS} (${label}): p99 ${p99.toFixed(1)} ms`);
  }
}



async function benchDialect(dialect: Dialect, csvFile: string): Promise<void> {
  const database = await benchDatabase(dialect, 'stockroom_bench');
  if (!database) {
    process.stdout.write('postgres SKIPPED: no PostgreSQL server answered\n');
    return;
  }
  const { options, cleanup } = database;
  try {
    if (PARTS.has('movements')) {
      const handle = await openDatabase({ ...options, poolSize: 32 });
      try {
        await benchMovements(handle, dialect);
      } finally {
        await handle.close();
      }
    }
    if (PARTS.has('csv')) await benchCsvImport(options, dialect, csvFile);
    if (PARTS.has('listing')) {
      const reader = await openDatabase(options);
      try {
        await benchListing(reader, dialect);
      } finally {
        await reader.close();
      }
    }
  } finally {
    if (process.env.BENCH_KEEP === '1') process.stdout.write(`${dialect} database kept: ${JSON.stringify(options)}\n`);
    else await cleanup();
  }
}

async function main(): Promise<void> {
  if (process.argv[2] === 'csv-import-child') {
    await csvImportChild(JSON.parse(process.argv[3]) as OpenDatabaseOptions, process.argv[4]);
    return;
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'stockroom-bench-csv-'));
  const csvFile = path.join(dir, 'catalogue.csv');
  try {
    await writeCatalogue(csvFile, VARIANTS);
    const only = process.env.BENCH_DIALECT;
    for (const dialect of ['sqlite', 'postgres'] as const) if (!only || only === dialect) await benchDialect(dialect, csvFile);
  } finally {
    if (process.env.BENCH_KEEP === '1') process.stdout.write(`CSV kept: ${csvFile}\n`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

await main();
