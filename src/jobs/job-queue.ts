// The engine that dispatches and claims jobs, behind one interface: the embedded runner (claims
// from the `job` table by polling) by default, bullmq on Redis when REDIS_URL is set. Either way the
// `job` / `job_item` rows stay the record users and the API see, and a job is only ever run after
// claiming its row's lease (job-claim.ts), so `--wait` commands and `stockroom sync` still run jobs
// themselves and an engine that delivers a job twice cannot run it twice at once.
import type { DatabaseHandle } from '../db/handle.ts';
import type { JobHandlers } from './job.ts';

export type JobEngine = 'embedded' | 'bullmq';

export interface WorkOptions {
  handlers: JobHandlers;
  /** This worker's lease owner id. */
  owner: string;
  leaseMs: number;
  /** Embedded: how often to look for due jobs. bullmq: how soon a job that must wait is offered again. */
  pollMs: number;
  signal: AbortSignal;
  onError: (where: string, error: unknown) => void;
  /** Called once the worker is taking jobs. */
  onListening?: (engine: JobEngine) => void;
}

export interface JobQueue {
  readonly engine: JobEngine;
  /** Hands a job whose row is `queued` to the engine; idempotent (the job id identifies it). */
  dispatch(job: { id: string; kind: string }): Promise<void>;
  /** Takes and runs jobs until `signal` aborts; a job running then is handed back, not lost. */
  work(options: WorkOptions): Promise<void>;
  close(): Promise<void>;
}

export interface JobQueueSettings {
  /** Redis for bullmq; null: the embedded runner. */
  redisUrl: string | null;
  /** bullmq key prefix (several deployments or test runs may share one Redis). */
  prefix: string;
}

export const DEFAULT_QUEUE_PREFIX = 'stockroom';

export function jobQueueSettingsFromEnv(): JobQueueSettings {
  return {
    redisUrl: process.env.REDIS_URL?.trim() || null,
    prefix: process.env.STOCKROOM_QUEUE_PREFIX?.trim() || DEFAULT_QUEUE_PREFIX,
  };
}

const queues = new WeakMap<DatabaseHandle, Promise<JobQueue>>();

/**
 * Binds a job queue to this database handle (the queue is named after the database's deployment
 * id); closing the handle closes the queue's connections. Tests and benchmarks call this with
 * their own settings; everything else gets the environment's through jobQueueOf.
 */
export function useJobQueue(handle: DatabaseHandle, settings: JobQueueSettings): Promise<JobQueue> {
  if (queues.has(handle)) throw new Error('This database handle already has a job queue.');
  const opening = openJobQueue(handle, settings);
  queues.set(handle, opening);
  const closeDatabase = handle.close;
  handle.close = async () => {
    const queue = await opening.catch(() => null);
    await queue?.close();
    await closeDatabase();
  };
  return opening;
}

export function jobQueueOf(handle: DatabaseHandle): Promise<JobQueue> {
  return queues.get(handle) ?? useJobQueue(handle, jobQueueSettingsFromEnv());
}

async function openJobQueue(handle: DatabaseHandle, settings: JobQueueSettings): Promise<JobQueue> {
  // Loaded only when used: bullmq and ioredis stay out of every command that never needs them.
  if (settings.redisUrl) return (await import('./bullmq-queue.ts')).openBullmqQueue(handle, settings.redisUrl, settings.prefix);
  return (await import('./embedded-queue.ts')).embeddedQueue(handle);
}
