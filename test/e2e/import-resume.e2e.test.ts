// An import killed mid-job (the spawned CLI, SIGKILL) is resumed from its checkpoint once its
// lease expires, and a second import run meanwhile links what the first created: nothing twice.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { start } from '../../emulators/shopify/index.ts';
import type { EmulatorHandle } from '../../emulators/emulator.ts';
import { TEST_SECRET } from './sync-fixtures.ts';
import { openDatabase } from '../../src/db/handle.ts';
import { ensureDefaultAccount } from '../../src/accounts/accounts.ts';
import { connectStore } from '../../src/sync/stores/connect-store.ts';
import { runJobUntilFinished } from '../../src/jobs/wait-for-job.ts';
import type { ImportSummary } from '../../src/sync/import/import-job.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const VARIANTS = 1200; // 300 products of 4 sizes: two catalogue pages
let shop: EmulatorHandle;
let dataDir: string;

beforeAll(async () => {
  shop = await start({ seed: `gen:${VARIANTS}`, delayMs: 0 });
  dataDir = mkdtempSync(path.join(tmpdir(), 'stockroom-import-kill-'));
});
afterAll(async () => {
  await shop?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function importCli(storeId: string) {
  return spawn(process.execPath, ['bin/stockroom.mjs', '--data', dataDir, 'store', 'import', storeId, '--wait', '--json'], {
    cwd: ROOT,
    env: { ...process.env, STOCKROOM_SECRET: TEST_SECRET, STOCKROOM_JOB_LEASE_MS: '1000', DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

it('resumes an import killed mid-job and never creates a product twice', { timeout: 150_000 }, async () => {
  const handle = await openDatabase({ dataDir });
  try {
    const account = await ensureDefaultAccount(handle);
    const storeId = (await connectStore(handle, account.id, { platform: 'shopify', url: shop.url, credentials: shop.credentials })).id;

    const first = importCli(storeId);
    const firstExit = new Promise((resolve) => first.on('exit', resolve));
    const deadline = Date.now() + 90_000;
    for (;;) {
      const done = await handle.db.selectFrom('job_item').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      if (Number(done.n) >= 20) break;
      if (Date.now() > deadline) throw new Error('the first import never got going');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    first.kill('SIGKILL');
    await firstExit;
    const orphan = await handle.db.selectFrom('job').select(['id', 'state', 'checkpoint']).executeTakeFirstOrThrow();
    expect(orphan.state).toBe('running');
    expect(JSON.parse(orphan.checkpoint!)).toMatchObject({ phase: 'import' });
    const productsAtKill = Number((await handle.db.selectFrom('product').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    expect(productsAtKill).toBeGreaterThan(0);
    expect(productsAtKill).toBeLessThan(VARIANTS / 4);

    // After the lease, the killed job is resumed here and finishes the catalogue.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const resumed = await runJobUntilFinished(handle, account.id, orphan.id);
    expect(resumed.state).toBe('done');
    expect(resumed.attempts).toBe(2);
    const summary = resumed.summary as ImportSummary;
    expect(summary).toEqual({ linked: 0, created: VARIANTS, skipped: [] });

    const count = async (table: 'product' | 'variant' | 'variant_link') =>
      Number((await handle.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    expect(await count('product')).toBe(VARIANTS / 4);
    expect(await count('variant')).toBe(VARIANTS);
    expect(await count('variant_link')).toBe(VARIANTS);

    // A second import through the CLI links everything and creates nothing.
    const second = importCli(storeId);
    let stdout = '';
    second.stdout.on('data', (chunk) => (stdout += chunk));
    expect(await new Promise((resolve) => second.on('exit', resolve))).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ linked: VARIANTS, created: 0, skipped: [] });
    expect(await count('product')).toBe(VARIANTS / 4);
  } finally {
    await handle.close();
  }
});
