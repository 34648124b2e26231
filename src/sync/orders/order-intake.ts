// Store orders become ledger movements (DESIGN rule 5): each order line is ONE channel_order
// movement at the store's orders location, keyed (store, order, line); units put back by
// cancellation or refunds become channel_refund movements keyed by the cumulative amount, so a
// duplicate webhook, a replayed poll or two paths seeing the same order change nothing.
//
// The store the order came from already shows the sale: its last known quantity is lowered by
// what we count (and raised by what we restock) in the same transaction, so the next push to it
// sends nothing when it already shows the right number, and its compare-and-set expected value
// stays true.
import type { DatabaseHandle } from '../../db/handle.ts';
import { inTransaction, type Executor } from '../../db/transaction.ts';
import { nowIso } from '../../db/ids.ts';
import type { RemoteOrder, RemoteOrderLine } from '../../channels/channel.ts';
import { recordMovementIn } from '../../stock/record-movement.ts';
import type { StoreRow } from '../engine-loop/store-channel.ts';

export interface OrderIntakeResult {
  /** Units newly taken out of stock by this call. */
  unitsCounted: number;
  /** Units newly put back. */
  unitsRestocked: number;
  /** Lines that match no local variant (reported, not counted). */
  unmatched: Array<{ lineId: string; sku: string | null }>;
}

export function orderLineKey(storeId: string, orderId: string, lineId: string): string {
  return `order:${storeId}:${orderId}:${lineId}`;
}

export async function takeInOrder(handle: DatabaseHandle, store: StoreRow, order: RemoteOrder): Promise<OrderIntakeResult> {
  return inTransaction(handle, async (trx) => {
    const result: OrderIntakeResult = { unitsCounted: 0, unitsRestocked: 0, unmatched: [] };
    for (const line of order.lines) {
      const target = await matchLine(trx, store, line);
      if (!target) {
        result.unmatched.push({ lineId: line.lineId, sku: line.sku });
        continue;
      }
      if (target.linkId && handle.dialect === 'postgres') {
        // Lock the link before the movement bumps the variant's change mark: linkDirtFromChangeMarks
        // (another store's round, at the same time) locks links first and then deletes the mark, so
        // taking them in the other order deadlocked when two stores took in orders for one variant.
        await trx.selectFrom('variant_link').select('id').where('id', '=', target.linkId).forUpdate().execute();
      }
      const change = await takeInLine(trx, handle.dialect, store, order, line, target.variantId);
      result.unitsCounted += change.counted;
      result.unitsRestocked += change.restocked;
      const remoteDelta = change.restocked - change.counted;
      if (remoteDelta !== 0 && target.linkId) {
        await trx
          .updateTable('variant_link')
          .set((eb) => ({ last_known_remote_qty: eb('last_known_remote_qty', '+', remoteDelta) }))
          .where('id', '=', target.linkId)
          .where('last_known_remote_qty', 'is not', null)
          .execute();
      }
    }
    return result;
  });
}

async function matchLine(trx: Executor, store: StoreRow, line: RemoteOrderLine): Promise<{ variantId: string; linkId: string | null } | null> {
  if (line.remoteVariantId) {
    const link = await trx
      .selectFrom('variant_link')
      .select(['id', 'variant_id'])
      .where('store_id', '=', store.id)
      .where('remote_variant_id', '=', line.remoteVariantId)
      .executeTakeFirst();
    if (link) return { variantId: link.variant_id, linkId: link.id };
  }
  const skuKey = line.sku?.trim().toLowerCase();
  if (!skuKey) return null;
  const variant = await trx.selectFrom('variant').select('id').where('account_id', '=', store.account_id).where('sku_key', '=', skuKey).executeTakeFirst();
  if (!variant) return null;
  const link = await trx.selectFrom('variant_link').select('id').where('store_id', '=', store.id).where('variant_id', '=', variant.id).executeTakeFirst();
  return { variantId: variant.id, linkId: link?.id ?? null };
}

async function takeInLine(
  trx: Executor,
  dialect: DatabaseHandle['dialect'],
  store: StoreRow,
  order: RemoteOrder,
  line: RemoteOrderLine,
  variantId: string,
): Promise<{ counted: number; restocked: number }> {
  let query = trx
    .selectFrom('order_line_intake')
    .select(['counted_qty', 'restocked_qty'])
    .where('store_id', '=', store.id)
    .where('remote_order_id', '=', order.remoteOrderId)
    .where('line_id', '=', line.lineId);
  if (dialect === 'postgres') query = query.forUpdate();
  const seen = await query.executeTakeFirst();
  const countedBefore = Number(seen?.counted_qty ?? 0);
  const restockedBefore = Number(seen?.restocked_qty ?? 0);

  // A line takes stock once the platform holds it for the order (WooCommerce: not while pending);
  // a line with units put back must have held them first.
  const holds = order.holdsStock || line.restockedQuantity > 0;
  const countedNow = Math.max(countedBefore, holds ? Math.max(0, line.quantity) : 0);
  const restockedNow = Math.max(restockedBefore, Math.min(countedNow, Math.max(0, line.restockedQuantity)));
  const base = { variantId, location: store.orders_location_id, reference: order.name, actor: `store:${store.id}` };

  let counted = 0;
  if (countedNow > countedBefore) {
    const key = orderLineKey(store.id, order.remoteOrderId, line.lineId) + (countedBefore === 0 ? '' : `:qty:${countedNow}`);
    const movement = await recordMovementIn(trx, store.account_id, {
      ...base,
      kind: 'channel_order',
      quantity: countedNow - countedBefore,
      reason: `Order ${order.name} on ${store.name}`,
      idempotencyKey: key,
    });
    if (!movement.replayed) counted = countedNow - countedBefore;
  }
  let restocked = 0;
  if (restockedNow > restockedBefore) {
    const movement = await recordMovementIn(trx, store.account_id, {
      ...base,
      kind: 'channel_refund',
      quantity: restockedNow - restockedBefore,
      reason: order.cancelled ? `Order ${order.name} cancelled on ${store.name}` : `Order ${order.name} refunded on ${store.name}`,
      idempotencyKey: `${orderLineKey(store.id, order.remoteOrderId, line.lineId)}:restock:${restockedNow}`,
    });
    if (!movement.replayed) restocked = restockedNow - restockedBefore;
  }
  if (!seen) {
    await trx
      .insertInto('order_line_intake')
      .values({
        store_id: store.id,
        remote_order_id: order.remoteOrderId,
        line_id: line.lineId,
        account_id: store.account_id,
        variant_id: variantId,
        counted_qty: countedNow,
        restocked_qty: restockedNow,
        updated_at: nowIso(),
      })
      .execute();
  } else if (countedNow !== countedBefore || restockedNow !== restockedBefore) {
    await trx
      .updateTable('order_line_intake')
      .set({ counted_qty: countedNow, restocked_qty: restockedNow, updated_at: nowIso() })
      .where('store_id', '=', store.id)
      .where('remote_order_id', '=', order.remoteOrderId)
      .where('line_id', '=', line.lineId)
      .execute();
  }
  return { counted, restocked };
}
