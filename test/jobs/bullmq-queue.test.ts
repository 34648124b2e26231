// The scale-out engine (REDIS_URL): jobs dispatched and claimed through bullmq on the real Redis,
// the `job` rows still the record. Each block uses a queue prefix of its own and removes its keys.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDefaultAccount } from '../../src/accounts/accounts.ts';
import { openDatabase, type DatabaseHandle } from '../../src/db/handle.ts';
import { queueName } from '../../src/jobs/bullmq-queue.ts';
import type { JobHandler, JobHandlers, JobView } from '../../src/jobs/job.ts';
import { jobQueueOf, useJobQueue } from '../../src/jobs/job-queue.ts';
import { enqueueJob, getJob, retryJob } from '../../src/jobs/job-store.ts';
import { runJobUntilFinished } from '../../src/jobs/wait-for-job.ts';
import { runWorker, sleep } from '../../src/jobs/worker.ts';
import { createTestDatabase, forEachDialect, postgresServerUrl, type TestDatabase } from '../support/databases.ts';
import { deleteQueueKeys, redisServerUrl, uniqueQueuePrefix } from '../support/redis.ts';

const redisUrl = redisServerUrl();
const LEASE_MS = 1_000;

async function until<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}; last seen ${JSON.stringify(value)}`);
    await sleep(50);
  }
}

function finished(handle: DatabaseHandle, accountId: string, jobId: string): Promise<JobView> {
  return until(`job ${jobId} to finish`, () => getJob(handle, accountId, jobId), (view) => view.state === 'done' || view.state === 'failed');
}

/** Jobs bullmq still holds for this deployment (waiting, active or delayed). */
async function jobsInQueue(handle: DatabaseHandle, prefix: string): Promise<number> {
  const connection = new Redis(redisUrl!, { maxRetriesPerRequest: null });
  const queue = new Queue(await queueName(handle), { connection, prefix });
  try {
    const counts = await queue.getJobCounts('wait', 'active', 'delayed', 'prioritized', 'waiting-children');
    return Object.values(counts).reduce((sum, n) => sum + n, 0);
  } finally {
    await queue.close();
    connection.disconnect();
  }
}

/** In-process workers on one handle; each has its own lease owner id, as separate processes would. */
function startWorkers(handle: DatabaseHandle, count: number, handlers: JobHandlers) {
  const stops: AbortController[] = [];
  const listening: Promise<string>[] = [];
  const running: Promise<void>[] = [];
  for (let n = 0; n < count; n += 1) {
    const stop = new AbortController();
    stops.push(stop);
    let listen: (engine: string) => void = () => undefined;
    listening.push(new Promise((resolve) => (listen = resolve)));
    running.push(runWorker({ handle, signal: stop.signal, handlers, tasks: [], leaseMs: LEASE_MS, pollMs: 100, onListening: listen }));
  }
  return {
    listening: Promise.all(listening),
    stop: async (n?: number) => {
      for (const [i, stop] of stops.entries()) if (n === undefined || n === i) stop.abort();
      await (n === undefined ? Promise.all(running) : running[n]);
    },
  };
}

describe.skipIf(!redisUrl)(`bullmq job queue on Redis${redisUrl ? '' : ' — SKIPPED: no Redis server answered'}`, () => {
  forEachDialect('one process', (getHandle, getDatabase) => {
    const prefix = uniqueQueuePrefix();
    beforeAll(async () => {
      expect((await useJobQueue(getHandle(), { redisUrl, prefix })).engine).toBe('bullmq');
    });
    afterAll(async () => {
      await deleteQueueKeys(redisUrl!, prefix);
    });

    it('runs a job dispatched twice once, on one of two workers, and leaves nothing in the queue', async () => {
      const account = await ensureDefaultAccount(getHandle());
      let runs = 0;
      const id = await enqueueJob(getHandle(), { accountId: account.id, kind: 'once', payload: { n: 1 } });
      await (await jobQueueOf(getHandle())).dispatch({ id, kind: 'once' });
      expect(await jobsInQueue(getHandle(), prefix)).toBe(1);
      const workers = startWorkers(getHandle(), 2, { once: async () => ++runs });
      try {
        expect(await workers.listening).toEqual(['bullmq', 'bullmq']);
        const view = await finished(getHandle(), account.id, id);
        expect(view).toMatchObject({ state: 'done', summary: 1, attempts: 1 });
        await until('the queue to drain', () => jobsInQueue(getHandle(), prefix), (n) => n === 0);
      } finally {
        await workers.stop();
      }
      expect(runs).toBe(1);
    });

    it('--wait runs the job itself when no worker runs; a worker started afterwards does not run it again', async () => {
      const account = await ensureDefaultAccount(getHandle());
      let runs = 0;
      const handlers = { waited: async () => ++runs };
      const id = await enqueueJob(getHandle(), { accountId: account.id, kind: 'waited' });
      expect(await jobsInQueue(getHandle(), prefix)).toBe(1);
      expect((await runJobUntilFinished(getHandle(), account.id, id, { handlers })).state).toBe('done');
      const workers = startWorkers(getHandle(), 1, handlers);
      try {
        await until('the queue to drain', () => jobsInQueue(getHandle(), prefix), (n) => n === 0);
      } finally {
        await workers.stop();
      }
      expect(runs).toBe(1);
    });

    it('retries only the failed items, dispatched through the queue', async () => {
      const account = await ensureDefaultAccount(getHandle());
      const attempted: string[] = [];
      let healed = false;
      const retryable: JobHandler = async (ctx) => {
        for (const item of ['x', 'y', 'z']) {
          if ((await ctx.itemState(item)) === 'done') continue;
          attempted.push(item);
          if (item === 'y' && !healed) await ctx.recordItem(item, { state: 'failed', reason: 'store unavailable' });
          else await ctx.recordItem(item, { state: 'done' });
        }
        return null;
      };
      const workers = startWorkers(getHandle(), 1, { retryable });
      try {
        await workers.listening;
        const id = await enqueueJob(getHandle(), { accountId: account.id, kind: 'retryable' });
        expect((await finished(getHandle(), account.id, id)).errors).toEqual([{ item: 'y', label: null, reason: 'store unavailable' }]);
        healed = true;
        await retryJob(getHandle(), account.id, id);
        const view = await finished(getHandle(), account.id, id);
        expect(view.state).toBe('done');
        expect(view.errors).toEqual([]);
        expect(view.itemCounts).toMatchObject({ done: 3, failed: 0 });
      } finally {
        await workers.stop();
      }
      expect(attempted).toEqual(['x', 'y', 'z', 'y']);
    });

    it('a worker that stops mid-job hands it back; another finishes it without redoing a finished item', async () => {
      const account = await ensureDefaultAccount(getHandle());
      const doneBy: Array<[string, number]> = [];
      let worker = -1;
      const handlerFor = (n: number): JobHandler => async (ctx) => {
        worker = n;
        for (const item of ['a', 'b', 'c', 'd', 'e', 'f']) {
          if ((await ctx.itemState(item)) === 'done') continue;
          if (ctx.signal.aborted) throw new Error('stopping');
          await sleep(100);
          await ctx.recordItem(item, { state: 'done' });
          doneBy.push([item, n]);
        }
        return null;
      };
      // Two workers, each with its own handler so the test knows which one holds the job.
      const first = startWorkers(getHandle(), 1, { handback: handlerFor(0) });
      await first.listening;
      const id = await enqueueJob(getHandle(), { accountId: account.id, kind: 'handback' });
      await until('two items', async () => doneBy.length, (n) => n >= 2);
      const second = startWorkers(getHandle(), 1, { handback: handlerFor(1) });
      try {
        await second.listening;
        await first.stop();
        expect((await finished(getHandle(), account.id, id)).state).toBe('done');
      } finally {
        await second.stop();
      }
      expect(worker).toBe(1);
      expect(doneBy.map(([item]) => item)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
      expect(new Set(doneBy.map(([, n]) => n))).toEqual(new Set([0, 1]));
      const attempts = await getHandle().db.selectFrom('job_item').select('attempts').where('job_id', '=', id).execute();
      expect(attempts.map((row) => Number(row.attempts))).toEqual([1, 1, 1, 1, 1, 1]);
      await until('the queue to drain', () => jobsInQueue(getHandle(), prefix), (n) => n === 0);
    });

    it('a queued job that never reached Redis is dispatched by a worker sweep', async () => {
      const account = await ensureDefaultAccount(getHandle());
      // Queued by a process without REDIS_URL (or one that died before dispatching).
      const embedded = await openDatabase(getDatabase().options);
      let id: string;
      try {
        await useJobQueue(embedded, { redisUrl: null, prefix });
        id = await enqueueJob(embedded, { accountId: account.id, kind: 'stranded' });
      } finally {
        await embedded.close();
      }
      await getHandle().db.updateTable('job').set({ updated_at: new Date(Date.now() - 2 * LEASE_MS).toISOString() }).where('id', '=', id).execute();
      expect(await jobsInQueue(getHandle(), prefix)).toBe(0);
      let runs = 0;
      const workers = startWorkers(getHandle(), 1, { stranded: async () => ++runs });
      try {
        expect((await finished(getHandle(), account.id, id)).state).toBe('done');
      } finally {
        await workers.stop();
      }
      expect(runs).toBe(1);
    });
  });

  describe.skipIf(!postgresServerUrl())(`worker processes sharing PostgreSQL${postgresServerUrl() ? '' : ' — SKIPPED: no PostgreSQL server answered'}`, () => {
    const prefix = uniqueQueuePrefix();
    const script = fileURLToPath(new URL('./queue-worker.script.ts', import.meta.url));
    let database: TestDatabase;
    let folder: string;
    beforeAll(async () => {
      database = await createTestDatabase('postgres');
      folder = mkdtempSync(path.join(tmpdir(), 'stockroom-queue-'));
    });
    afterAll(async () => {
      await database?.destroy();
      await deleteQueueKeys(redisUrl!, prefix);
      if (folder) rmSync(folder, { recursive: true, force: true });
    });

    interface WorkerProcess {
      child: ChildProcessWithoutNullStreams;
      exited: Promise<number | null>;
      stderr: () => string;
    }

    async function startWorkerProcess(logFile: string): Promise<WorkerProcess> {
      const child = spawn(process.execPath, ['--import', 'tsx', script, JSON.stringify({ database: database.options, logFile })], {
        env: { ...process.env, DATABASE_URL: '', REDIS_URL: redisUrl!, STOCKROOM_QUEUE_PREFIX: prefix, STOCKROOM_JOB_LEASE_MS: String(LEASE_MS) },
      });
      let out = '';
      let err = '';
      child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes('listening bullmq\n')) resolve();
        });
        void exited.then((code) => reject(new Error(`worker exited (${code}) before listening: ${err}`)));
      });
      return { child, exited, stderr: () => err };
    }

    async function stopAll(workers: WorkerProcess[]): Promise<void> {
      for (const worker of workers) if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill('SIGTERM');
      await Promise.all(workers.map((worker) => worker.exited));
    }

    type LogLine = { pid: number; at: number; event: string; job: string; store?: string; item?: string; checkpoint?: unknown };
    const readLog = (file: string): LogLine[] =>
      readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as LogLine);

    it('share the queue: every job runs once, and two jobs of one store never run at once', async () => {
      const logFile = path.join(folder, 'share.log');
      writeFileSync(logFile, '');
      const workers = await Promise.all([startWorkerProcess(logFile), startWorkerProcess(logFile)]);
      const account = await ensureDefaultAccount(database.handle);
      const ids: string[] = [];
      try {
        for (let n = 0; n < 12; n += 1) {
          ids.push(await enqueueJob(database.handle, { accountId: account.id, kind: 'probe', storeId: `store-${n % 3}`, payload: { ms: 150 } }));
        }
        for (const id of ids) expect((await finished(database.handle, account.id, id)).state).toBe('done');
      } finally {
        await stopAll(workers);
      }
      const log = readLog(logFile);
      const starts = log.filter((line) => line.event === 'start');
      expect(starts.map((line) => line.job).sort()).toEqual([...ids].sort()); // each exactly once
      expect(new Set(starts.map((line) => line.pid))).toEqual(new Set(workers.map((worker) => worker.child.pid)));
      // Per store, each run ends before the next one starts (the next claim follows the finish).
      for (const store of ['store-0', 'store-1', 'store-2']) {
        const events = log.filter((line) => line.store === store).sort((a, b) => a.at - b.at || (a.event === 'end' ? -1 : 1));
        expect(events.map((line) => line.event)).toEqual(events.map((_, i) => (i % 2 === 0 ? 'start' : 'end')));
      }
    });

    it('a worker killed mid-job (SIGKILL): the other finishes it from its checkpoint, no item done twice', async () => {
      const logFile = path.join(folder, 'kill.log');
      writeFileSync(logFile, '');
      const workers = await Promise.all([startWorkerProcess(logFile), startWorkerProcess(logFile)]);
      const account = await ensureDefaultAccount(database.handle);
      try {
        const id = await enqueueJob(database.handle, { accountId: account.id, kind: 'items', payload: { count: 8, ms: 200 } });
        const running = await until(
          'three items done',
          () => database.handle.db.selectFrom('job').select(['lease_owner', 'progress_done']).where('id', '=', id).executeTakeFirstOrThrow(),
          (row) => Number(row.progress_done) >= 3,
        );
        const holderPid = Number(running.lease_owner!.split(':')[1]);
        const holder = workers.find((worker) => worker.child.pid === holderPid)!;
        const other = workers.find((worker) => worker !== holder)!;
        holder.child.kill('SIGKILL');
        await holder.exited;

        const view = await finished(database.handle, account.id, id);
        expect(view.state).toBe('done');
        expect(view.attempts).toBe(2);
        expect(view.itemCounts).toMatchObject({ done: 8, failed: 0 });
        const items = await database.handle.db.selectFrom('job_item').select(['item_key', 'attempts', 'result']).where('job_id', '=', id).orderBy('item_key').execute();
        expect(items.map((item) => Number(item.attempts))).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
        const doneBy = items.map((item) => (JSON.parse(item.result!) as { pid: number }).pid);
        expect(new Set(doneBy)).toEqual(new Set([holderPid, other.child.pid]));

        const log = readLog(logFile).filter((line) => line.job === id);
        const itemsDone = log.filter((line) => line.event === 'item-done').map((line) => line.item);
        expect(new Set(itemsDone).size).toBe(itemsDone.length); // no item done twice
        const starts = log.filter((line) => line.event === 'start');
        expect(starts.map((line) => line.pid)).toEqual([holderPid, other.child.pid]);
        // The second run began from a checkpoint the killed one saved (it had reported 3 items).
        expect((starts[1].checkpoint as { next: number }).next).toBeGreaterThanOrEqual(3);
      } finally {
        await stopAll(workers);
      }
    });
  });
});
