// The scale-out engine (decision 35): bullmq on Redis dispatches jobs to the workers of every
// `stockroom worker` / `serve` process, wakes them at once, and re-delivers a job whose worker died
// (its stalled-job check). One queue per deployment, named after the database's deployment id;
// bullmq job id = our job id, so dispatching twice adds one job. bullmq decides who is offered a
// job; the row's lease still decides who runs it (a re-delivered job whose previous worker is only
// slow waits, it never runs twice at once), and the handler resumes from its checkpoint and
// finished items as with the embedded runner.
import { Queue, Worker, DelayedError, type Job, type JobsOptions } from 'bullmq';
import { Redis } from 'ioredis';
import type { DatabaseHandle } from '../db/handle.ts';
import { deploymentId } from '../db/deployment.ts';
import { claimJob } from './job-claim.ts';
import type { JobQueue, WorkOptions } from './job-queue.ts';
import { MAX_ATTEMPTS, runClaimedJob } from './job-runner.ts';
import { sleep } from './worker.ts';

/** A dispatch waits this long for Redis; past it the row stays queued and a sweep dispatches it. */
const DISPATCH_TIMEOUT_MS = 3_000;
const SWEEP_BATCH = 500;

// The `job` row is the record: bullmq keeps nothing once it is done with a job.
const DISPATCH_OPTIONS: JobsOptions = { removeOnComplete: true, removeOnFail: true };

function redisClient(url: string): Redis {
  // bullmq requires maxRetriesPerRequest: null (commands wait for a reconnect instead of failing).
  return new Redis(url, { maxRetriesPerRequest: null });
}

/** QUIT when connected; otherwise drop the reconnect attempts (a QUIT would wait for Redis). */
async function quit(client: Redis): Promise<void> {
  if (client.status === 'ready') await client.quit().catch(() => client.disconnect());
  else client.disconnect();
}

/** Reports a lost connection once, not on every reconnect attempt; again after it has recovered. */
function reportOnce(onError: (where: string, error: unknown) => void): { error(where: string, error: unknown): void; recovered(): void } {
  let last = '';
  return {
    error(where, error) {
      const message = `${where}: ${error instanceof Error ? error.message : String(error)}`;
      if (message !== last) onError(where, error);
      last = message;
    },
    recovered() {
      last = '';
    },
  };
}

async function withinDispatchTimeout(adding: Promise<unknown>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${DISPATCH_TIMEOUT_MS / 1000} s`)), DISPATCH_TIMEOUT_MS);
  });
  try {
    await Promise.race([adding, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function queueName(handle: DatabaseHandle): Promise<string> {
  return `jobs-${await deploymentId(handle)}`;
}

export async function openBullmqQueue(handle: DatabaseHandle, redisUrl: string, prefix: string): Promise<JobQueue> {
  const name = await queueName(handle);
  let dispatcher: { queue: Queue; client: Redis } | undefined;
  const queue = () => {
    if (!dispatcher) {
      const client = redisClient(redisUrl);
      dispatcher = { client, queue: new Queue(name, { connection: client, prefix }) };
      dispatcher.queue.on('error', () => undefined); // a lost connection fails the dispatch; the sweep catches up
    }
    return dispatcher.queue;
  };

  const dispatch = async (job: { id: string; kind: string }) => {
    await withinDispatchTimeout(queue().add(job.kind, {}, { ...DISPATCH_OPTIONS, jobId: job.id }));
  };

  /**
   * Dispatches again every row that should be in the queue but may not be: queued a while ago
   * (the process that queued it died before dispatching, or Redis was away), or running with an
   * expired lease (a `--wait` command that died, or a job bullmq gave up on). Already-queued ids
   * are no-ops.
   */
  const sweep = async (leaseMs: number) => {
    const now = Date.now();
    const rows = await handle.db
      .selectFrom('job')
      .select(['id', 'kind'])
      .where((eb) =>
        eb.or([
          eb.and([eb('state', '=', 'queued'), eb('updated_at', '<', new Date(now - leaseMs).toISOString())]),
          eb.and([eb('state', '=', 'running'), eb('lease_expires_at', '<', new Date(now).toISOString())]),
        ]),
      )
      .orderBy('created_at')
      .limit(SWEEP_BATCH)
      .execute();
    if (rows.length > 0) await withinDispatchTimeout(queue().addBulk(rows.map((row) => ({ name: row.kind, data: {}, opts: { ...DISPATCH_OPTIONS, jobId: row.id } }))));
  };

  const work = async (options: WorkOptions) => {
    const { handlers, owner, leaseMs, pollMs, signal, onError } = options;
    // Offered again later without counting as a bullmq attempt.
    const offerLater = async (job: Job, token: string | undefined, delayMs: number): Promise<never> => {
      await job.moveToDelayed(Date.now() + delayMs, token);
      throw new DelayedError();
    };
    const runOffered = async (job: Job, token?: string) => {
      const jobId = job.id!;
      const claimed = signal.aborted ? null : await claimJob(handle, { owner, leaseMs, jobId });
      if (!claimed) {
        const row = await handle.db.selectFrom('job').select('state').where('id', '=', jobId).executeTakeFirst();
        // Finished already (a `--wait` command ran it, or this is a duplicate delivery): nothing to do.
        if (!row || row.state === 'done' || row.state === 'failed') return;
        // This worker is stopping, its lease is held elsewhere, or another job of its kind runs for its store.
        return offerLater(job, token, signal.aborted ? 0 : pollMs);
      }
      const outcome = await runClaimedJob(handle, claimed, handlers, { owner, leaseMs, signal });
      if (outcome === 'handed-back') return offerLater(job, token, 0);
    };

    const client = redisClient(redisUrl);
    const worker = new Worker(name, runOffered, {
      connection: client,
      prefix,
      concurrency: 1,
      // A dead worker's job is offered again after about two lease periods, when its row's lease
      // has expired too, so the next worker can claim it at once.
      lockDuration: leaseMs,
      stalledInterval: leaseMs,
      // Our own attempt count (MAX_ATTEMPTS) decides when a job that kills its workers is failed.
      maxStalledCount: MAX_ATTEMPTS + 1,
      autorun: false,
    });
    const report = reportOnce(onError);
    worker.on('error', (error) => report.error('job queue', error));
    worker.on('ready', () => report.recovered());
    worker.on('failed', (job, error) => onError(`job ${job?.id ?? ''}`, error));
    const sweeping = (async () => {
      while (!signal.aborted) {
        try {
          await sweep(leaseMs);
        } catch (error) {
          onError('job queue sweep', error);
        }
        await sleep(leaseMs, signal);
      }
    })();
    try {
      const running = worker.run().catch((error) => report.error('job queue', error));
      worker.waitUntilReady().then(() => options.onListening?.('bullmq'), () => undefined);
      await Promise.race([running, sleep(2 ** 31 - 1, signal)]);
    } finally {
      // Waits for the job in hand, which the aborted signal hands back; without Redis there is
      // none, and a graceful close would wait for Redis.
      if (client.status !== 'ready') client.disconnect();
      await worker.close(client.status !== 'ready');
      await sweeping;
      await quit(client);
    }
  };

  return {
    engine: 'bullmq',
    dispatch,
    work,
    async close() {
      if (!dispatcher) return;
      if (dispatcher.client.status !== 'ready') dispatcher.client.disconnect();
      await dispatcher.queue.close();
      await quit(dispatcher.client);
    },
  };
}
