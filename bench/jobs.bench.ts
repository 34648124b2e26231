// Job engine figures (`npm run bench:jobs`), embedded runner vs bullmq on Redis (REDIS_URL or
// redis://127.0.0.1:6379), on SQLite and on PostgreSQL (when a server answers):
//   - jobs enqueued per second (row insert, plus the bullmq dispatch)
//   - jobs claimed and run per second by one worker and by two, handlers doing nothing
//   - pickup latency: enqueue of one job → its handler starts, the worker idle (median of 20)
// Prints a human line and one JSON line per figure. Nothing here is asserted.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { openDatabase, type DatabaseHandle, type Dialect } from '../src/db/handle.ts';
import { ensureDefaultAccount } from '../src/accounts/accounts.ts';
import { useJobQueue, type JobEngine } from '../src/jobs/job-queue.ts';
import { enqueueJob } from '../src/jobs/job-store.ts';
import { runWorker, sleep } from '../src/jobs/worker.ts';
import { benchDatabase } from './support/bench-database.ts';

const JOBS = Number(process.env.BENCH_JOBS ?? 1000);
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

function report(dialect: Dialect, engine: JobEngine, figure: string, value: number, unit: string): void {
  process.stdout.write(`${dialect.padEnd(8)} ${engine.padEnd(8)} ${figure}: ${value.toFixed(unit === 'ms' ? 1 : 0)} ${unit}\n`);
  process.stdout.write(`${JSON.stringify({ bench: 'jobs', dialect, engine, figure, value: Number(value.toFixed(3)), unit })}\n`);
}

async function doneCount(handle: DatabaseHandle): Promise<number> {
  const row = await handle.db.selectFrom('job').select((eb) => eb.fn.countAll<number>().as('n')).where('state', '=', 'done').executeTakeFirstOrThrow();
  return Number(row.n);
}

async function redisAnswers(): Promise<boolean> {
  const client = new Redis(REDIS_URL, { lazyConnect: true, connectTimeout: 2000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

async function deleteKeys(prefix: string): Promise<void> {
  const client = new Redis(REDIS_URL);
  let cursor = '0';
  do {
    const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    if (keys.length > 0) await client.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  client.disconnect();
}

async function benchEngine(dialect: Dialect, engine: JobEngine): Promise<void> {
  const database = await benchDatabase(dialect, 'stockroom_bench_jobs');
  if (!database) {
    process.stdout.write(`${dialect.padEnd(8)} skipped: no PostgreSQL server answered\n`);
    return;
  }
  const prefix = `stockroom-bench-${randomBytes(4).toString('hex')}`;
  const handle = await openDatabase(database.options);
  try {
    await useJobQueue(handle, { redisUrl: engine === 'bullmq' ? REDIS_URL : null, prefix });
    const account = await ensureDefaultAccount(handle);
    let started = 0;
    let lastStart = 0;
    const handlers = { noop: async () => ((started += 1), (lastStart = performance.now()), null) };

    for (const workers of [1, 2]) {
      const before = await doneCount(handle);
      let t = performance.now();
      for (let i = 0; i < JOBS; i += 1) await enqueueJob(handle, { accountId: account.id, kind: 'noop' });
      if (workers === 1) report(dialect, engine, 'enqueued per second', JOBS / ((performance.now() - t) / 1000), 'jobs/s');
      const stop = new AbortController();
      t = performance.now();
      const running = Array.from({ length: workers }, () => runWorker({ handle, signal: stop.signal, handlers, tasks: [] }));
      while ((await doneCount(handle)) < before + JOBS) await sleep(20);
      report(dialect, engine, `claimed and run per second, ${workers} worker(s)`, JOBS / ((performance.now() - t) / 1000), 'jobs/s');
      stop.abort();
      await Promise.all(running);
    }

    const stop = new AbortController();
    let listening: () => void = () => undefined;
    const ready = new Promise<void>((resolve) => (listening = resolve));
    const running = runWorker({ handle, signal: stop.signal, handlers, tasks: [], onListening: () => listening() });
    await ready;
    await sleep(1000); // idle
    const latencies: number[] = [];
    for (let i = 0; i < 20; i += 1) {
      const seen = started;
      const t = performance.now();
      await enqueueJob(handle, { accountId: account.id, kind: 'noop' });
      while (started === seen) await sleep(1);
      latencies.push(lastStart - t);
      await sleep(50 + Math.random() * 200); // idle again, at no fixed phase of the poll
    }
    latencies.sort((a, b) => a - b);
    report(dialect, engine, 'pickup latency, median of 20', latencies[10], 'ms');
    stop.abort();
    await running;
  } finally {
    await handle.close();
    await database.cleanup();
    if (engine === 'bullmq') await deleteKeys(prefix);
  }
}

const withRedis = await redisAnswers();
if (!withRedis) process.stdout.write(`bullmq skipped: no Redis answered at ${REDIS_URL}\n`);
for (const dialect of ['sqlite', 'postgres'] as const) {
  for (const engine of ['embedded', 'bullmq'] as const) {
    if (engine === 'bullmq' && !withRedis) continue;
    await benchEngine(dialect, engine);
  }
}
