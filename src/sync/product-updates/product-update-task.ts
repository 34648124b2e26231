// The worker task that pushes master-field edits to every store holding the product: find edited
// products, then for each dirty product link call pushProductUpdate, one store at a time, and
// record one sync log entry per store and pass.
import { ChannelError } from '../../channels/channel.ts';
import type { DatabaseHandle } from '../../db/handle.ts';
import type { WorkerTask } from '../../jobs/worker.ts';
import { recordSyncLog } from '../sync-log/sync-log.ts';
import { channelFor, storeCipher } from '../stores/store-channel.ts';
import { markEditedProductLinks } from './detect-edits.ts';
import { pushProductUpdate, type ProductUpdateOutcome } from './push-product-update.ts';

const LINKS_PER_PASS = 100;
const BACKOFF_START_MS = 2_000;
const BACKOFF_MAX_MS = 5 * 60_000;

/** Stores whose last pass failed wait before the next try, so a refused store does not fill the log. */
const backoff = new Map<string, { until: number; delayMs: number }>();

export interface ProductUpdatePass {
  updated: number;
  unlinked: Array<{ name: string; reason: string }>;
  blocked: Array<{ name: string; reason: string }>;
  keptRemoteOnly: Array<{ name: string; skus: string[] }>;
  failed: Array<{ name: string; reason: string }>;
}

/** One pass over every store (or one); returns what it did. */
export async function pushProductUpdates(handle: DatabaseHandle, options: { accountId?: string; storeId?: string; signal?: AbortSignal } = {}): Promise<ProductUpdatePass> {
  const pass: ProductUpdatePass = { updated: 0, unlinked: [], blocked: [], keptRemoteOnly: [], failed: [] };
  await markEditedProductLinks(handle.db);
  let storesQuery = handle.db
    .selectFrom('store')
    .selectAll()
    .where((eb) => eb.exists(eb.selectFrom('product_link').select('product_link.id').whereRef('product_link.store_id', '=', 'store.id').where('product_link.dirty', '=', 1)));
  if (options.accountId) storesQuery = storesQuery.where('account_id', '=', options.accountId);
  if (options.storeId) storesQuery = storesQuery.where('id', '=', options.storeId);
  const stores = await storesQuery.execute();
  if (stores.length === 0) return pass;
  const cipher = storeCipher();
  for (const store of stores) {
    if (options.signal?.aborted) break;
    const waiting = backoff.get(store.id);
    if (waiting && waiting.until > Date.now() && !options.storeId) continue;
    const started = performance.now();
    let channel;
    try {
      channel = (await channelFor(store, cipher)).channel;
    } catch (error) {
      const delayMs = Math.min(BACKOFF_MAX_MS, waiting ? waiting.delayMs * 2 : BACKOFF_START_MS);
      backoff.set(store.id, { until: Date.now() + delayMs, delayMs });
      const reason = error instanceof Error ? error.message : String(error);
      pass.failed.push({ name: store.name, reason });
      await recordSyncLog(handle.db, { accountId: store.account_id, storeId: store.id, kind: 'product-update', items: 0, outcome: 'failed', durationMs: performance.now() - started, error: reason });
      continue;
    }
    const links = await handle.db
      .selectFrom('product_link')
      .select(['id', 'product_id', 'remote_product_id', 'dirty_generation'])
      .where('store_id', '=', store.id)
      .where('dirty', '=', 1)
      .orderBy('updated_at')
      .limit(LINKS_PER_PASS)
      .execute();
    const before = { unlinked: pass.unlinked.length, blocked: pass.blocked.length, kept: pass.keptRemoteOnly.length, failed: pass.failed.length };
    let failed = 0;
    for (const link of links) {
      if (options.signal?.aborted) break;
      let outcome: ProductUpdateOutcome;
      try {
        outcome = await pushProductUpdate(handle, store, channel, { ...link, dirty_generation: Number(link.dirty_generation) });
      } catch (error) {
        failed += 1;
        const reason = error instanceof ChannelError || error instanceof Error ? error.message : String(error);
        pass.failed.push({ name: link.product_id, reason });
        continue; // stays dirty: the next pass tries again
      }
      if (outcome.kind === 'updated') {
        pass.updated += 1;
        if (outcome.keptRemoteOnly.length > 0) pass.keptRemoteOnly.push({ name: outcome.name, skus: outcome.keptRemoteOnly });
      } else if (outcome.kind === 'unlinked') pass.unlinked.push({ name: outcome.name, reason: outcome.reason });
      else pass.blocked.push({ name: outcome.name, reason: outcome.reason });
    }
    const notes = [
      ...pass.unlinked.slice(before.unlinked).map((u) => `${u.name}: ${u.reason}`),
      ...pass.blocked.slice(before.blocked).map((b) => `${b.name}: ${b.reason}`),
      ...pass.keptRemoteOnly.slice(before.kept).map((k) => `${k.name}: kept ${k.skus.length} variant(s) that exist only on the store (${k.skus.join(', ')})`),
      ...pass.failed.slice(before.failed).map((f) => `${f.name}: ${f.reason}`),
    ];
    if (failed > 0) {
      const delayMs = Math.min(BACKOFF_MAX_MS, waiting ? waiting.delayMs * 2 : BACKOFF_START_MS);
      backoff.set(store.id, { until: Date.now() + delayMs, delayMs });
    } else backoff.delete(store.id);
    await recordSyncLog(handle.db, {
      accountId: store.account_id,
      storeId: store.id,
      kind: 'product-update',
      items: links.length,
      outcome: failed === links.length && failed > 0 ? 'failed' : notes.length > 0 ? 'partial' : 'ok',
      durationMs: performance.now() - started,
      error: notes.length > 0 ? notes.join('; ') : null,
    });
  }
  return pass;
}

export const productUpdateTask: WorkerTask = {
  name: 'product updates',
  everyMs: 2_000,
  async run(handle, signal) {
    if (!process.env.STOCKROOM_SECRET) return; // no stores can be reached without it
    await pushProductUpdates(handle, { signal });
  },
};
