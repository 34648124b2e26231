// DATABASE_URL sends every command to PostgreSQL instead of the SQLite file.
import { describe, expect, it } from 'vitest';
import { createTestDatabase, postgresServerUrl } from '../support/databases.ts';
import { ensureDefaultAccount } from '../../src/accounts/accounts.ts';
import { createProduct } from '../../src/catalog/products.ts';
import { runCli } from './cli-process.ts';

const unavailable = !postgresServerUrl();

describe.skipIf(unavailable)(`stockroom CLI on PostgreSQL (DATABASE_URL)${unavailable ? ' — SKIPPED: no PostgreSQL server answered' : ''}`, () => {
  it('records and shows stock in the PostgreSQL database DATABASE_URL names, creating nothing under --data', async () => {
    const database = await createTestDatabase('postgres');
    try {
      const account = await ensureDefaultAccount(database.handle);
      await createProduct(database.handle, account.id, { name: 'Mug', productType: 'fixed', variants: [{ sku: 'MUG', price: '6' }] });
      const env = { DATABASE_URL: database.options.url };
      const moved = await runCli(['stock', 'move', '--sku', 'MUG', '--qty', '4', '--kind', 'receipt', '--json', '--data', '/nonexistent/never-created'], { env });
      expect(moved.stderr).toBe('');
      expect(JSON.parse(moved.stdout)).toMatchObject({ sku: 'MUG', onHand: 4, location: 'Main' });
      const level = await database.handle.db.selectFrom('stock_level').select('quantity_milli').executeTakeFirstOrThrow();
      expect(Number(level.quantity_milli)).toBe(4000);
    } finally {
      await database.destroy();
    }
  });
});
