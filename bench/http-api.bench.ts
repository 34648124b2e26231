// HTTP API figures (`npx tsx bench/http-api.bench.ts`), over real HTTP on SQLite and on PostgreSQL
// (when a server answers at TEST_DATABASE_URL or postgres://postgres@127.0.0.1:5432/postgres):
//   - a login (scrypt) in ms
//   - p50/p99 ms for GET /api/variants (a page of 100, filtered) from BENCH_VARIANTS variants (100,000)
//   - stock movements per second through POST /api/stock/movements, one at a time and 8 at a time
// Prints a human line and one JSON line per figure. Nothing here is asserted.
import { mkdtempSync, rmSync, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase, type DatabaseHandle, type Dialect } from '../src/db/handle.ts';
import { ensureDefaultAccount } from '../src/accounts/accounts.ts';
import { createUser } from '../src/auth/users.ts';
import { importCatalogCsv } from '../src/catalog/csv/import.ts';
import { CSV_COLUMNS } from '../src/catalog/csv/columns.ts';
import { csvLine } from '../src/catalog/csv/rfc4180.ts';
import { buildApp } from '../src/http/app.ts';
import { benchDatabase } from './support/bench-database.ts';

const VARIANTS = Number(process.env.BENCH_VARIANTS ?? 100_000);
const PER_PRODUCT = 4;
const PASSWORD = 'bench password';

function report(dialect: Dialect, figure: string, value: number, unit: string, human: string): void {
  process.stdout.write(`${dialect.padEnd(8)} ${human}\n`);
  process.stdout.write(`${JSON.stringify({ bench: 'http-api', dialect, figure, value: Number(value.toFixed(3)), unit })}\n`);
}

async function writeCatalogue(file: string): Promise<void> {
  const out = createWriteStream(file);
  const column = new Map(CSV_COLUMNS.map((name, index) => [name, index]));
  out.write(csvLine([...CSV_COLUMNS]));
  const sizes = ['S', 'M', 'L', 'XL'];
  for (let product = 0; product < VARIANTS / PER_PRODUCT; product += 1) {
    const finished = product % 3 !== 0; // a third of the catalogue is Unallocated
    for (let size = 0; size < PER_PRODUCT; size += 1) {
      const cells = new Array<string>(CSV_COLUMNS.length).fill('');
      const set = (name: (typeof CSV_COLUMNS)[number], value: string) => (cells[column.get(name)!] = value);
      set('handle', `p-${product}`);
      set('name', `${product % 7 === 0 ? 'Jacket' : 'Shirt'} ${product}`);
      if (finished) {
        set('product_group', `Group ${product % 20}`);
        set('brand', `Brand ${product % 50}`);
        set('supplier', `Supplier ${product % 10}`);
        set('product_type', 'fixed');
        set('tax_group', 'Standard');
        set('cost_price', '4.00');
      }
      set('ecommerce', product % 2 === 0 ? 'yes' : 'no');
      set('attribute1_name', 'Size');
      set('attribute1_value', sizes[size]);
      set('sku', `SKU-${product}-${sizes[size]}`);
      set('price', `${10 + (product % 90)}.00`);
      set('quantity', String(product % 13));
      if (!out.write(csvLine(cells))) await once(out, 'drain');
    }
  }
  out.end();
  await once(out, 'finish');
}



function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * p) - 1))];
}

async function benchServer(handle: DatabaseHandle, dialect: Dialect): Promise<void> {
  const app = await buildApp({ handle, webRoot: null });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  try {
    let cookie = '';
    const loginTimes: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const started = performance.now();
      const response = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'bench@example.com', password: PASSWORD }),
      });
      loginTimes.push(performance.now() - started);
      cookie = (response.headers.get('set-cookie') ?? '').split(';')[0];
    }
    loginTimes.sort((a, b) => a - b);
    report(dialect, 'login_p50_ms', percentile(loginTimes, 0.5), 'ms', `login (scrypt N=2^15): p50 ${percentile(loginTimes, 0.5).toFixed(1)} ms`);

    const get = async (url: string) => {
      const response = await fetch(`${base}${url}`, { headers: { cookie } });
      if (response.status !== 200) throw new Error(`${url}: ${response.status} ${await response.text()}`);
      return (await response.json()) as { total: number; totalIsExact: boolean };
    };
    const cases: Array<[string, string]> = [
      ['variants, Unallocated, sort name', '/api/variants?productGroup=unallocated&pageSize=100&sort=name:asc'],
      ['variants, missing cost price, page 5', '/api/variants?missing=costPrice&pageSize=100&page=5'],
      ['variants, text "jacket", ecommerce', '/api/variants?q=jacket&ecommerce=true&pageSize=100'],
      ['products, sort name desc, page 10', '/api/products?pageSize=100&page=10&sort=name:desc'],
    ];
    for (const [label, url] of cases) {
      for (let i = 0; i < 3; i += 1) await get(url);
      const times: number[] = [];
      let total = '0';
      for (let i = 0; i < 30; i += 1) {
        const started = performance.now();
        const page = await get(url);
        total = page.totalIsExact ? String(page.total) : `more than ${page.total}`;
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      const slug = label.replace(/[^a-z0-9]+/gi, '_').toLowerCase();
      report(dialect, `http_list_p50_ms:${slug}`, percentile(times, 0.5), 'ms', `GET 100 of ${VARIANTS} over HTTP (${label}; ${total} match): p50 ${percentile(times, 0.5).toFixed(1)} ms, p99 ${percentile(times, 0.99).toFixed(1)} ms`);
    }

    const move = async (i: number) => {
      const response = await fetch(`${base}/api/stock/movements`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ sku: `SKU-${i % Math.min(1000, VARIANTS / PER_PRODUCT)}-M`, quantity: 1, kind: i % 2 === 0 ? 'sale' : 'receipt' }),
      });
      if (response.status !== 201) throw new Error(`movement: ${response.status} ${await response.text()}`);
      await response.arrayBuffer();
    };
    for (const concurrency of [1, 8]) {
      const count = 800;
      let next = 0;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < count) await move(next++);
        }),
      );
      const perSecond = count / ((performance.now() - started) / 1000);
      report(dialect, `http_movements_per_s:c${concurrency}`, perSecond, '1/s', `POST /api/stock/movements, ${concurrency} at a time: ${perSecond.toFixed(0)}/s`);
    }
  } finally {
    await app.close();
  }
}

async function benchDialect(dialect: Dialect, csvFile: string): Promise<void> {
  const database = await benchDatabase(dialect, 'stockroom_http_bench');
  if (!database) {
    process.stdout.write('postgres SKIPPED: no PostgreSQL server answered\n');
    return;
  }
  const { options, cleanup } = database;
  try {
    const handle = await openDatabase(options);
    try {
      const account = await ensureDefaultAccount(handle);
      await createUser(handle.db, { accountId: account.id, email: 'bench@example.com', password: PASSWORD });
      const started = performance.now();
      await importCatalogCsv(handle, account.id, csvFile);
      process.stdout.write(`${dialect.padEnd(8)} (seeded ${VARIANTS} variants in ${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
      await benchServer(handle, dialect);
    } finally {
      await handle.close();
    }
  } finally {
    await cleanup();
  }
}

const dir = mkdtempSync(path.join(tmpdir(), 'stockroom-http-bench-csv-'));
try {
  const csvFile = path.join(dir, 'catalogue.csv');
  await writeCatalogue(csvFile);
  await benchDialect('sqlite', csvFile);
  await benchDialect('postgres', csvFile);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
