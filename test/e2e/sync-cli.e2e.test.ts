// `stockroom sync --until-idle` as a user runs it: a till sale reaches the store and the command
// returns; a store that stops answering makes it stop with one line instead of hanging.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startShopify, type SeededShopify } from './sync-fixtures.ts';
import { forEachDialect } from '../support/databases.ts';
import { runCli } from '../cli/cli-process.ts';
import { recordMovement } from '../../src/stock/record-movement.ts';
import { connectAndImport, storeQuantity } from './stock-sync-fixtures.ts';

forEachDialect('stockroom sync --until-idle (e2e, Shopify emulator)', (getHandle, getDatabase) => {
  let shop: SeededShopify;
  let accountId = '';

  beforeAll(async () => {
    shop = await startShopify([{ title: 'Cli Tee', variants: [{ sku: 'CLI-1', price: '5.00', quantities: [9] }] }]);
    ({ accountId } = await connectAndImport(getHandle(), shop));
  });

  afterAll(async () => {
    await shop?.close();
  });

  function cli(args: string[]) {
    const { options } = getDatabase();
    const env = options.url ? { DATABASE_URL: options.url } : {};
    const data = options.dataDir ? ['--data', options.dataDir] : [];
    return runCli([...args, ...data, '--json'], { env: { ...env, STOCKROOM_SECRET: process.env.STOCKROOM_SECRET, STOCKROOM_COALESCE_MS: '0' } });
  }

  it('pushes a till sale to the store and returns when idle', async () => {
    await recordMovement(getHandle(), accountId, { sku: 'CLI-1', kind: 'sale', quantity: 2 });
    const result = await cli(['sync', '--until-idle']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ idle: true, pushed: 1, requests: 1 });
    expect(await storeQuantity(shop, 'CLI-1')).toBe(7);
  });

  it('stops with one line when the store does not answer', async () => {
    await recordMovement(getHandle(), accountId, { sku: 'CLI-1', kind: 'sale', quantity: 1 });
    await shop.close();
    const result = await cli(['sync', '--until-idle']);
    expect(result.code).not.toBe(0);
    const lines = result.stderr.trim().split('\n');
    expect(lines[lines.length - 1]).toMatch(/^stockroom: Sync stopped because a store keeps failing/);
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});
