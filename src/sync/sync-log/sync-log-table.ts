// Row type of the sync log (created by src/db/migrations/0003_sync_stores.ts).
export type SyncOutcome = 'ok' | 'partial' | 'failed';

export interface SyncLogTable {
  id: string;
  account_id: string;
  store_id: string | null;
  /** import | publish | product-update | stock-push | orders | reconcile | connect | … */
  kind: string;
  items: number;
  outcome: SyncOutcome;
  duration_ms: number;
  error: string | null;
  /** JSON with anything more (job id, skipped items). */
  details: string | null;
  at: string;
}

declare module '../../db/schema.ts' {
  interface Database {
    sync_log: SyncLogTable;
  }
}
