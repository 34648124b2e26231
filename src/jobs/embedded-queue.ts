// The embedded engine (decision 9): nothing to dispatch, the `job` row is the queue; a worker
// polls for due jobs and claims each with a lease.
import type { DatabaseHandle } from '../db/handle.ts';
import type { JobQueue } from './job-queue.ts';
import { runDueJobs } from './job-runner.ts';
import { sleep } from './worker.ts';

export function embeddedQueue(handle: DatabaseHandle): JobQueue {
  return {
    engine: 'embedded',
    async dispatch() {},
    async work({ handlers, owner, leaseMs, pollMs, signal, onError, onListening }) {
      onListening?.('embedded');
      while (!signal.aborted) {
        try {
          await runDueJobs(handle, handlers, { owner, leaseMs, signal });
        } catch (error) {
          onError('job loop', error);
        }
        await sleep(pollMs, signal);
      }
    },
    async close() {},
  };
}
