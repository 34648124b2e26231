// Run as a separate OS process by bullmq-queue.test.ts: a worker (runWorker, the engine chosen by
// REDIS_URL as in `stockroom worker`) with two test job kinds that append what they do to a log
// file, one JSON line per event. Prints "listening <engine>" once it takes jobs; stops on SIGTERM.
import { appendFileSync } from 'node:fs';
import { openDatabase, type OpenDatabaseOptions } from '../../src/db/handle.ts';
import { runWorker, sleep } from '../../src/jobs/worker.ts';
import type { JobHandlers } from '../../src/jobs/job.ts';

const { database, logFile } = JSON.parse(process.argv[2]) as { database: OpenDatabaseOptions; logFile: string };
const log = (event: Record<string, unknown>) => appendFileSync(logFile, `${JSON.stringify({ pid: process.pid, at: Date.now(), ...event })}\n`);

const handlers: JobHandlers = {
  /** Holds the job for `ms`. */
  async probe(ctx) {
    log({ event: 'start', job: ctx.jobId, store: ctx.storeId });
    await sleep((ctx.payload as { ms: number }).ms);
    log({ event: 'end', job: ctx.jobId, store: ctx.storeId });
    return { pid: process.pid };
  },
  /** `count` items of `ms` each, resumable: done items are skipped, a checkpoint names the next. */
  async items(ctx) {
    const { count, ms } = ctx.payload as { count: number; ms: number };
    log({ event: 'start', job: ctx.jobId, checkpoint: ctx.checkpoint });
    for (let i = 0; i < count; i += 1) {
      const key = `item-${String(i).padStart(2, '0')}`;
      if ((await ctx.itemState(key)) === 'done') continue;
      await sleep(ms);
      await ctx.recordItem(key, { state: 'done', result: { pid: process.pid } });
      log({ event: 'item-done', job: ctx.jobId, item: key });
      await ctx.saveCheckpoint({ next: i + 1 });
      await ctx.setProgress(i + 1, count);
    }
    return { pid: process.pid };
  },
};

const handle = await openDatabase(database);
const stop = new AbortController();
process.once('SIGTERM', () => stop.abort());
await runWorker({ handle, signal: stop.signal, handlers, tasks: [], onListening: (engine) => process.stdout.write(`listening ${engine}\n`) });
await handle.close();
