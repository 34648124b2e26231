// Webhooks are hints (DESIGN rule 6): a verified delivery is stored (de-duplicated by its
// delivery id) before the store gets its 2xx, and later the engine re-reads the object it names
// and takes it in. The payload's quantities and order of arrival are never trusted.
import type { DatabaseHandle } from '../../db/handle.ts';
import { nowIso } from '../../db/ids.ts';
import { ChannelError, type WebhookHint } from '../../channels/channel.ts';
import type { SyncStore } from '../engine-loop/store-channel.ts';
import type { StoreRow } from '../engine-loop/store-channel.ts';
import { takeInOrder } from '../orders/order-intake.ts';

/** 'stored' the first time a delivery id is seen, 'duplicate' after. */
export async function storeWebhookHint(handle: DatabaseHandle, store: StoreRow, hint: WebhookHint): Promise<'stored' | 'duplicate'> {
  const existing = await handle.db
    .selectFrom('webhook_delivery')
    .select('delivery_id')
    .where('store_id', '=', store.id)
    .where('delivery_id', '=', hint.deliveryId)
    .executeTakeFirst();
  if (existing) return 'duplicate';
  await handle.db
    .insertInto('webhook_delivery')
    .values({
      store_id: store.id,
      delivery_id: hint.deliveryId,
      account_id: store.account_id,
      topic: hint.topic,
      remote_id: hint.remoteId,
      received_at: nowIso(),
      processed_at: null,
      outcome: null,
    })
    .onConflict((oc) => oc.columns(['store_id', 'delivery_id']).doNothing())
    .execute();
  return 'stored';
}

export interface HintResult {
  processed: number;
  /** Hints left for later because the store did not answer. */
  pending: number;
}

/** Re-reads the objects named by the store's unprocessed hints and takes in their orders. */
export async function processWebhookHints(handle: DatabaseHandle, store: SyncStore, limit = 200): Promise<HintResult> {
  const hints = await handle.db
    .selectFrom('webhook_delivery')
    .select(['delivery_id', 'topic', 'remote_id'])
    .where('store_id', '=', store.row.id)
    .where('processed_at', 'is', null)
    .orderBy('received_at')
    .limit(limit)
    .execute();
  const result: HintResult = { processed: 0, pending: 0 };
  const orderIdsDone = new Set<string>();
  for (const hint of hints) {
    let outcome = 'ignored';
    if (hint.topic === 'order' && hint.remote_id) {
      if (orderIdsDone.has(hint.remote_id)) {
        outcome = 'already read';
      } else {
        try {
          const order = await store.channel.getOrder(hint.remote_id);
          if (order) await takeInOrder(handle, store.row, order);
          outcome = order ? 'order taken in' : 'order not found';
          orderIdsDone.add(hint.remote_id);
        } catch (error) {
          if (error instanceof ChannelError && error.retryable) {
            result.pending = hints.length - result.processed;
            break;
          }
          outcome = `failed: ${error instanceof Error ? error.message : String(error)}`;
        }
      }
    }
    await handle.db
      .updateTable('webhook_delivery')
      .set({ processed_at: nowIso(), outcome: outcome.slice(0, 500) })
      .where('store_id', '=', store.row.id)
      .where('delivery_id', '=', hint.delivery_id)
      .execute();
    result.processed += 1;
  }
  return result;
}
