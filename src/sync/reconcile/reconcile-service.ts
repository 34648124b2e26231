// What `store drift`, `store reconcile` and their API routes call: scoped to the caller's account,
// driving the store under its lease (so a worker's loop and this command never push at once).
import type { DatabaseHandle } from '../../db/handle.ts';
import { ChannelError } from '../../channels/channel.ts';
import { DomainError } from '../../errors/domain-error.ts';
import { getStoreRow } from '../stores/store-view.ts';
import { channelFor, storeCipher } from '../stores/store-channel.ts';
import { processHolder } from '../engine-loop/sync-loop.ts';
import { releaseStoreLease, takeStoreLease } from '../engine-loop/store-lease.ts';
import { takeInStoreOrders } from '../engine-loop/take-in-orders.ts';
import type { SyncStore } from '../engine-loop/store-channel.ts';
import { readDrift, type DriftEntry } from './drift.ts';
import { reconcileStore, type ReconcileResult } from './reconcile-store.ts';
import { requestReconcile } from './reconcile-request.ts';

const LEASE_WAIT_MS = 60_000;

async function openStore(handle: DatabaseHandle, accountId: string, storeId: string, secret?: string): Promise<SyncStore> {
  const row = await getStoreRow(handle.db, accountId, storeId);
  const { channel } = await channelFor(row, storeCipher(secret));
  return { row, channel };
}

/** Every linked variant whose store quantity differs from what it should be. */
export async function storeDrift(handle: DatabaseHandle, accountId: string, storeId: string, options: { secret?: string } = {}): Promise<DriftEntry[]> {
  const store = await openStore(handle, accountId, storeId, options.secret);
  return inWords(store, async () => (await readDrift(handle, store)).entries);
}

/** A store that does not answer is a conflict with the outside world, said in a sentence, not a crash. */
async function inWords<T>(store: SyncStore, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof ChannelError) throw new DomainError('conflict', `Store ${store.row.name}: ${error.message}`);
    throw error;
  }
}

/** Reconciles now, in this process: orders first, then read, compare and (unless a dry run) repair. */
export async function reconcileNow(
  handle: DatabaseHandle,
  accountId: string,
  storeId: string,
  options: { dryRun: boolean; secret?: string },
): Promise<ReconcileResult> {
  const store = await openStore(handle, accountId, storeId, options.secret);
  const deadline = Date.now() + LEASE_WAIT_MS;
  while (!(await takeStoreLease(handle, accountId, storeId, processHolder))) {
    if (Date.now() > deadline) throw new DomainError('conflict', `Store ${store.row.name} is being synchronised by another process; try again in a minute.`);
    await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 30));
  }
  try {
    return await inWords(store, () => reconcileStore(handle, store, {
      dryRun: options.dryRun,
      takeInOrders: async () => {
        const taken = await takeInStoreOrders(handle, store);
        return taken.hints + taken.ordersChanged;
      },
    }));
  } finally {
    await releaseStoreLease(handle, storeId, processHolder);
  }
}

/** Asks the sync loop (a worker, or the next `stockroom sync`) to reconcile the store. */
export async function requestStoreReconcile(handle: DatabaseHandle, accountId: string, storeId: string): Promise<void> {
  await getStoreRow(handle.db, accountId, storeId);
  await requestReconcile(handle.db, accountId, storeId);
}
