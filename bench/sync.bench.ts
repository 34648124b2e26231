// The sync engine against a store emulator at the platform's standard limit (Shopify: a 2,000-point
// bucket restoring 100 points/s). Prints figures on stderr and one JSON line per figure on stdout:
//  (a) push N changed variants: wall time, requests, points, requestsRatio, timeRatio, throttled;
//  (b) till sale → store updated latency, p50 / p99, with the sync loop running;
//  (c) import of M variants: wall time and peak RSS of this process (the emulator runs in its own);
//  naive: one request per variant, measured on K variants and scaled to N.
// The emulator runs as `stockroom emulate <platform>` in a child process, so its CPU and memory are
// not Stockroom's. Usage: npm run bench:sync [-- --platform shopify]
// Env: BENCH_PUSH_VARIANTS (100000), BENCH_IMPORT_VARIANTS (50000), BENCH_NAIVE_VARIANTS (1000), BENCH_SALES (40).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { openDatabase, type DatabaseHandle } from '../src/db/handle.ts';
import { inTransaction } from '../src/db/transaction.ts';
import { ensureDefaultAccount } from '../src/accounts/accounts.ts';
import { connectStore } from '../src/sync/stores/connect-store.ts';
import { startImport } from '../src/sync/import/start-import.ts';
import { runJobUntilFinished } from '../src/jobs/wait-for-job.ts';
import { retryJob } from '../src/jobs/job-store.ts';
import { recordMovement, recordMovementIn } from '../src/stock/record-movement.ts';
import { runSyncLoop, syncUntilIdle } from '../src/sync/engine-loop/sync-loop.ts';
import { governorForStore } from '../src/sync/governor/store-governors.ts';
import { channelFor, storeCipher } from '../src/sync/stores/store-channel.ts';
import { getStoreRow } from '../src/sync/stores/store-view.ts';
import { ChannelError } from '../src/channels/channel.ts';
import { connectAndLinkDirectly } from './support/link-directly.ts';

process.env.STOCKROOM_SECRET ??= 'bench-secret-0123456789-abcdefghijklmnopq';
process.env.STOCKROOM_RECONCILE_EVERY_MS = '0';
delete process.env.STOCKROOM_PUBLIC_URL;

interface PlatformProfile {
  platform: 'shopify' | 'woocommerce' | 'bigcommerce';
  /** The operation name /__emulator/requests counts quantity writes under. */
  quantityWriteOperation: string;
  /** Rows per quantity write (the fewest requests = ceil(N / this)). */
  batchSize: number;
  /** The lower bound on wall time the rate limit sets, from what the run actually spent; null when none. */
  lowerBoundSeconds(run: { points: number; requests: number }): number | null;
}

const PROFILES: Record<string, PlatformProfile> = {
  shopify: {
    platform: 'shopify',
    quantityWriteOperation: 'inventorySetQuantities',
    batchSize: 250,
    // A full 2,000-point bucket to start, then 100 points/s.
    lowerBoundSeconds: ({ points }) => Math.max(0, (points - 2000) / 100),
  },
};

const args = process.argv.slice(2);
const platformName = args.includes('--platform') ? args[args.indexOf('--platform') + 1]! : 'shopify';
const profile = PROFILES[platformName];
if (!profile) throw new Error(`No sync bench profile for "${platformName}" yet (have: ${Object.keys(PROFILES).join(', ')}).`);

const PUSH_VARIANTS = Number(process.env.BENCH_PUSH_VARIANTS ?? 100_000);
const IMPORT_VARIANTS = Number(process.env.BENCH_IMPORT_VARIANTS ?? 50_000);
const NAIVE_VARIANTS = Number(process.env.BENCH_NAIVE_VARIANTS ?? 1_000);
const SALES = Number(process.env.BENCH_SALES ?? 40);
const BIN = fileURLToPath(new URL('../bin/stockroom.mjs', import.meta.url));

function emit(figure: string, values: Record<string, unknown>, human: string): void {
  console.error(`${figure}: ${human}`);
  console.log(JSON.stringify({ bench: 'sync', platform: profile!.platform, figure, ...values }));
}

interface Emulator {
  url: string;
  credentials: Record<string, string>;
  child: ChildProcess;
  control(pathname: string, body?: unknown): Promise<any>;
  stop(): Promise<void>;
}

async function startEmulator(seed: string): Promise<Emulator> {
  const child = spawn(process.execPath, [BIN, 'emulate', profile!.platform, '--port', '0', '--seed', seed], { stdio: ['ignore', 'pipe', 'inherit'] });
  const first = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the emulator exited (${code}) before it started`)));
  });
  const { url, credentials } = JSON.parse(first) as { url: string; credentials: Record<string, string> };
  const control = async (pathname: string, body?: unknown) => {
    const response = await fetch(`${url}/__emulator/${pathname}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`emulator ${pathname}: ${response.status} ${await response.text()}`);
    return response.json();
  };
  const stop = () =>
    new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { url, credentials, child, control, stop };
}

