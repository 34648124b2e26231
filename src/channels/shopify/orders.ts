// listOrders / getOrder: Shopify orders → RemoteOrder. Stock goes back through refunds whose
// lines are restocked (a cancellation with restock refunds its lines with restockType CANCEL).
import type { OrderPage, RemoteOrder, RemoteOrderLine } from '../channel.ts';
import type { GraphqlClient } from './graphql-client.ts';
import {
  advance,
  alreadySeen,
  decodeOrderCursor,
  encodeOrderCursor,
  initialOrderCursor,
  orderFingerprint,
  updatedSinceQuery,
  type SeenOrder,
} from './order-cursor.ts';
import {
  LINES_PER_PAGED_ORDER,
  LINES_PER_SINGLE_ORDER,
  ORDERS_PER_PAGE,
  REFUNDS_PER_ORDER,
  REFUND_LINES_PER_PAGED_ORDER,
  REFUND_LINES_PER_SINGLE_ORDER,
  orderById,
  ordersPage,
} from './operations/orders.ts';
import { orderByIdResult, ordersPageResult, type ShopifyOrder } from './payloads/orders.ts';

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

function truncated(order: ShopifyOrder): boolean {
  return (
    order.lineItems.pageInfo.hasNextPage ||
    order.refunds.length >= REFUNDS_PER_ORDER ||
    order.refunds.some((refund) => refund.refundLineItems.pageInfo.hasNextPage)
  );
}

async function fullOrder(client: GraphqlClient, id: string): Promise<ShopifyOrder | null> {
  const data = await client.request(
    orderById,
    { id, linesFirst: LINES_PER_SINGLE_ORDER, refundLinesFirst: REFUND_LINES_PER_SINGLE_ORDER },
    orderByIdResult,
  );
  return data.order;
}

export async function getOrder(client: GraphqlClient, id: string): Promise<RemoteOrder | null> {
  const order = await fullOrder(client, id);
  return order ? remoteOrder(order) : null;
}

export async function listOrders(client: GraphqlClient, cursorText: string | null, since: string): Promise<OrderPage> {
  const cursor = cursorText ? decodeOrderCursor(cursorText) : initialOrderCursor(since);
  const data = await client.request(
    ordersPage,
    {
      query: updatedSinceQuery(cursor.queryFrom),
      after: cursor.after,
      first: ORDERS_PER_PAGE,
      linesFirst: LINES_PER_PAGED_ORDER,
      refundLinesFirst: REFUND_LINES_PER_PAGED_ORDER,
    },
    ordersPageResult,
  );
  const orders: RemoteOrder[] = [];
  const taken: SeenOrder[] = [];
  for (const node of data.orders.nodes) {
    const complete = truncated(node) ? ((await fullOrder(client, node.id)) ?? node) : node;
    const order = remoteOrder(complete);
    const seen = { fingerprint: orderFingerprint(order), updatedAt: node.updatedAt };
    if (alreadySeen(cursor, seen)) continue;
    orders.push(order);
    taken.push(seen);
  }
  const moved = advance(cursor, taken);
  const { hasNextPage, endCursor } = data.orders.pageInfo;
  const next =
    hasNextPage && endCursor
      ? { ...moved, after: endCursor }
      : { ...moved, queryFrom: moved.watermark, after: null };
  return { orders, cursor: encodeOrderCursor(next), hasMore: Boolean(hasNextPage && endCursor) };
}
