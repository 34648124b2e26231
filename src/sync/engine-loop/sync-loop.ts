// The sync driver (CONTRACT `stockroom sync`, and the same loop inside every worker): move stock
// change marks onto links, then for each store — one driver at a time, by lease — take in
// webhook hints and polled orders, push pending quantities, and reconcile when asked or due.
// Stores run side by side, so one failing store does not hold back the others.
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { DatabaseHandle } from '../../db/handle.ts';
import type { CredentialCipher } from '../../security/credential-cipher.ts';
import { drainChangeMarks } from '../push/dirty-links.ts';
import { takeInStoreOrders } from './take-in-orders.ts';
import { pushStoreStock } from '../push/stock-pusher.ts';
import { pollStoreOrders } from '../orders/order-poller.ts';
import { processWebhookHints } from '../webhooks/webhook-deliveries.ts';
import { reconcileStore } from '../reconcile/reconcile-store.ts';
import { reconcileRequested } from '../reconcile/reconcile-request.ts';
import { releaseStoreLease, takeStoreLease } from './store-lease.ts';
import { openSyncStore, type StoreRow, type SyncStore } from './store-channel.ts';
import { reconcileIntervalMs, orderPollIntervalMs, coalesceMs } from './sync-settings.ts';

/** Wakes a sleeping loop early (a webhook arrived, a sale was made in this process). */
export const syncWakeups = new EventEmitter();
export function wakeSync(): void {
  syncWakeups.emit('wake');
}

export interface SyncOnceOptions {
  /** Who holds store leases (one id per process). */
  holder?: string;
  cipher?: CredentialCipher;
  /** Poll the stores' orders this round (the webhook hints are taken either way). Default true. */
  pollOrders?: boolean;
  /** Wait this long after new dirt appears, so a burst of sales becomes one request. */
  coalesceMs?: number;
  /** Run the scheduled reconcile when due (default true). */
  scheduledReconcile?: boolean;
  /** Told of one store's failure; the other stores go on. */
  onStoreError?: (store: StoreRow, error: unknown) => void;
  /** Let go of each store's lease after the round, so a command (reconcile --wait) can take it between rounds. */
  releaseLeases?: boolean;
}

export interface SyncRoundResult {
  marks: number;
  ordersChanged: number;
  hints: number;
  requests: number;
  pushed: number;
  reconciled: number;
  /** Stores whose lease another process holds. */
  skippedStores: number;
  failedStores: number;
}

export const processHolder = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;

export async function syncOnce(handle: DatabaseHandle, options: SyncOnceOptions = {}): Promise<SyncRoundResult> {
  const result: SyncRoundResult = { marks: 0, ordersChanged: 0, hints: 0, requests: 0, pushed: 0, reconciled: 0, skippedStores: 0, failedStores: 0 };
  const holder = options.holder ?? processHolder;
  result.marks += await drainChangeMarks(handle);
  const waitMs = options.coalesceMs ?? coalesceMs();
  if (result.marks > 0 && waitMs > 0) {
    await new Promise((resolve) => setTimeout(resolve, waitMs));
    result.marks += await drainChangeMarks(handle);
  }

  const stores = await handle.db.selectFrom('store').selectAll().orderBy('created_at').execute();
  await Promise.all(
    stores.map(async (row) => {
      if (!(await takeStoreLease(handle, row.account_id, row.id, holder))) {
        result.skippedStores += 1;
        return;
      }
      try {
        const store = await openSyncStore(row, options.cipher);
        await syncStore(handle, store, options, result);
      } catch (error) {
        result.failedStores += 1;
        options.onStoreError?.(row, error);
      } finally {
        if (options.releaseLeases) await releaseStoreLease(handle, row.id, holder);
      }
    }),
  );
  return result;
}

async function syncStore(handle: DatabaseHandle, store: SyncStore, options: SyncOnceOptions, result: SyncRoundResult): Promise<void> {
  const takeInOrders = async (): Promise<number> => {
    const taken = await takeInStoreOrders(handle, store);
    result.hints += taken.hints;
    result.ordersChanged += taken.ordersChanged;
    return taken.hints + taken.ordersChanged;
  };

  const hints = await processWebhookHints(handle, store);
  result.hints += hints.processed;
  if (options.pollOrders !== false) {
    const polled = await pollStoreOrders(handle, store);
    result.ordersChanged += polled.changed;
  }
  if (hints.processed > 0 || result.ordersChanged > 0) result.marks += await drainChangeMarks(handle);

  const pushed = await pushStoreStock(handle, store, { takeInOrders });
  result.requests += pushed.requests;
  result.pushed += pushed.pushed;

  if (await reconcileDue(handle, store.row, options.scheduledReconcile !== false)) {
    await reconcileStore(handle, store, { dryRun: false, takeInOrders });
    result.reconciled += 1;
  }
}

async function reconcileDue(handle: DatabaseHandle, row: StoreRow, scheduled: boolean): Promise<boolean> {
  if (await reconcileRequested(handle.db, row.id)) return true;
  if (!scheduled) return false;
  const every = reconcileIntervalMs();
  if (every <= 0) return false;
  const state = await handle.db.selectFrom('store_sync_state').select('last_reconcile_at').where('store_id', '=', row.id).executeTakeFirst();
  const last = Date.parse(state?.last_reconcile_at ?? row.created_at);
  return Date.now() - last >= every;
}

export interface UntilIdleOptions extends SyncOnceOptions {
  /** Give up (and say so) after this long. Default 10 minutes. */
  maxMs?: number;
  onProgress?: (round: SyncRoundResult, roundNumber: number) => void;
}