async function freshDatabase(): Promise<{ handle: DatabaseHandle; dispose(): Promise<void> }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'stockroom-bench-'));
  const handle = await openDatabase({ dataDir });
  return {
    handle,
    dispose: async () => {
      await handle.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function connectAndImport(handle: DatabaseHandle, emulator: Emulator): Promise<{ accountId: string; storeId: string; importSeconds: number }> {
  const account = await ensureDefaultAccount(handle);
  const store = await connectStore(handle, account.id, { platform: profile!.platform, url: emulator.url, credentials: emulator.credentials });
  const started = performance.now();
  const { jobId } = await startImport(handle, account.id, store.id);
  let job = await runJobUntilFinished(handle, account.id, jobId);
  // On a loaded machine a bulk export can outlast the connector's wait; the job resumes from its checkpoint.
  for (let attempt = 1; job.state === 'failed' && attempt <= 5; attempt += 1) {
    console.error(`import failed (${job.error}); retrying (${attempt})`);
    await retryJob(handle, account.id, jobId);
    job = await runJobUntilFinished(handle, account.id, jobId);
  }
  if (job.state !== 'done') throw new Error(`import ${job.state}: ${job.error}`);
  return { accountId: account.id, storeId: store.id, importSeconds: (performance.now() - started) / 1000 };
}

/** One receipt of +1 for every linked variant, through the ledger (so each marks its links). */
async function changeEveryVariant(handle: DatabaseHandle, accountId: string, storeId: string, limit = Infinity): Promise<number> {
  const links = await handle.db.selectFrom('variant_link').select('variant_id').where('store_id', '=', storeId).orderBy('id').execute();
  const chosen = links.slice(0, Math.min(limit, links.length));
  for (let start = 0; start < chosen.length; start += 1000) {
    await inTransaction(handle, async (trx) => {
      for (const link of chosen.slice(start, start + 1000)) await recordMovementIn(trx, accountId, { variantId: link.variant_id, kind: 'receipt', quantity: 1 });
    });
  }
  return chosen.length;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

// (a) push every variant, and the naive one-request-per-variant figure on the same emulator.
// BENCH_PUSH_VARIANTS=0 skips it.
if (PUSH_VARIANTS > 0) {
  const emulator = await startEmulator(`gen:${PUSH_VARIANTS}`);
  const db = await freshDatabase();
  try {
    const { accountId, storeId } = await connectAndLinkDirectly(db.handle, profile!.platform, emulator);
    console.error(`push: ${PUSH_VARIANTS} variants linked`);
    const changed = await changeEveryVariant(db.handle, accountId, storeId);
    console.error(`push: ${changed} variants changed through the ledger`);
    // Start the measured push as the platform would after a rest: a full bucket.
    await new Promise((resolve) => setTimeout(resolve, 21_000));
    const governor = governorForStore(storeId);
    const pointsBefore = governor.stats.pointsSpent;
    const waitedBefore = governor.stats.waitedMs;
    const before = await emulator.control('requests');
    const started = performance.now();
    const result = await syncUntilIdle(db.handle, { coalesceMs: 0, scheduledReconcile: false });
    const wall = (performance.now() - started) / 1000;
    const after = await emulator.control('requests');
    const op = profile.quantityWriteOperation;
    const pushRequests = (after.byOperation[op] ?? 0) - (before.byOperation[op] ?? 0);
    const points = governor.stats.pointsSpent - pointsBefore;
    const fewest = Math.ceil(changed / profile.batchSize);
    const bound = profile.lowerBoundSeconds({ points, requests: pushRequests });
    emit(
      'push',
      {
        variants: changed,
        pushed: result.totals.pushed,
        wallSeconds: Number(wall.toFixed(2)),
        requests: pushRequests,
        requestsAll: after.total - before.total,
        pointsSpent: points,
        pointsPerRequest: Number((points / Math.max(1, pushRequests)).toFixed(1)),
        requestsRatio: Number((pushRequests / fewest).toFixed(3)),
        lowerBoundSeconds: bound === null ? null : Number(bound.toFixed(2)),
        timeRatio: bound ? Number((wall / bound).toFixed(3)) : null,
        throttled: after.throttled - before.throttled,
        governorWaitSeconds: Number(((governor.stats.waitedMs - waitedBefore) / 1000).toFixed(2)),
      },
      `${result.totals.pushed}/${changed} pushed in ${wall.toFixed(1)} s with ${pushRequests} requests (fewest ${fewest}), ${points} points, bound ${bound?.toFixed(1)} s, throttled ${after.throttled - before.throttled}, waited for budget ${((governor.stats.waitedMs - waitedBefore) / 1000).toFixed(1)} s`,
    );

    // naive: one request per variant on NAIVE_VARIANTS of them, through the same governor.
    const row = await getStoreRow(db.handle.db, accountId, storeId);
    const { channel } = await channelFor(row, storeCipher());
    const links = await db.handle.db.selectFrom('variant_link').select(['inventory_ref', 'last_known_remote_qty']).where('store_id', '=', storeId).limit(NAIVE_VARIANTS).execute();
    await new Promise((resolve) => setTimeout(resolve, 21_000));
    const naiveBefore = await emulator.control('requests');
    const naivePoints = governor.stats.pointsSpent;
    const naiveStarted = performance.now();
    let i = 0;
    for (const link of links) {
      const quantity = Number(link.last_known_remote_qty ?? 0) + 1;
      const key = `naive-${i++}-${Date.now()}`;
      for (let attempt = 0; ; attempt += 1) {
        try {
          await channel.setQuantities([{ inventoryRef: link.inventory_ref, quantity, expected: Number(link.last_known_remote_qty ?? 0) }], key);
          break;
        } catch (error) {
          if (!(error instanceof ChannelError) || !error.retryable || attempt >= 5) throw error;
          await new Promise((resolve) => setTimeout(resolve, error.retryAfterMs ?? 500));
        }
      }
    }
    const naiveWall = (performance.now() - naiveStarted) / 1000;
    const naiveAfter = await emulator.control('requests');
    const naiveSpent = governor.stats.pointsSpent - naivePoints;
    const perRequest = naiveSpent / links.length;
    // Scaled: the bucket's 2,000 points are a one-off; the rest goes at 100 points/s.
    const naiveScaledSeconds = Math.max(naiveWall * (PUSH_VARIANTS / links.length), (perRequest * PUSH_VARIANTS - 2000) / 100);
    emit(
      'naive',
      {
        naiveMeasuredVariants: links.length,
        naiveMeasuredSeconds: Number(naiveWall.toFixed(2)),
        naivePointsPerRequest: Number(perRequest.toFixed(1)),
        naiveRequestsFor100k: PUSH_VARIANTS,
        naiveSecondsFor100kScaled: Number(naiveScaledSeconds.toFixed(0)),
        naiveThrottled: naiveAfter.throttled - naiveBefore.throttled,
      },
      `${links.length} single-variant requests in ${naiveWall.toFixed(1)} s (${perRequest.toFixed(1)} points each) → about ${naiveScaledSeconds.toFixed(0)} s and ${PUSH_VARIANTS} requests for ${PUSH_VARIANTS}`,
    );
  } finally {
    await db.dispose();
    await emulator.stop();
  }
}

// (b) till sale → store updated, with the sync loop running as a worker runs it.
if (SALES > 0) {
  const emulator = await startEmulator('gen:20');
  const db = await freshDatabase();
  const stop = new AbortController();
  try {
    const { accountId, storeId } = await connectAndImport(db.handle, emulator);
    await syncUntilIdle(db.handle, { coalesceMs: 0 });
    const skus = (await db.handle.db.selectFrom('variant_link').innerJoin('variant', 'variant.id', 'variant_link.variant_id').select('variant.sku').where('variant_link.store_id', '=', storeId).execute()).map((r) => r.sku!);
    await changeEveryVariant(db.handle, accountId, storeId); // everyone has stock to sell
    const loop = runSyncLoop(db.handle, stop.signal, { idleMs: 50 });
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const latencies: number[] = [];
    for (let n = 0; n < SALES; n += 1) {
      const sku = skus[n % skus.length]!;
      const sale = await recordMovement(db.handle, accountId, { sku, kind: 'sale', quantity: 1 });
      const want = Math.max(0, Math.floor(sale.onHand));
      const started = performance.now();
      for (;;) {
        const state = await emulator.control('state');
        const variant = state.products.flatMap((p: any) => p.variants).find((v: any) => v.sku === sku);
        if (Object.values(variant.quantities)[0] === want) break;
        if (performance.now() - started > 10_000) throw new Error(`SKU ${sku} never reached ${want}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      latencies.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
    }
    stop.abort();
    await loop;
    const requests = await emulator.control('requests');
    latencies.sort((a, b) => a - b);
    emit(
      'latency',
      { sales: SALES, p50Ms: Math.round(percentile(latencies, 50)), p99Ms: Math.round(percentile(latencies, 99)), maxMs: Math.round(latencies[latencies.length - 1]!), throttled: requests.throttled },
      `till sale → store updated p50 ${percentile(latencies, 50).toFixed(0)} ms, p99 ${percentile(latencies, 99).toFixed(0)} ms over ${SALES} sales, throttled ${requests.throttled}`,
    );
  } finally {
    stop.abort();
    await db.dispose();
    await emulator.stop();
  }
}

// (c) import; peak RSS is this process's (the emulator runs in its own). BENCH_IMPORT_VARIANTS=0 skips it.
if (IMPORT_VARIANTS > 0) {
  const emulator = await startEmulator(`gen:${IMPORT_VARIANTS}`);
  const db = await freshDatabase();
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
  try {
    const { importSeconds } = await connectAndImport(db.handle, emulator);
    peak = Math.max(peak, process.memoryUsage().rss);
    emit(
      'import',
      { variants: IMPORT_VARIANTS, wallSeconds: Number(importSeconds.toFixed(2)), peakRssMB: Math.round(peak / 1024 / 1024), rssGoalMB: 400 },
      `${IMPORT_VARIANTS} variants in ${importSeconds.toFixed(1)} s, peak RSS ${Math.round(peak / 1024 / 1024)} MB`,
    );
  } finally {
    clearInterval(sampler);
    await db.dispose();
    await emulator.stop();
  }
}
