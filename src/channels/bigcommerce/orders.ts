// Orders through the v2 Orders API, by modification time. BigCommerce stamps whole seconds (RFC
// 2822), so each poll starts one second before the cursor's second and drops what it has already
// seen at that second — remembering a signature of each order (status, modification time, items,
// refunds), so a change within the same second still comes through. Every poll reads page 1 from
// the cursor (page numbers over a set that keeps changing skip orders); only a full page that all
// sits in the cursor's second moves on to the next page. A list with no match answers 204.
import { z } from 'zod';
import { ChannelError, type OrderPage, type RemoteOrder } from '../channel.ts';
import { orderProductSchema, orderSchema, type BcOrder, type BcOrderProduct } from './payloads.ts';
import type { BcRestClient } from './rest-client.ts';

const PAGE = 250;
const INCOMPLETE = 0;
const CANCELLED = 5;
const DECLINED = 6;

interface OrderCursor {
  /** ISO time, whole seconds, UTC. */
  after: string;
  /** order id → signature, for the orders seen at `after`. */
  seen: Record<string, string>;
  page: number;
}

function wholeSeconds(time: number): string {
  return new Date(Math.floor(time / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

function parseTime(raw: string, what: string): number {
  const time = Date.parse(raw);
  if (Number.isNaN(time)) throw new ChannelError('protocol', `BigCommerce gave ${what} a time that cannot be read ("${raw}").`);
  return time;
}

function modifiedAt(order: BcOrder): string {
  return wholeSeconds(parseTime(order.date_modified, `order ${order.id}`));
}

function signature(order: BcOrder): string {
  return [order.status_id, order.date_modified, order.items_total ?? '', order.refunded_amount ?? ''].join('|');
}

function decodeCursor(cursor: string | null, since: string): OrderCursor {
  if (cursor === null) {
    const time = Date.parse(since);
    if (Number.isNaN(time)) throw new ChannelError('invalid', `"${since}" is not a time BigCommerce orders can be read from.`, false);
    return { after: wholeSeconds(time), seen: {}, page: 1 };
  }
  try {
    return z.object({ after: z.string(), seen: z.record(z.string(), z.string()), page: z.number().int().min(1) }).parse(JSON.parse(cursor));
  } catch {
    throw new ChannelError('invalid', 'The saved BigCommerce order cursor cannot be read; reconnect the store or reset its cursor.', false);
  }
}

export function toRemoteOrder(order: BcOrder, products: BcOrderProduct[]): RemoteOrder {
  const cancelled = order.status_id === CANCELLED;
  // BigCommerce takes stock when an order is placed (any status but Incomplete) and puts it back on
  // cancellation; a declined payment never leaves the stock taken either.
  const released = cancelled || order.status_id === DECLINED;
  return {
    remoteOrderId: String(order.id),
    name: `#${order.id}`,
    holdsStock: order.status_id !== INCOMPLETE && !released,
    cancelled,
    lines: products.map((line) => ({
      lineId: String(line.id),
      remoteVariantId: line.variant_id ? String(line.variant_id) : null,
      sku: line.sku && line.sku.trim() !== '' ? line.sku : null,
      quantity: line.quantity,
      restockedQuantity: released ? line.quantity : Math.min(line.quantity, line.quantity_refunded ?? 0),
    })),
    updatedAt: new Date(parseTime(order.date_modified, `order ${order.id}`)).toISOString(),
  };
}

async function orderLines(client: BcRestClient, orderId: number): Promise<BcOrderProduct[]> {
  const lines: BcOrderProduct[] = [];
  for (let page = 1; ; page += 1) {
    const answer = await client.request('GET', `/v2/orders/${orderId}/products`, z.array(orderProductSchema), { query: { limit: PAGE, page }, noContent: [] });
    lines.push(...answer);
    if (answer.length < PAGE) return lines;
  }
}

export async function listOrderPage(client: BcRestClient, cursor: string | null, since: string): Promise<OrderPage> {
  const position = decodeCursor(cursor, since);
  const from = new Date(Date.parse(position.after) - 1000).toISOString().replace('.000Z', '+00:00');
  const answer = await client.request('GET', '/v2/orders', z.array(orderSchema), {
    query: { min_date_modified: from, sort: 'date_modified:asc', limit: PAGE, page: position.page },
    noContent: [],
  });
  const fresh = answer.filter((order) => {
    const at = modifiedAt(order);
    if (at < position.after) return false;
    return !(at === position.after && position.seen[String(order.id)] === signature(order));
  });
  const latest = answer.reduce((max, order) => (modifiedAt(order) > max ? modifiedAt(order) : max), position.after);
  const seen = latest === position.after ? { ...position.seen } : {};
  for (const order of answer) if (modifiedAt(order) === latest) seen[String(order.id)] = signature(order);
  const fullPage = answer.length === PAGE;
  const page = fullPage && latest === position.after ? position.page + 1 : 1;
  const orders: RemoteOrder[] = [];
  for (const order of fresh) orders.push(toRemoteOrder(order, await orderLines(client, order.id)));
  return { orders, cursor: JSON.stringify({ after: latest, seen, page }), hasMore: fullPage };
}

export async function readOrder(client: BcRestClient, remoteOrderId: string): Promise<RemoteOrder | null> {
  if (!/^\d+$/.test(remoteOrderId)) return null;
  try {
    const order = await client.request('GET', `/v2/orders/${remoteOrderId}`, orderSchema);
    return toRemoteOrder(order, await orderLines(client, order.id));
  } catch (error) {
    if (error instanceof ChannelError && error.code === 'not_found') return null;
    throw error;
  }
}
