// Row types of the job tables (created by src/db/migrations/0003_sync_stores.ts).
import type { Generated } from 'kysely';

export type JobState = 'queued' | 'running' | 'done' | 'failed';
export type JobItemState = 'pending' | 'done' | 'failed' | 'skipped';

export interface JobTable {
  id: string;
  account_id: string;
  kind: string;
  store_id: string | null;
  /** JSON of the job's input. */
  payload: string;
  state: JobState;
  progress_done: Generated<number>;
  progress_total: Generated<number>;
  /** JSON the handler returns when it finishes (e.g. the import summary). */
  summary: string | null;
  error: string | null;
  /** JSON a handler saves to resume after a crash (e.g. the catalogue page cursor). */
  checkpoint: string | null;
  lease_owner: string | null;
  lease_expires_at: string | null;
  attempts: Generated<number>;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  updated_at: string;
}

export interface JobItemTable {
  job_id: string;
  item_key: string;
  account_id: string;
  label: string | null;
  state: JobItemState;
  /** JSON of what the item produced. */
  result: string | null;
  /** A sentence for a shopkeeper when state = failed or skipped. */
  error: string | null;
  attempts: Generated<number>;
  updated_at: string;
}

declare module '../db/schema.ts' {
  interface Database {
    job: JobTable;
    job_item: JobItemTable;
  }
}
