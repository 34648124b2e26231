// Brings one store's quantities in line with the ledger (DESIGN rules 1, 3, 4).
// For every dirty link it computes the desired quantity AT SEND TIME, skips links the store
// already shows right, and writes the rest in batches of the platform's maximum with
// expected = the quantity last seen on the store. A stale answer means the store sold something
// we have not taken in yet: take in its orders, recompute and push again. Retryable failures back
// off and keep the dirt; refusals are recorded per link and stay visible.
import { createHash } from 'node:crypto';
import type { DatabaseHandle } from '../../db/handle.ts';
import { inTransaction } from '../../db/transaction.ts';
import { nowIso } from '../../db/ids.ts';
import { ChannelError, type QuantityWrite, type QuantityWriteResult } from '../../channels/channel.ts';
import { recordSyncLog } from '../sync-log/sync-log.ts';
import type { SyncStore } from '../engine-loop/store-channel.ts';
import { desiredQuantity, onHandAt } from './desired-quantity.ts';
import { backoffMs, clearBackoff, deferLinks, REFUSED_RETRY_MS } from './push-backoff.ts';
import { clearDirtIfUnchanged, recordLinksPushed } from './link-push-state.ts';
import { requestReconcile } from '../reconcile/reconcile-request.ts';

export interface PushOptions {
  /** Takes in the store's new orders (so its quantities are explained); returns how many. */
  takeInOrders: () => Promise<number>;
  /** Stale rounds (orders taken in, pushed again) before the link is left to reconcile. */
  maxStaleRounds?: number;
  /** At most this many passes over the dirty links in one call. */
  maxPasses?: number;
}

export interface PushReport {
  requests: number;
  pushed: number;
  unchanged: number;
  stale: number;
  deferred: number;
  refused: number;
}

interface DirtyLink {
  id: string;
  variantId: string;
  sku: string | null;
  inventoryRef: string;
  lastKnown: number | null;
  generation: number;
}

interface PlannedWrite extends DirtyLink {
  desired: number;
}

const STALE_LEFT_TO_RECONCILE_MS = 2_000;
/** Quantity writes in flight at once per store. */
const PUSH_CONCURRENCY = 4;

export async function pushStoreStock(handle: DatabaseHandle, store: SyncStore, options: PushOptions): Promise<PushReport> {
  const started = Date.now();
  const report: PushReport = { requests: 0, pushed: 0, unchanged: 0, stale: 0, deferred: 0, refused: 0 };
  const errors: Array<{ sku: string | null; reason: string }> = [];
  const maxStaleRounds = options.maxStaleRounds ?? 2;
  const maxPasses = options.maxPasses ?? 6;
  let staleRounds = 0;

  for (let pass = 0; pass < maxPasses; pass += 1) {
    const outcome = await pushPass(handle, store, options, report, errors);
    if (outcome.stale.length > 0) {
      if (staleRounds < maxStaleRounds) {
        staleRounds += 1;
        await options.takeInOrders();
        continue;
      }
      // Orders do not explain the store's quantity (edited in the store's admin?): reconcile reads it.
      await inTransaction(handle, async (trx) => {
        await deferLinks(trx, store.row.account_id, store.row.id, outcome.stale.map((l) => l.id), 'The store holds a quantity we did not expect; reconcile will read it.', STALE_LEFT_TO_RECONCILE_MS);
        await requestReconcile(trx, store.row.account_id, store.row.id);
      });
      report.deferred += outcome.stale.length;
    }
    if (!outcome.sawWork || outcome.halted) break;
  }

  if (report.requests > 0 || report.refused > 0) {
    await recordSyncLog(handle.db, {
      accountId: store.row.account_id,
      storeId: store.row.id,
      kind: 'stock-push',
      items: report.pushed,
      outcome: report.refused > 0 || report.deferred > 0 ? (report.pushed > 0 ? 'partial' : 'failed') : 'ok',
      durationMs: Date.now() - started,
      error: errors[0]?.reason ?? null,
      details: { ...report, errors: errors.slice(0, 50) },
    });
  }
  return report;
}

