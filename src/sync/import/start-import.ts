// Starting an import: one job per request; `store import --wait` then runs it (or watches it).
import type { DatabaseHandle } from '../../db/handle.ts';
import { enqueueJob } from '../../jobs/job-store.ts';
import { getStoreRow } from '../stores/store-view.ts';
import { IMPORT_JOB_KIND } from './import-job.ts';

export async function startImport(handle: DatabaseHandle, accountId: string, storeId: string): Promise<{ jobId: string }> {
  await getStoreRow(handle.db, accountId, storeId);
  const jobId = await enqueueJob(handle, { accountId, kind: IMPORT_JOB_KIND, storeId, payload: { storeId } });
  return { jobId };
}
