// Polling for store orders by the channel's cursor (DESIGN rule 5: the fallback that never
// sleeps for long). The cursor is kept on the store row; the first poll starts at the moment of
// connecting, because earlier orders are already in the store's stock.
import type { DatabaseHandle } from '../../db/handle.ts';
import { nowIso } from '../../db/ids.ts';
import { recordSyncLog } from '../sync-log/sync-log.ts';
import type { SyncStore } from '../engine-loop/store-channel.ts';
import { takeInOrder } from './order-intake.ts';

export interface PollResult {
  orders: number;
  /** Orders that changed the ledger (new lines counted or units put back). */
  changed: number;
}

const MAX_PAGES_PER_POLL = 50;

export async function pollStoreOrders(handle: DatabaseHandle, store: SyncStore): Promise<PollResult> {
  const started = Date.now();
  const result: PollResult = { orders: 0, changed: 0 };
  const unmatched: Array<{ order: string; sku: string | null }> = [];
  for (let page = 0; page < MAX_PAGES_PER_POLL; page += 1) {
    const orders = await store.channel.listOrders(store.row.order_cursor, store.row.order_cursor_started_at);
    for (const order of orders.orders) {
      const intake = await takeInOrder(handle, store.row, order);
      result.orders += 1;
      if (intake.unitsCounted > 0 || intake.unitsRestocked > 0) result.changed += 1;
      for (const line of intake.unmatched) unmatched.push({ order: order.name, sku: line.sku });
    }
    if (orders.cursor !== store.row.order_cursor) {
      await handle.db.updateTable('store').set({ order_cursor: orders.cursor }).where('id', '=', store.row.id).execute();
      store.row = { ...store.row, order_cursor: orders.cursor };
    }
    if (!orders.hasMore) break;
  }
  await handle.db
    .insertInto('store_sync_state')
    .values({ store_id: store.row.id, account_id: store.row.account_id, reconcile_requested: 0, last_order_poll_at: nowIso() })
    .onConflict((oc) => oc.column('store_id').doUpdateSet({ last_order_poll_at: nowIso() }))
    .execute();
  if (result.changed > 0 || unmatched.length > 0) {
    await recordSyncLog(handle.db, {
      accountId: store.row.account_id,
      storeId: store.row.id,
      kind: 'orders',
      items: result.changed,
      outcome: unmatched.length > 0 ? 'partial' : 'ok',
      durationMs: Date.now() - started,
      error: unmatched.length > 0 ? `${unmatched.length} order line(s) match no local variant (SKU ${unmatched[0]!.sku ?? 'blank'}).` : null,
      details: { orders: result.orders, unmatched: unmatched.slice(0, 50) },
    });
  }
  return result;
}
