// The store commands as users script them (CONTRACT.md), spawned against the Shopify emulator:
// one JSON document on stdout, one line on stderr when refused.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startShopify, TEST_SECRET, type SeededShopify } from './sync-fixtures.ts';
import { openDatabase } from '../../src/db/handle.ts';
import { ensureDefaultAccount } from '../../src/accounts/accounts.ts';
import { createProduct } from '../../src/catalog/products.ts';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
let shop: SeededShopify;
let dataDir: string;

async function stockroom(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/stockroom.mjs', '--data', dataDir, ...args], {
      cwd: ROOT,
      env: { ...process.env, STOCKROOM_SECRET: TEST_SECRET, DATABASE_URL: '' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

beforeAll(async () => {
  shop = await startShopify([
    {
      title: 'Wide Jeans',
      options: [
        { name: 'Size', values: ['30', '32'] },
        { name: 'Length', values: ['32'] },
      ],
      variants: [
        { sku: 'WJ-30', price: '60.00', options: ['30', '32'], quantities: [2] },
        { sku: 'WJ-32', price: '60.00', options: ['32', '32'], quantities: [0] },
      ],
    },
  ]);
  dataDir = mkdtempSync(path.join(tmpdir(), 'stockroom-store-cli-'));
});
afterAll(async () => {
  await shop?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

it('connects, imports, lists local products and dry-runs a publish through the CLI', { timeout: 150_000 }, async () => {
  const refused = await stockroom('store', 'connect', '--platform', 'shopify', '--url', shop.url, '--credentials', '{"accessToken":"shpat_forged"}', '--json');
  expect(refused.code).not.toBe(0);
  expect(refused.stdout).toBe('');
  expect(refused.stderr.trim().split('\n')).toHaveLength(1);
  expect(refused.stderr).toMatch(/^stockroom: The store refused these credentials/);

  const connected = await stockroom('store', 'connect', '--platform', 'shopify', '--url', shop.url, '--credentials', JSON.stringify(shop.credentials), '--name', 'Web shop', '--json');
  expect(connected.code).toBe(0);
  const { id } = JSON.parse(connected.stdout) as { id: string };
  expect(Object.keys(JSON.parse(connected.stdout))).toEqual(['id']);

  const imported = await stockroom('store', 'import', id, '--wait', '--json');
  expect(imported.code).toBe(0);
  expect(JSON.parse(imported.stdout)).toEqual({ linked: 0, created: 2, skipped: [] });
  expect(imported.stderr).toMatch(/import: done 1\/1/);

  const set = await stockroom('store', 'set', id, '--buffer', '1', '--attribute-policy', 'skip', '--json');
  expect(JSON.parse(set.stdout)).toMatchObject({ id, buffer: 1, attributePolicy: 'skip', pendingStock: 2 });
  const listed = await stockroom('store', 'list', '--json');
  expect(JSON.parse(listed.stdout)).toMatchObject([{ id, name: 'Web shop', platform: 'shopify', linkedVariants: 2 }]);

  // A product made here shows up, preselected by its Ecommerce flag.
  const handle = await openDatabase({ dataDir });
  try {
    const account = await ensureDefaultAccount(handle);
    await createProduct(handle, account.id, { name: 'Flat Cap', ecommerce: true, variants: [{ sku: 'CAP-1', price: '15.00' }] });
  } finally {
    await handle.close();
  }
  const local = JSON.parse((await stockroom('store', 'local-products', id, '--json')).stdout);
  expect(local).toEqual([{ productId: expect.any(String), name: 'Flat Cap', preselected: true, fits: 'yes' }]);

  const dry = await stockroom('store', 'publish', id, '--flagged', '--dry-run', '--json');
  expect(JSON.parse(dry.stdout)).toEqual({ created: [{ productId: local[0].productId, name: 'Flat Cap' }], blocked: [], failed: [] });
  expect((await shop.state()).products).toHaveLength(1);

  const log = JSON.parse((await stockroom('store', 'log', id, '--json')).stdout) as Array<{ kind: string }>;
  expect(log.map((entry) => entry.kind)).toEqual(['import', 'connect']);
});