interface PassOutcome {
  sawWork: boolean;
  halted: boolean;
  stale: PlannedWrite[];
}

async function pushPass(
  handle: DatabaseHandle,
  store: SyncStore,
  options: PushOptions,
  report: PushReport,
  errors: Array<{ sku: string | null; reason: string }>,
): Promise<PassOutcome> {
  const { row, channel } = store;
  const batchSize = Math.max(1, channel.limits.quantityBatchSize);
  const pageSize = batchSize * 8;
  const stale: PlannedWrite[] = [];
  let afterId = '';
  let sawWork = false;
  let ordersTaken = false;
  let ordersExplained = false;
  let exhausted = false;
  let reading: Promise<void> | null = null;
  let failure: ChannelError | null = null;
  let readError: unknown = null;
  const queue: PlannedWrite[][] = [];

  // Reads the next page of dirty links, computes their desired quantities, clears those the store
  // already shows right and queues the rest as batches.
  const readPage = async (): Promise<void> => {
    const links = await readyDirtyLinks(handle, row.id, afterId, pageSize);
    if (links.length === 0) {
      exhausted = true;
      return;
    }
    sawWork = true;
    afterId = links[links.length - 1]!.id;

    const levels = await onHandAt(handle.db, row.account_id, row.location_id, [...new Set(links.map((l) => l.variantId))]);
    const planned: PlannedWrite[] = [];
    const unchanged: PlannedWrite[] = [];
    for (const link of links) {
      const desired = desiredQuantity(levels.get(link.variantId) ?? 0, row.buffer);
      (desired === link.lastKnown ? unchanged : planned).push({ ...link, desired });
    }
    if (unchanged.length > 0) {
      await inTransaction(handle, async (trx) => {
        await clearDirtIfUnchanged(trx, unchanged);
        await clearBackoff(trx, unchanged.map((l) => l.id));
      });
      report.unchanged += unchanged.length;
    }
    if (planned.length > 0 && !channel.limits.compareAndSet && !ordersTaken) {
      // No compare-and-set on this platform: take in its orders first so we do not overwrite a sale.
      // (Nothing has been sent in this pass yet: only a page with planned writes queues batches.)
      ordersTaken = true;
      if ((await options.takeInOrders()) > 0) {
        ordersExplained = true;
        exhausted = true;
        return;
      }
    }

    // Rows that share a platform endpoint (WooCommerce: one parent's variations) have refs with a
    // common prefix: sorted, they fill the same batches instead of one request per batch each.
    planned.sort((a, b) => (a.inventoryRef < b.inventoryRef ? -1 : a.inventoryRef > b.inventoryRef ? 1 : 0));
    for (let start = 0; start < planned.length; start += batchSize) queue.push(planned.slice(start, start + batchSize));
  };

  // The next page is read while this one's batches are in flight, so the senders do not stand
  // idle between pages (the governor still decides when each request may go).
  const readAhead = (): Promise<void> | null => {
    if (!reading && !exhausted) {
      reading = readPage()
        .catch((error: unknown) => {
          readError ??= error;
          exhausted = true;
        })
        .finally(() => (reading = null));
    }
    return reading;
  };

  // Several batches in flight at once, so the store's budget is spent as fast as it allows
  // rather than one round trip at a time.
  const sender = async (): Promise<void> => {
    while (!failure && readError === null) {
      if (queue.length <= PUSH_CONCURRENCY) readAhead();
      const batch = queue.shift();
      if (!batch) {
        const pending = readAhead();
        if (!pending) return;
        await pending;
        continue;
      }
      const result = await sendBatch(store, batch, report);
      if (result instanceof ChannelError) {
        failure ??= result;
        await inTransaction(handle, (trx) =>
          deferLinks(trx, row.account_id, row.id, batch.map((l) => l.id), result.message, result.retryable ? (attempts) => Math.max(backoffMs(attempts), result.retryAfterMs ?? 0) : REFUSED_RETRY_MS),
        );
        report.deferred += batch.length;
        if (!result.retryable) report.refused += batch.length;
        errors.push({ sku: null, reason: result.message });
        continue;
      }
      await recordBatchResult(handle, store, batch, result, report, errors);
      const staleRefs = new Set(result.stale);
      for (const link of batch) if (staleRefs.has(link.inventoryRef)) stale.push(link);
    }
  };

  await Promise.all(Array.from({ length: PUSH_CONCURRENCY }, sender));
  // A page still being read (after a send failed) finishes before the pass returns.
  if (reading) await reading;
  if (readError !== null) throw readError;
  if (ordersExplained) return { sawWork: true, halted: false, stale };
  // The store is not answering (or refuses us): leave the rest for the next pass.
  if (failure) return { sawWork: true, halted: true, stale };
  report.stale += stale.length;
  return { sawWork, halted: false, stale };
}

