// The real commands with REDIS_URL set: `store import --wait` still runs its job when no worker
// runs, and a `stockroom worker` process takes an import queued by another command through bullmq.
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startShopify, TEST_SECRET, type SeededShopify } from './sync-fixtures.ts';
import { openDatabase } from '../../src/db/handle.ts';
import { ensureDefaultAccount } from '../../src/accounts/accounts.ts';
import { getJob } from '../../src/jobs/job-store.ts';
import { sleep } from '../../src/jobs/worker.ts';
import { deleteQueueKeys, redisServerUrl, uniqueQueuePrefix } from '../support/redis.ts';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const redisUrl = redisServerUrl();
const prefix = uniqueQueuePrefix();
let shop: SeededShopify;
let dataDir: string;

function env(): NodeJS.ProcessEnv {
  return { ...process.env, STOCKROOM_SECRET: TEST_SECRET, DATABASE_URL: '', REDIS_URL: redisUrl!, STOCKROOM_QUEUE_PREFIX: prefix };
}

async function stockroom(...args: string[]): Promise<{ stdout: string; stderr: string }> {
  return run(process.execPath, ['bin/stockroom.mjs', '--data', dataDir, ...args], { cwd: ROOT, env: env() });
}

describe.skipIf(!redisUrl)(`stockroom commands with REDIS_URL${redisUrl ? '' : ' — SKIPPED: no Redis server answered'}`, () => {
  beforeAll(async () => {
    shop = await startShopify([{ title: 'Beanie', variants: [{ sku: 'BEANIE', price: '12.00', quantities: [3] }] }]);
    dataDir = mkdtempSync(path.join(tmpdir(), 'stockroom-worker-queue-'));
  });
  afterAll(async () => {
    await shop?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    await deleteQueueKeys(redisUrl!, prefix);
  });

  it('import --wait runs without a worker; a worker process runs a queued import; SIGTERM stops it', { timeout: 120_000 }, async () => {
    const { id } = JSON.parse((await stockroom('store', 'connect', '--platform', 'shopify', '--url', shop.url, '--credentials', JSON.stringify(shop.credentials), '--json')).stdout) as { id: string };
    const waited = await stockroom('store', 'import', id, '--wait', '--json');
    expect(JSON.parse(waited.stdout)).toEqual({ linked: 0, created: 1, skipped: [] });

    const worker = spawn(process.execPath, ['bin/stockroom.mjs', '--data', dataDir, 'worker'], { cwd: ROOT, env: env() });
    let stderr = '';
    const exited = new Promise<number | null>((resolve) => worker.on('close', (code) => resolve(code)));
    try {
      await new Promise<void>((resolve, reject) => {
        worker.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
          if (stderr.includes('Worker running')) resolve();
        });
        void exited.then((code) => reject(new Error(`worker exited (${code}): ${stderr}`)));
      });
      expect(stderr).toMatch(/Worker running \(jobs: bullmq queue on REDIS_URL\)/);

      const { jobId } = JSON.parse((await stockroom('store', 'import', id, '--json')).stdout) as { jobId: string };
      const handle = await openDatabase({ dataDir });
      try {
        const account = await ensureDefaultAccount(handle);
        for (let view = await getJob(handle, account.id, jobId); ; view = await getJob(handle, account.id, jobId)) {
          if (view.state === 'done' || view.state === 'failed') {
            expect(view).toMatchObject({ state: 'done', summary: { linked: 1, created: 0, skipped: [] } });
            break;
          }
          await sleep(100);
        }
        const owner = await handle.db.selectFrom('job').select(['id', 'attempts']).where('id', '=', jobId).executeTakeFirstOrThrow();
        expect(Number(owner.attempts)).toBe(1);
      } finally {
        await handle.close();
      }
    } finally {
      worker.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });
});
