// Orders by modification time. WooCommerce stamps whole seconds and `modified_after` is strict, so
// each poll starts one second before the cursor and drops what it has already seen at the cursor's
// second (remembering each order's status, so a change within the same second still comes through).
// Every poll reads page 1 from the cursor: page numbers over a set that keeps changing skip items.
import { z } from 'zod';
import { ChannelError, type OrderPage, type RemoteOrder } from '../channel.ts';
import { orderSchema, type WooOrder } from './payloads.ts';
import type { WooRestClient } from './rest-client.ts';

const PAGE = 100;
/** Statuses in which WooCommerce has reduced stock for the order. */
const HOLDS_STOCK = new Set(['processing', 'on-hold', 'completed']);

interface OrderCursor {
  /** ISO time, whole seconds, UTC. */
  after: string;
  /** order id → status, for the orders seen at `after`. */
  seen: Record<string, string>;
  /** > 1 only when more than a page of orders share the cursor's second. */
  page: number;
}

function wholeSeconds(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) throw new ChannelError('invalid', `"${iso}" is not a time WooCommerce orders can be read from.`);
  return new Date(Math.floor(time / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

function modifiedAt(order: WooOrder): string {
  const raw = order.date_modified_gmt ?? order.date_modified;
  if (!raw) throw new ChannelError('protocol', `WooCommerce order ${order.id} has no modification time.`);
  return wholeSeconds(/[zZ]|[+-]\d\d:?\d\d$/.test(raw) ? raw : `${raw}Z`);
}

function decodeCursor(cursor: string | null, since: string): OrderCursor {
  if (cursor === null) return { after: wholeSeconds(since), seen: {}, page: 1 };
  try {
    return z.object({ after: z.string(), seen: z.record(z.string(), z.string()), page: z.number().int().min(1) }).parse(JSON.parse(cursor));
  } catch {
    throw new ChannelError('invalid', 'The saved WooCommerce order cursor cannot be read; reconnect the store or reset its cursor.');
  }
}

export function toRemoteOrder(order: WooOrder): RemoteOrder {
  const cancelled = order.status === 'cancelled';
  return {
    remoteOrderId: String(order.id),
    name: `#${order.number ?? order.id}`,
    holdsStock: HOLDS_STOCK.has(order.status),
    cancelled,
    lines: order.line_items.map((line) => ({
      lineId: String(line.id),
      remoteVariantId: line.variation_id ? String(line.variation_id) : line.product_id ? String(line.product_id) : null,
      sku: line.sku && line.sku.trim() !== '' ? line.sku : null,
      quantity: line.quantity,
      // WooCommerce puts a cancelled order's stock back (if it had taken it).
      restockedQuantity: cancelled ? line.quantity : 0,
    })),
    updatedAt: modifiedAt(order),
  };
}

export async function listOrderPage(client: WooRestClient, cursor: string | null, since: string): Promise<OrderPage> {
  const position = decodeCursor(cursor, since);
  const from = new Date(Date.parse(position.after) - 1000).toISOString().replace('.000Z', 'Z');
  const answer = await client.request('GET', 'orders', z.array(orderSchema), {
    query: { modified_after: from, orderby: 'modified', order: 'asc', per_page: PAGE, page: position.page },
  });
  const fresh = answer.body.filter((order) => {
    const at = modifiedAt(order);
    if (at < position.after) return false;
    return !(at === position.after && position.seen[String(order.id)] === order.status);
  });
  const latest = answer.body.reduce((max, order) => (modifiedAt(order) > max ? modifiedAt(order) : max), position.after);
  const seen = latest === position.after ? { ...position.seen } : {};
  for (const order of answer.body) if (modifiedAt(order) === latest) seen[String(order.id)] = order.status;
  const fullPage = answer.body.length === PAGE;
  // A full page all at one second cannot move the cursor: read the next page of that second.
  const page = fullPage && latest === position.after ? position.page + 1 : 1;
  return { orders: fresh.map(toRemoteOrder), cursor: JSON.stringify({ after: latest, seen, page }), hasMore: fullPage };
}

export async function readOrder(client: WooRestClient, remoteOrderId: string): Promise<RemoteOrder | null> {
  try {
    return toRemoteOrder((await client.request('GET', `orders/${encodeURIComponent(remoteOrderId)}`, orderSchema)).body);
  } catch (error) {
    if (error instanceof ChannelError && error.code === 'not_found') return null;
    throw error;
  }
}
