// Reads an order on from where a page stopped, so every line and every restocked refund line is
// counted however large the order: line items and each refund's lines page by Shopify's endCursor,
// and an order with as many refunds as a page reads has its refund ids read to find the rest.
import { ChannelError } from '../channel.ts';
import type { GraphqlClient } from './graphql-client.ts';
import {
  LINES_PER_FOLLOW_UP,
  REFUNDS_PER_ORDER,
  REFUND_IDS_PER_ORDER,
  orderLineItemsPage,
  orderRefundIds,
  refundLineItemsPage,
} from './operations/orders.ts';
import {
  orderLineItemsPageResult,
  orderRefundIdsResult,
  refundLineItemsPageResult,
  type ShopifyOrder,
  type ShopifyPageInfo,
  type ShopifyRefund,
} from './payloads/orders.ts';

const DONE: ShopifyPageInfo = { hasNextPage: false, endCursor: null };

export function isComplete(order: ShopifyOrder): boolean {
  return (
    !order.lineItems.pageInfo.hasNextPage &&
    order.refunds.length < REFUNDS_PER_ORDER &&
    order.refunds.every((refund) => !refund.refundLineItems.pageInfo.hasNextPage)
  );
}

function nextCursor(pageInfo: ShopifyPageInfo, what: string): string {
  if (!pageInfo.endCursor) throw new ChannelError('protocol', `Shopify said ${what} go on but gave no cursor to read them from.`);
  return pageInfo.endCursor;
}

/** The order with all its lines and refunds; null when it is gone (deleted) meanwhile. */
export async function completeOrder(client: GraphqlClient, order: ShopifyOrder): Promise<ShopifyOrder | null> {
  if (isComplete(order)) return order;
  const lines = [...order.lineItems.nodes];
  let linesPage = order.lineItems.pageInfo;
  while (linesPage.hasNextPage) {
    const after = nextCursor(linesPage, `the lines of order ${order.name}`);
    const data = await client.request(orderLineItemsPage, { id: order.id, first: LINES_PER_FOLLOW_UP, after }, orderLineItemsPageResult);
    if (!data.order) return null;
    lines.push(...data.order.lineItems.nodes);
    linesPage = data.order.lineItems.pageInfo;
  }

  // Each refund with where its lines go on from: a cursor, null for an unread refund's first page, or done.
  const refunds: Array<{ refund: ShopifyRefund; from: string | null | 'done' }> = order.refunds.map((refund) => ({
    refund,
    from: refund.refundLineItems.pageInfo.hasNextPage ? nextCursor(refund.refundLineItems.pageInfo, `the refund lines of order ${order.name}`) : 'done',
  }));
  if (order.refunds.length >= REFUNDS_PER_ORDER) {
    const data = await client.request(orderRefundIds, { id: order.id, first: REFUND_IDS_PER_ORDER }, orderRefundIdsResult);
    if (!data.order) return null;
    if (data.order.refunds.length >= REFUND_IDS_PER_ORDER) {
      throw new ChannelError('invalid', `Order ${order.name} has ${REFUND_IDS_PER_ORDER} or more refunds; Stockroom cannot read them all.`, false);
    }
    const known = new Set(order.refunds.map((refund) => refund.id));
    for (const { id } of data.order.refunds) {
      if (!known.has(id)) refunds.push({ refund: { id, refundLineItems: { pageInfo: DONE, nodes: [] } }, from: null });
    }
  }

  const completeRefunds: ShopifyRefund[] = [];
  for (const { refund, from } of refunds) {
    const refundLines = [...refund.refundLineItems.nodes];
    let after = from;
    while (after !== 'done') {
      const data = await client.request(refundLineItemsPage, { id: refund.id, first: LINES_PER_FOLLOW_UP, after }, refundLineItemsPageResult);
      if (!data.refund) return null;
      refundLines.push(...data.refund.refundLineItems.nodes);
      const page = data.refund.refundLineItems.pageInfo;
      after = page.hasNextPage ? nextCursor(page, `the refund lines of order ${order.name}`) : 'done';
    }
    completeRefunds.push({ id: refund.id, refundLineItems: { pageInfo: DONE, nodes: refundLines } });
  }
  return { ...order, lineItems: { pageInfo: DONE, nodes: lines }, refunds: completeRefunds };
}
