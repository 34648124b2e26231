// The stock push against the WooCommerce and BigCommerce emulators at their default limits
// (WooCommerce: none; BigCommerce: 150 requests per 30 s window). Each emulator runs as
// `stockroom emulate <platform> --seed gen:N` in a child process, so its CPU is not Stockroom's.
// Prints figures on stderr and one JSON line per figure on stdout:
//  push  — N changed variants pushed by the sync loop: requests, wall time, requestsRatio
//          (quantity-write requests ÷ the fewest the platform's batch sizes allow), timeRatio where
//          the rate limit sets a lower bound, and 429s (must be 0);
//  paced — BigCommerce only: one request per variant for K variants through the store's governor,
//          a run long enough for the rate limit to bind, so timeRatio measures the pacing.
// Set-up links every variant straight from the store's quantity read (as bench/sync.bench.ts does):
// the import job is not what is measured here, and at 100,000 variants it takes many minutes
// (BENCH_SETUP=import runs it instead).
// Usage: npx tsx bench/sync-platforms.bench.ts [--platform woocommerce|bigcommerce]
// Env: BENCH_VARIANTS (100000), BENCH_PACED_REQUESTS (450), BENCH_SETUP (direct | import).
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
import { recordMovementIn } from '../src/stock/record-movement.ts';
import { syncUntilIdle } from '../src/sync/engine-loop/sync-loop.ts';
import { channelFor, storeCipher } from '../src/sync/stores/store-channel.ts';
import { getStoreRow } from '../src/sync/stores/store-view.ts';
import { connectAndLinkDirectly } from './support/link-directly.ts';

process.env.STOCKROOM_SECRET ??= 'bench-secret-0123456789-abcdefghijklmnopq';
process.env.STOCKROOM_RECONCILE_EVERY_MS = '0';
delete process.env.STOCKROOM_PUBLIC_URL;

type BenchPlatform = 'woocommerce' | 'bigcommerce';

interface RequestCounts {
  total: number;
  throttled: number;
  byOperation: Record<string, number>;
}

interface PlatformProfile {
  platform: BenchPlatform;
  /** Which operations (as /__emulator/requests names them) are quantity writes. */
  isQuantityWrite(operation: string): boolean;
  /** The fewest quantity-write requests the batch sizes allow for these links, and the rule. */
  fewest(inventoryRefs: string[]): { requests: number; rule: string };
  /** The emulator's default rate limit, or null where the platform has none. */
  rateLimit: { quota: number; windowSeconds: number } | null;
}

const PROFILES: Record<BenchPlatform, PlatformProfile> = {
  woocommerce: {
    platform: 'woocommerce',
    isQuantityWrite: (operation) => /^POST .*\/batch$/.test(operation),
    fewest(refs) {
      // products/batch takes 100 simple products; variations go through their parent's
      // variations/batch, 100 at a time: the fewest is one request per (parent, chunk of 100).
      const perEndpoint = new Map<string, number>();
      for (const ref of refs) {
        const variation = /^variation:(\d+):/.exec(ref);
        const endpoint = variation ? `variations of ${variation[1]}` : 'products';
        perEndpoint.set(endpoint, (perEndpoint.get(endpoint) ?? 0) + 1);
      }
      let requests = 0;
      for (const count of perEndpoint.values()) requests += Math.ceil(count / 100);
      return { requests, rule: 'sum over endpoints (products/batch, and each parent’s variations/batch) of ceil(rows / 100)' };
    },
    rateLimit: null,
  },
  bigcommerce: {
    platform: 'bigcommerce',
    isQuantityWrite: (operation) => /adjustments\/absolute/.test(operation),
    fewest: (refs) => ({ requests: Math.ceil(refs.length / 2000), rule: 'ceil(rows / 2000) (one location)' }),
    rateLimit: { quota: 150, windowSeconds: 30 },
  },
};

const args = process.argv.slice(2);
const only = args.includes('--platform') ? (args[args.indexOf('--platform') + 1] as BenchPlatform) : null;
if (only && !PROFILES[only]) throw new Error(`--platform must be woocommerce or bigcommerce, not "${only}".`);
const VARIANTS = Number(process.env.BENCH_VARIANTS ?? 100_000);
const PACED_REQUESTS = Number(process.env.BENCH_PACED_REQUESTS ?? 450);
const SETUP = process.env.BENCH_SETUP === 'import' ? 'import' : 'direct';
const BIN = fileURLToPath(new URL('../bin/stockroom.mjs', import.meta.url));

