// The worker that `stockroom serve` and `stockroom worker` run: takes jobs one at a time from the
// job queue (job-queue.ts: the embedded runner, or bullmq when REDIS_URL is set), and runs the
// periodic sync tasks (src/jobs/worker-tasks.ts) each on its own timer, until `signal` aborts.
// Several workers may share one PostgreSQL database (and one Redis).
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { DatabaseHandle } from '../db/handle.ts';
import type { JobHandlers } from './job.ts';
import { jobQueueOf, type JobEngine } from './job-queue.ts';
import { leaseMsFromEnv } from './job-runner.ts';

export interface WorkerTask {
  name: string;
  everyMs: number;
  run(handle: DatabaseHandle, signal: AbortSignal): Promise<void>;
}

export interface WorkerOptions {
  handle: DatabaseHandle;
  signal: AbortSignal;
  /** Default: every kind Stockroom knows (src/jobs/job-handlers.ts). */
  handlers?: JobHandlers;
  /** Default: src/jobs/worker-tasks.ts. Pass [] to run jobs only. */
  tasks?: readonly WorkerTask[];
  pollMs?: number;
  leaseMs?: number;
  /** Told of a task's failure (the task runs again on its next turn). Default: one line on stderr. */
  onError?: (where: string, error: unknown) => void;
  /** Called once the worker is taking jobs, with the engine that offers them. */
  onListening?: (engine: JobEngine) => void;
}

export function newWorkerId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

function defaultOnError(where: string, error: unknown): void {
  process.stderr.write(`worker: ${where} failed: ${error instanceof Error ? error.message : String(error)}\n`);
}

export async function runWorker(options: WorkerOptions): Promise<void> {
  const handlers = options.handlers ?? (await import('./job-handlers.ts')).jobHandlers;
  const tasks = options.tasks ?? (await import('./worker-tasks.ts')).workerTasks;
  const onError = options.onError ?? defaultOnError;
  const owner = newWorkerId();
  const leaseMs = options.leaseMs ?? leaseMsFromEnv();
  const pollMs = options.pollMs ?? 500;
  const { handle, signal } = options;

  const queue = await jobQueueOf(handle);
  const jobLoop = () => queue.work({ handlers, owner, leaseMs, pollMs, signal, onError, onListening: options.onListening });
  const taskLoop = async (task: WorkerTask) => {
    while (!signal.aborted) {
      try {
        await task.run(handle, signal);
      } catch (error) {
        onError(task.name, error);
      }
      await sleep(task.everyMs, signal);
    }
  };
  await Promise.all([jobLoop(), ...tasks.map(taskLoop)]);
}
