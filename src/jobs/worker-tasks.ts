// The periodic sync work every worker runs beside the jobs (each on its own timer). One line per
// task: add yours here.
import type { WorkerTask } from './worker.ts';
import { productUpdateTask } from '../sync/product-updates/product-update-task.ts';
import { stockSyncTask } from '../sync/engine-loop/stock-sync-task.ts';

export const workerTasks: WorkerTask[] = [productUpdateTask, stockSyncTask];
