// The sync log: one row per operation against a store (connect, import, publish, product update,
// stock push, order intake, reconcile…), with how many items, the outcome, the duration and the
// error in words. Read by GET /api/sync-log and `stockroom store log`.
import type { DatabaseHandle } from '../../db/handle.ts';
import type { Executor } from '../../db/transaction.ts';
import { newId, nowIso } from '../../db/ids.ts';
import type { SyncOutcome } from './sync-log-table.ts';

export interface SyncLogEntryInput {
  accountId: string;
  storeId: string | null;
  kind: string;
  items: number;
  outcome: SyncOutcome;
  durationMs: number;
  error?: string | null;
  details?: unknown;
}

export interface SyncLogEntry {
  id: string;
  storeId: string | null;
  kind: string;
  items: number;
  outcome: SyncOutcome;
  durationMs: number;
  error: string | null;
  details: unknown;
  at: string;
}

export async function recordSyncLog(db: Executor, entry: SyncLogEntryInput): Promise<void> {
  await db
    .insertInto('sync_log')
    .values({
      id: newId(),
      account_id: entry.accountId,
      store_id: entry.storeId,
      kind: entry.kind,
      items: entry.items,
      outcome: entry.outcome,
      duration_ms: Math.max(0, Math.round(entry.durationMs)),
      error: entry.error ? entry.error.slice(0, 2000) : null,
      details: entry.details === undefined ? null : JSON.stringify(entry.details),
      at: nowIso(),
    })
    .execute();
}

export interface SyncLogFilter {
  storeId?: string;
  kind?: string;
  outcome?: SyncOutcome;
  limit?: number;
  /** Entries strictly older than this `at` (paging backwards). */
  before?: string;
}

export async function listSyncLog(handle: DatabaseHandle, accountId: string, filter: SyncLogFilter = {}): Promise<SyncLogEntry[]> {
  let query = handle.db.selectFrom('sync_log').selectAll().where('account_id', '=', accountId);
  if (filter.storeId) query = query.where('store_id', '=', filter.storeId);
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.outcome) query = query.where('outcome', '=', filter.outcome);
  if (filter.before) query = query.where('at', '<', filter.before);
  const rows = await query
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(Math.min(Math.max(filter.limit ?? 100, 1), 1000))
    .execute();
  return rows.map((row) => ({
    id: row.id,
    storeId: row.store_id,
    kind: row.kind,
    items: Number(row.items),
    outcome: row.outcome,
    durationMs: Number(row.duration_ms),
    error: row.error,
    details: row.details === null ? null : JSON.parse(row.details),
    at: row.at,
  }));
}

/** Runs `fn`, then records one entry with its duration; a throw is recorded as failed and rethrown. */
export async function loggedOperation<T>(
  handle: DatabaseHandle,
  entry: { accountId: string; storeId: string | null; kind: string },
  fn: () => Promise<T>,
  describe: (result: T) => { items: number; outcome: SyncOutcome; error?: string | null; details?: unknown },
): Promise<T> {
  const started = performance.now();
  try {
    const result = await fn();
    await recordSyncLog(handle.db, { ...entry, ...describe(result), durationMs: performance.now() - started });
    return result;
  } catch (error) {
    await recordSyncLog(handle.db, {
      ...entry,
      items: 0,
      outcome: 'failed',
      durationMs: performance.now() - started,
      error: error instanceof Error ? error.message : String(error),
    });
    throw error;
  }
}