export interface UntilIdleResult {
  rounds: number;
  totals: SyncRoundResult;
  idle: boolean;
  /** True when it stopped because a store kept failing with nothing else to do. */
  failing: boolean;
}

/** Rounds in a row in which only failures happened before --until-idle gives up on them. */
const FAILING_ROUNDS_LIMIT = 8;

/** `stockroom sync --until-idle`: rounds until nothing is left to do. */
export async function syncUntilIdle(handle: DatabaseHandle, options: UntilIdleOptions = {}): Promise<UntilIdleResult> {
  const holder = options.holder ?? processHolder;
  const deadline = Date.now() + (options.maxMs ?? 10 * 60_000);
  const totals: SyncRoundResult = { marks: 0, ordersChanged: 0, hints: 0, requests: 0, pushed: 0, reconciled: 0, skippedStores: 0, failedStores: 0 };
  let rounds = 0;
  let quietRounds = 0;
  let failingRounds = 0;
  try {
    while (Date.now() < deadline) {
      const round = await syncOnce(handle, { ...options, holder, scheduledReconcile: options.scheduledReconcile ?? true });
      rounds += 1;
      for (const key of Object.keys(totals) as Array<keyof SyncRoundResult>) totals[key] += round[key];
      options.onProgress?.(round, rounds);
      const worked = round.marks + round.ordersChanged + round.hints + round.requests + round.reconciled > 0;
      const waitMs = await pendingWorkWaitMs(handle);
      if (!worked && waitMs === null && round.failedStores === 0) {
        // Two quiet rounds in a row: the second poll found no new orders either.
        quietRounds += 1;
        if (quietRounds >= 2) return { rounds, totals, idle: true, failing: false };
        continue;
      }
      quietRounds = 0;
      failingRounds = !worked && round.failedStores > 0 ? failingRounds + 1 : 0;
      if (failingRounds >= FAILING_ROUNDS_LIMIT) return { rounds, totals, idle: false, failing: true };
      if (!worked) await new Promise((resolve) => setTimeout(resolve, Math.min(Math.max(waitMs ?? 200, 20), 1_000)));
    }
    return { rounds, totals, idle: false, failing: false };
  } finally {
    const stores = await handle.db.selectFrom('store').select('id').execute();
    for (const store of stores) await releaseStoreLease(handle, store.id, holder);
  }
}

/** How long until deferred work is due (ms), or null when nothing waits but refused items. */
async function pendingWorkWaitMs(handle: DatabaseHandle): Promise<number | null> {
  const marks = await handle.db.selectFrom('stock_change_mark').select('variant_id').limit(1).executeTakeFirst();
  if (marks) return 0;
  const hints = await handle.db.selectFrom('webhook_delivery').select('delivery_id').where('processed_at', 'is', null).limit(1).executeTakeFirst();
  if (hints) return 0;
  const requested = await handle.db.selectFrom('store_sync_state').select('store_id').where('reconcile_requested', '=', 1).limit(1).executeTakeFirst();
  if (requested) return 0;
  const now = new Date().toISOString();
  const ready = await handle.db
    .selectFrom('variant_link')
    .leftJoin('stock_push_backoff', 'stock_push_backoff.variant_link_id', 'variant_link.id')
    .select('variant_link.id')
    .where('variant_link.dirty', '=', 1)
    .where((eb) => eb.or([eb('stock_push_backoff.retry_at', 'is', null), eb('stock_push_backoff.retry_at', '<=', now)]))
    .limit(1)
    .executeTakeFirst();
  if (ready) return 0;
  const next = await handle.db
    .selectFrom('variant_link')
    .innerJoin('stock_push_backoff', 'stock_push_backoff.variant_link_id', 'variant_link.id')
    .select((eb) => eb.fn.min('stock_push_backoff.retry_at').as('next_retry'))
    .where('variant_link.dirty', '=', 1)
    .executeTakeFirst();
  const retryAt = (next?.next_retry as string | null | undefined) ?? null;
  if (!retryAt) return null;
  // A back-off due within five minutes is work left to do; a refusal waits for a person.
  const wait = Date.parse(retryAt) - Date.now();
  return wait > 5 * 60_000 ? null : Math.max(0, wait);
}

/** The loop a worker runs until `signal` aborts: quick rounds while busy, short sleeps when idle. */
export async function runSyncLoop(handle: DatabaseHandle, signal: AbortSignal, options: SyncOnceOptions & { idleMs?: number } = {}): Promise<void> {
  const idleMs = options.idleMs ?? 100;
  let lastPoll = 0;
  while (!signal.aborted) {
    const pollOrders = Date.now() - lastPoll >= orderPollIntervalMs();
    if (pollOrders) lastPoll = Date.now();
    let busy = false;
    try {
      const round = await syncOnce(handle, { ...options, pollOrders, releaseLeases: true });
      busy = round.marks + round.hints + round.requests > 0;
    } catch (error) {
      options.onStoreError?.({ id: '-', name: 'all stores' } as StoreRow, error);
    }
    if (!busy) await sleepUntilWoken(idleMs, signal);
  }
  const stores = await handle.db.selectFrom('store').select('id').execute();
  for (const store of stores) await releaseStoreLease(handle, store.id, options.holder ?? processHolder);
}

function sleepUntilWoken(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      syncWakeups.off('wake', done);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    syncWakeups.on('wake', done);
    signal.addEventListener('abort', done, { once: true });
  });
}

