// listOrders / getOrder: Shopify orders → RemoteOrder. Stock goes back through refunds whose
// lines are restocked (a cancellation with restock refunds its lines with restockType CANCEL).
import type { OrderPage, RemoteOrder, RemoteOrderLine } from '../channel.ts';
import type { GraphqlClient } from './graphql-client.ts';
import { completeOrder } from './complete-order.ts';
import {
  advance,
  alreadySeen,
  decodeOrderCursor,
  encodeOrderCursor,
  initialOrderCursor,
  orderFingerprint,
  settled,
  updatedSinceQuery,
  type OrderCursor,
  type OrderRead,
} from './order-cursor.ts';
import {
  LINES_PER_PAGED_ORDER,
  LINES_PER_SINGLE_ORDER,
  ORDERS_PER_PAGE,
  REFUND_LINES_PER_PAGED_ORDER,
  REFUND_LINES_PER_SINGLE_ORDER,
  orderById,
  ordersPage,
  ordersProbe,
} from './operations/orders.ts';
import { orderByIdResult, ordersPageResult, ordersProbeResult, type ShopifyOrder, type ShopifyPageInfo } from './payloads/orders.ts';

const RESTOCKING = new Set(['RETURN', 'CANCEL']);

function restockedUnits(order: ShopifyOrder): Map<string, number> {
  const units = new Map<string, number>();
  for (const refund of order.refunds) {
    for (const line of refund.refundLineItems.nodes) {
      const counts = RESTOCKING.has(line.restockType) || (line.restockType === 'LEGACY_RESTOCK' && line.restocked === true);
      if (counts) units.set(line.lineItem.id, (units.get(line.lineItem.id) ?? 0) + line.quantity);
    }
  }
  return units;
}

export function remoteOrder(order: ShopifyOrder): RemoteOrder {
  const restocked = restockedUnits(order);
  const lines: RemoteOrderLine[] = order.lineItems.nodes.map((line) => ({
    lineId: line.id,
    remoteVariantId: line.variant?.id ?? null,
    sku: line.sku && line.sku.trim() !== '' ? line.sku : null,
    quantity: line.quantity,
    restockedQuantity: Math.min(line.quantity, restocked.get(line.id) ?? 0),
  }));
  const cancelled = order.cancelledAt !== null && order.cancelledAt !== undefined;
  // Shopify takes the stock when the order is placed, and a cancellation gives it back only
  // through restocked refund lines: a cancelled order's units still count as taken, minus those
  // restocked (so one cancelled without restocking, first seen after the cancel, is not missed).
  return { remoteOrderId: order.id, name: order.name, holdsStock: true, cancelled, lines, updatedAt: order.updatedAt };
}

export async function getOrder(client: GraphqlClient, id: string): Promise<RemoteOrder | null> {
  const data = await client.request(
    orderById,
    { id, linesFirst: LINES_PER_SINGLE_ORDER, refundLinesFirst: REFUND_LINES_PER_SINGLE_ORDER },
    orderByIdResult,
  );
  const order = data.order ? await completeOrder(client, data.order) : null;
  return order ? remoteOrder(order) : null;
}

/** Where the next page of this poll starts, or, at the end, the next poll (from the watermark). */
function pageResult(cursor: OrderCursor, orders: RemoteOrder[], pageInfo: ShopifyPageInfo): OrderPage {
  const more = Boolean(pageInfo.hasNextPage && pageInfo.endCursor);
  const next: OrderCursor = more ? { ...cursor, after: pageInfo.endCursor! } : { ...cursor, queryFrom: cursor.watermark, after: null };
  return { orders, cursor: encodeOrderCursor(next), hasMore: more };
}

/**
 * One page of orders updated at or after the cursor's watermark, oldest first. The probe names
 * the page's orders; those leading it that are settled (order-cursor.ts) are stepped over, and
 * only the rest are read in full, so a quiet poll costs a few points instead of a full page's.
 */
export async function listOrders(
  client: GraphqlClient,
  cursorText: string | null,
  since: string,
  now: () => number = Date.now,
): Promise<OrderPage> {
  const cursor = cursorText ? decodeOrderCursor(cursorText) : initialOrderCursor(since);
  const query = updatedSinceQuery(cursor.queryFrom);
  const probe = await client.request(ordersProbe, { query, after: cursor.after, first: ORDERS_PER_PAGE }, ordersProbeResult);
  const edges = probe.orders.edges;
  const nowMs = now();
  let skipped = 0;
  while (skipped < edges.length && settled(cursor, edges[skipped]!.node, nowMs)) skipped += 1;
  if (skipped === edges.length) return pageResult(cursor, [], probe.orders.pageInfo);

  const readAt = new Date(now()).toISOString();
  const data = await client.request(
    ordersPage,
    {
      query,
      after: skipped > 0 ? edges[skipped - 1]!.cursor : cursor.after,
      first: edges.length - skipped,
      linesFirst: LINES_PER_PAGED_ORDER,
      refundLinesFirst: REFUND_LINES_PER_PAGED_ORDER,
    },
    ordersPageResult,
  );
  const orders: RemoteOrder[] = [];
  const reads: OrderRead[] = [];
  for (const node of data.orders.nodes) {
    const complete = await completeOrder(client, node);
    if (!complete) continue; // deleted while we read it
    const order = remoteOrder(complete);
    const read = { fingerprint: orderFingerprint(order), updatedAt: node.updatedAt, readAt };
    reads.push(read);
    if (!alreadySeen(cursor, read)) orders.push(order);
  }
  return pageResult(advance(cursor, reads), orders, data.orders.pageInfo);
}
