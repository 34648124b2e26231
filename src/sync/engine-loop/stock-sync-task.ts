// The stock sync loop as a worker task (src/jobs/worker-tasks.ts): it runs until the worker stops.
import type { WorkerTask } from '../../jobs/worker.ts';
import { runSyncLoop } from './sync-loop.ts';

export const stockSyncTask: WorkerTask = {
  name: 'stock sync',
  everyMs: 1_000,
  run: (handle, signal) =>
    runSyncLoop(handle, signal, {
      onStoreError: (store, error) => process.stderr.write(`worker: stock sync of ${store.name} failed: ${error instanceof Error ? error.message : String(error)}\n`),
    }),
};