async function readyDirtyLinks(handle: DatabaseHandle, storeId: string, afterId: string, limit: number): Promise<DirtyLink[]> {
  const now = nowIso();
  const rows = await handle.db
    .selectFrom('variant_link')
    .leftJoin('stock_push_backoff', 'stock_push_backoff.variant_link_id', 'variant_link.id')
    .leftJoin('variant', 'variant.id', 'variant_link.variant_id')
    .select([
      'variant_link.id',
      'variant_link.variant_id',
      'variant_link.inventory_ref',
      'variant_link.last_known_remote_qty',
      'variant_link.dirty_generation',
      'variant.sku',
    ])
    .where('variant_link.store_id', '=', storeId)
    .where('variant_link.dirty', '=', 1)
    .where('variant_link.id', '>', afterId)
    .where((eb) => eb.or([eb('stock_push_backoff.retry_at', 'is', null), eb('stock_push_backoff.retry_at', '<=', now)]))
    .orderBy('variant_link.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    variantId: r.variant_id,
    sku: r.sku ?? null,
    inventoryRef: r.inventory_ref,
    lastKnown: r.last_known_remote_qty === null ? null : Number(r.last_known_remote_qty),
    generation: Number(r.dirty_generation),
  }));
}

/** Names one logical change: the same links at the same generations asking for the same numbers. */
export function pushIdempotencyKey(storeId: string, batch: readonly PlannedWrite[]): string {
  const hash = createHash('sha256').update(storeId);
  for (const link of batch) hash.update(`|${link.id}:${link.generation}:${link.desired}:${link.lastKnown ?? ''}`);
  return `stockroom-push-${hash.digest('hex').slice(0, 40)}`;
}

async function sendBatch(store: SyncStore, batch: PlannedWrite[], report: PushReport): Promise<QuantityWriteResult | ChannelError> {
  const writes: QuantityWrite[] = batch.map((l) => ({ inventoryRef: l.inventoryRef, quantity: l.desired, expected: l.lastKnown }));
  report.requests += 1;
  try {
    return await store.channel.setQuantities(writes, pushIdempotencyKey(store.row.id, batch));
  } catch (error) {
    if (error instanceof ChannelError) return error;
    throw error;
  }
}

async function recordBatchResult(
  handle: DatabaseHandle,
  store: SyncStore,
  batch: PlannedWrite[],
  result: QuantityWriteResult,
  report: PushReport,
  errors: Array<{ sku: string | null; reason: string }>,
): Promise<void> {
  const { row } = store;
  const applied = new Set(result.applied);
  const failed = new Map(result.failed.map((f) => [f.inventoryRef, f.reason]));
  const appliedLinks = batch.filter((l) => applied.has(l.inventoryRef));
  const failedLinks = batch.filter((l) => failed.has(l.inventoryRef));
  const at = nowIso();
  await inTransaction(handle, async (trx) => {
    await recordLinksPushed(trx, appliedLinks, at);
    await clearBackoff(trx, appliedLinks.map((l) => l.id));
    for (const link of failedLinks) {
      const reason = failed.get(link.inventoryRef) ?? 'refused';
      await deferLinks(trx, row.account_id, row.id, [link.id], reason, REFUSED_RETRY_MS);
      errors.push({ sku: link.sku, reason: `${link.sku ?? link.inventoryRef}: ${reason}` });
    }
  });
  report.pushed += appliedLinks.length;
  report.refused += failedLinks.length;
  report.deferred += failedLinks.length;
}
