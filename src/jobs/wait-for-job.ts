// What `--wait` commands do: run the job here if no worker has it (claiming it like a worker
// would, so a running `stockroom serve` and this command never both run it), else watch it
// until it finishes. Progress goes to `onProgress`.
import type { DatabaseHandle } from '../db/handle.ts';
import { claimJob } from './job-claim.ts';
import type { JobHandlers, JobView } from './job.ts';
import { leaseMsFromEnv, runClaimedJob } from './job-runner.ts';
import { getJob } from './job-store.ts';
import { newWorkerId, sleep } from './worker.ts';

export interface WaitOptions {
  handlers?: JobHandlers;
  signal?: AbortSignal;
  onProgress?: (job: JobView) => void;
  pollMs?: number;
}

export async function runJobUntilFinished(handle: DatabaseHandle, accountId: string, jobId: string, options: WaitOptions = {}): Promise<JobView> {
  const handlers = options.handlers ?? (await import('./job-handlers.ts')).jobHandlers;
  const owner = newWorkerId();
  const leaseMs = leaseMsFromEnv();
  let lastReported = '';
  for (;;) {
    const claimed = await claimJob(handle, { owner, leaseMs, jobId });
    if (claimed) {
      let watching = true;
      const watcher = (async () => {
        while (watching) {
          await sleep(options.pollMs ?? 300);
          if (!watching) break;
          const view = await getJob(handle, accountId, jobId).catch(() => null);
          if (view) lastReported = report(view, lastReported, options.onProgress);
        }
      })();
      try {
        await runClaimedJob(handle, claimed, handlers, { owner, leaseMs, signal: options.signal });
      } finally {
        watching = false;
        await watcher;
      }
    }
    const view = await getJob(handle, accountId, jobId);
    lastReported = report(view, lastReported, options.onProgress);
    if (view.state === 'done' || view.state === 'failed') return view;
    if (options.signal?.aborted) return view;
    await sleep(options.pollMs ?? 300, options.signal);
  }
}

function report(view: JobView, last: string, onProgress?: (job: JobView) => void): string {
  const key = `${view.state}:${view.progress.done}/${view.progress.total}`;
  if (key !== last) onProgress?.(view);
  return key;
}