function emit(platform: BenchPlatform, figure: string, values: Record<string, unknown>, human: string): void {
  console.error(`${platform} ${figure}: ${human}`);
  console.log(JSON.stringify({ bench: 'sync-platforms', platform, figure, ...values }));
}

interface Emulator {
  url: string;
  credentials: Record<string, string>;
  child: ChildProcess;
  requests(): Promise<RequestCounts>;
  stop(): Promise<void>;
}

async function startEmulator(platform: BenchPlatform, seed: string): Promise<Emulator> {
  const child = spawn(process.execPath, [BIN, 'emulate', platform, '--port', '0', '--seed', seed], { stdio: ['ignore', 'pipe', 'inherit'] });
  const first = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the ${platform} emulator exited (${code}) before it started`)));
  });
  const { url, credentials } = JSON.parse(first) as { url: string; credentials: Record<string, string> };
  return {
    url,
    credentials,
    child,
    async requests() {
      // After a long quiet spell the pooled socket may have been closed by the emulator: ask again.
      for (let attempt = 1; ; attempt += 1) {
        try {
          const response = await fetch(`${url}/__emulator/requests`);
          if (!response.ok) throw new Error(`GET /__emulator/requests answered ${response.status}`);
          return (await response.json()) as RequestCounts;
        } catch (error) {
          if (!(error instanceof TypeError) || attempt >= 3) throw error;
        }
      }
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

function quantityWrites(profile: PlatformProfile, before: RequestCounts, after: RequestCounts): number {
  let writes = 0;
  for (const [operation, count] of Object.entries(after.byOperation)) {
    if (profile.isQuantityWrite(operation)) writes += count - (before.byOperation[operation] ?? 0);
  }
  return writes;
}

/** The lower bound a fixed window of `quota` requests per `windowSeconds` sets on `requests`, from a fresh window. */
function windowLowerBound(limit: PlatformProfile['rateLimit'], requests: number): number | null {
  if (!limit) return null;
  const windows = Math.ceil(requests / limit.quota);
  return windows <= 1 ? null : (windows - 1) * limit.windowSeconds;
}

/** Until the emulator's current request window has run out, so a measured run starts with a full quota. */
async function freshWindow(profile: PlatformProfile): Promise<void> {
  if (!profile.rateLimit) return;
  console.error(`${profile.platform}: waiting ${profile.rateLimit.windowSeconds + 1} s for a fresh request window`);
  await new Promise((resolve) => setTimeout(resolve, (profile.rateLimit!.windowSeconds + 1) * 1000));
}

async function connectAndImport(handle: DatabaseHandle, platform: BenchPlatform, emulator: Emulator): Promise<{ accountId: string; storeId: string }> {
  const account = await ensureDefaultAccount(handle);
  const store = await connectStore(handle, account.id, { platform, url: emulator.url, credentials: emulator.credentials });
  const started = performance.now();
  const { jobId } = await startImport(handle, account.id, store.id);
  let job = await runJobUntilFinished(handle, account.id, jobId);
  for (let attempt = 1; job.state === 'failed' && attempt <= 5; attempt += 1) {
    console.error(`${platform}: import failed (${job.error}); retrying (${attempt})`);
    await retryJob(handle, account.id, jobId);
    job = await runJobUntilFinished(handle, account.id, jobId);
  }
  if (job.state !== 'done') throw new Error(`${platform} import ${job.state}: ${job.error}`);
  console.error(`${platform}: imported in ${((performance.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify({ ...(job.summary as object), skipped: undefined })}`);
  return { accountId: account.id, storeId: store.id };
}

async function linkDirectlyTimed(handle: DatabaseHandle, platform: BenchPlatform, emulator: Emulator): Promise<{ accountId: string; storeId: string }> {
  const started = performance.now();
  const linked = await connectAndLinkDirectly(handle, platform, emulator);
  console.error(`${platform}: ${linked.variants} variants read and linked directly in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return linked;
}

/** One receipt of +1 for every linked variant, through the ledger (so each marks its links). */
async function changeEveryVariant(handle: DatabaseHandle, accountId: string, storeId: string): Promise<string[]> {
  const links = await handle.db.selectFrom('variant_link').select(['variant_id', 'inventory_ref']).where('store_id', '=', storeId).orderBy('id').execute();
  for (let start = 0; start < links.length; start += 1000) {
    await inTransaction(handle, async (trx) => {
      for (const link of links.slice(start, start + 1000)) await recordMovementIn(trx, accountId, { variantId: link.variant_id, kind: 'receipt', quantity: 1 });
    });
  }
  return links.map((l) => l.inventory_ref);
}

async function benchPlatform(profile: PlatformProfile): Promise<void> {
  const { platform } = profile;
  const emulator = await startEmulator(platform, `gen:${VARIANTS}`);
  const dataDir = mkdtempSync(path.join(tmpdir(), `stockroom-bench-${platform}-`));
  const handle = await openDatabase({ dataDir });
  try {
    const { accountId, storeId } = SETUP === 'import' ? await connectAndImport(handle, platform, emulator) : await linkDirectlyTimed(handle, platform, emulator);
    await syncUntilIdle(handle, { coalesceMs: 0, scheduledReconcile: false }); // the import's own marks: nothing to send
    const refs = await changeEveryVariant(handle, accountId, storeId);
    console.error(`${platform}: ${refs.length} variants changed through the ledger`);
    await freshWindow(profile);

    const before = await emulator.requests();
    const started = performance.now();
    const result = await syncUntilIdle(handle, { coalesceMs: 0, scheduledReconcile: false });
    const wall = (performance.now() - started) / 1000;
    const after = await emulator.requests();
    const writes = quantityWrites(profile, before, after);
    const all = after.total - before.total;
    const fewest = profile.fewest(refs);
    const bound = windowLowerBound(profile.rateLimit, all);
    emit(
      platform,
      'push',
      {
        variants: refs.length,
        setup: SETUP,
        pushed: result.totals.pushed,
        idle: result.idle,
        wallSeconds: Number(wall.toFixed(2)),
        requests: writes,
        requestsAll: all,
        fewestRequests: fewest.requests,
        fewestRule: fewest.rule,
        requestsRatio: Number((writes / fewest.requests).toFixed(3)),
        rateLimit: profile.rateLimit,
        lowerBoundSeconds: bound,
        timeRatio: bound ? Number((wall / bound).toFixed(3)) : null,
        timeRatioNote: bound ? undefined : profile.rateLimit ? `all ${all} requests fit in one window of ${profile.rateLimit.quota}: the rate limit sets no lower bound` : 'no rate limit on this platform',
        throttled: after.throttled - before.throttled,
      },
      `${result.totals.pushed}/${refs.length} pushed in ${wall.toFixed(1)} s with ${writes} quantity writes (fewest ${fewest.requests}: ${fewest.rule}), ${all} requests in all, throttled ${after.throttled - before.throttled}`,
    );

    if (profile.rateLimit && PACED_REQUESTS > 0) {
      // One request per variant through the store's own governor: long enough for the window to bind.
      const row = await getStoreRow(handle.db, accountId, storeId);
      const { channel } = await channelFor(row, storeCipher());
      const links = await handle.db.selectFrom('variant_link').select(['inventory_ref', 'last_known_remote_qty']).where('store_id', '=', storeId).limit(PACED_REQUESTS).execute();
      await freshWindow(profile);
      const pacedBefore = await emulator.requests();
      const pacedStarted = performance.now();
      let n = 0;
      for (const link of links) {
        const quantity = Number(link.last_known_remote_qty ?? 0) + 1;
        await channel.setQuantities([{ inventoryRef: link.inventory_ref, quantity, expected: Number(link.last_known_remote_qty ?? 0) }], `paced-${n++}`);
      }
      const pacedWall = (performance.now() - pacedStarted) / 1000;
      const pacedAfter = await emulator.requests();
      const pacedAll = pacedAfter.total - pacedBefore.total;
      const pacedBound = windowLowerBound(profile.rateLimit, pacedAll);
      emit(
        platform,
        'paced',
        {
          requests: pacedAll,
          wallSeconds: Number(pacedWall.toFixed(2)),
          rateLimit: profile.rateLimit,
          lowerBoundSeconds: pacedBound,
          timeRatio: pacedBound ? Number((pacedWall / pacedBound).toFixed(3)) : null,
          throttled: pacedAfter.throttled - pacedBefore.throttled,
        },
        `${pacedAll} single-variant requests in ${pacedWall.toFixed(1)} s (bound ${pacedBound ?? 0} s by ${profile.rateLimit.quota} per ${profile.rateLimit.windowSeconds} s), throttled ${pacedAfter.throttled - pacedBefore.throttled}`,
      );
    }
  } finally {
    await handle.close();
    rmSync(dataDir, { recursive: true, force: true });
    await emulator.stop();
  }
}

for (const platform of only ? [only] : (['woocommerce', 'bigcommerce'] as const)) {
  await benchPlatform(PROFILES[platform]);
}
