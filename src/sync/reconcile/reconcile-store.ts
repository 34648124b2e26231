// Reconcile (DESIGN rule 9): take in the store's orders, read every quantity, report the drift
// and, unless it is a dry run, repair it: each drifting link is pushed with expected = what was
// read, through the ordinary pusher (so a sale meanwhile is still never overwritten). Each run
// is recorded with how much drift it found and fixed.
import type { DatabaseHandle } from '../../db/handle.ts';
import { inTransaction } from '../../db/transaction.ts';
import { newId, nowIso } from '../../db/ids.ts';
import { recordSyncLog } from '../sync-log/sync-log.ts';
import type { SyncStore } from '../engine-loop/store-channel.ts';
import { pushStoreStock } from '../push/stock-pusher.ts';
import { clearBackoff } from '../push/push-backoff.ts';
import { readDrift, type DriftEntry } from './drift.ts';
import { clearReconcileRequest } from './reconcile-request.ts';

export interface ReconcileOptions {
  dryRun: boolean;
  takeInOrders: () => Promise<number>;
}

export interface ReconcileResult {
  runId: string;
  dryRun: boolean;
  found: number;
  fixed: number;
  drift: DriftEntry[];
  /** Drift still there after the repair (the store refused or did not answer). */
  remaining: DriftEntry[];
}

export async function reconcileStore(handle: DatabaseHandle, store: SyncStore, options: ReconcileOptions): Promise<ReconcileResult> {
  const { row } = store;
  const runId = newId();
  const started = Date.now();
  await handle.db
    .insertInto('reconcile_run')
    .values({ id: runId, account_id: row.account_id, store_id: row.id, dry_run: options.dryRun ? 1 : 0, state: 'running', drift_found: 0, drift_fixed: 0, error: null, started_at: nowIso(), finished_at: null })
    .execute();
  try {
    await options.takeInOrders();
    const drift = await readDrift(handle, store);
    let remaining = drift.entries;
    if (!options.dryRun) {
      await inTransaction(handle, async (trx) => {
        const drifting = new Set(drift.driftLinkIds);
        for (const [linkId, quantity] of drift.remote) {
          if (drifting.has(linkId)) {
            await trx
              .updateTable('variant_link')
              .set((eb) => ({ last_known_remote_qty: quantity, dirty: 1, dirty_generation: eb('dirty_generation', '+', 1) }))
              .where('id', '=', linkId)
              .execute();
          } else {
            await trx
              .updateTable('variant_link')
              .set({ last_known_remote_qty: quantity })
              .where('id', '=', linkId)
              .where((eb) => eb.or([eb('last_known_remote_qty', 'is', null), eb('last_known_remote_qty', '!=', quantity)]))
              .execute();
          }
        }
        await clearBackoff(trx, drift.driftLinkIds);
        await clearReconcileRequest(trx, row.id, nowIso());
      });
      if (drift.entries.length > 0) await pushStoreStock(handle, store, { takeInOrders: options.takeInOrders, maxStaleRounds: 1 });
      remaining = await stillDrifting(handle, drift.driftLinkIds, drift.entries);
    }
    const fixed = options.dryRun ? 0 : drift.entries.length - remaining.length;
    await handle.db
      .updateTable('reconcile_run')
      .set({ state: 'done', drift_found: drift.entries.length, drift_fixed: fixed, finished_at: nowIso() })
      .where('id', '=', runId)
      .execute();
    await recordSyncLog(handle.db, {
      accountId: row.account_id,
      storeId: row.id,
      kind: 'reconcile',
      items: fixed,
      outcome: remaining.length > 0 && !options.dryRun ? 'partial' : 'ok',
      durationMs: Date.now() - started,
      error: remaining.length > 0 && !options.dryRun ? `${remaining.length} quantity(ies) could not be repaired yet.` : null,
      details: { runId, dryRun: options.dryRun, found: drift.entries.length, fixed },
    });
    return { runId, dryRun: options.dryRun, found: drift.entries.length, fixed, drift: drift.entries, remaining: options.dryRun ? drift.entries : remaining };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await handle.db.updateTable('reconcile_run').set({ state: 'failed', error: message.slice(0, 2000), finished_at: nowIso() }).where('id', '=', runId).execute();
    await recordSyncLog(handle.db, { accountId: row.account_id, storeId: row.id, kind: 'reconcile', items: 0, outcome: 'failed', durationMs: Date.now() - started, error: message });
    throw error;
  }
}

/** The entries whose link is still dirty after the push (the push did not confirm them). */
async function stillDrifting(handle: DatabaseHandle, linkIds: string[], entries: DriftEntry[]): Promise<DriftEntry[]> {
  if (linkIds.length === 0) return [];
  const dirty = new Set<string>();
  for (let start = 0; start < linkIds.length; start += 500) {
    const rows = await handle.db.selectFrom('variant_link').select('id').where('id', 'in', linkIds.slice(start, start + 500)).where('dirty', '=', 1).execute();
    for (const r of rows) dirty.add(r.id);
  }
  return entries.filter((_, index) => dirty.has(linkIds[index]!));
}
