// The order polling cursor. Shopify's updated_at has one-second resolution, so the cursor keeps
// the newest updatedAt seen (the watermark) and the ids already taken at that second; the next
// poll asks for orders updated at or after the watermark and drops those ids, so an order
// updated in the same second as the last one is never skipped. While a poll pages through
// Shopify's results, the query's start and Shopify's page cursor are kept as well.
import { z } from 'zod';
import { ChannelError } from '../channel.ts';

const orderCursorSchema = z.object({
  v: z.literal(1),
  /** The `updated_at` lower bound of the query being paged. */
  queryFrom: z.string(),
  /** Shopify's endCursor within that query; null at the start of a poll. */
  after: z.string().nullable(),
  watermark: z.string(),
  seenAtWatermark: z.array(z.string()),
});

export type OrderCursor = z.infer<typeof orderCursorSchema>;

export function initialOrderCursor(since: string): OrderCursor {
  const at = toSecond(since);
  return { v: 1, queryFrom: at, after: null, watermark: at, seenAtWatermark: [] };
}

export function encodeOrderCursor(cursor: OrderCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

export function decodeOrderCursor(text: string): OrderCursor {
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  const result = orderCursorSchema.safeParse(parsed);
  if (!result.success) throw new ChannelError('invalid', 'That order cursor was not written by the Shopify connector.', false);
  return result.data;
}

/** An instant as Shopify's second-resolution ISO text (2026-11-27T15:04:05Z). */
export function toSecond(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) throw new ChannelError('invalid', `"${iso}" is not a date and time.`, false);
  return new Date(Math.floor(time / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/**
 * Shopify's search query for orders updated at or after `from`. Written as "after one second
 * earlier" so it means the same with or without `>=` support.
 */
export function updatedSinceQuery(from: string): string {
  const before = new Date(Date.parse(from) - 1000).toISOString().replace('.000Z', 'Z');
  return `updated_at:>'${before}'`;
}

/** Moves the watermark over orders taken, in the order Shopify sorted them (updatedAt ascending). */
export function advance(cursor: OrderCursor, taken: Array<{ id: string; updatedAt: string }>): OrderCursor {
  let { watermark, seenAtWatermark } = cursor;
  for (const order of taken) {
    const at = toSecond(order.updatedAt);
    if (at > watermark) {
      watermark = at;
      seenAtWatermark = [order.id];
    } else if (at === watermark && !seenAtWatermark.includes(order.id)) {
      // An order older than the watermark (reordered by an update mid-poll) leaves it alone.
      seenAtWatermark = [...seenAtWatermark, order.id];
    }
  }
  return { ...cursor, watermark, seenAtWatermark };
}

/** Only orders taken at the watermark's second are dropped; anything else is passed on (the engine dedupes by key). */
export function alreadySeen(cursor: OrderCursor, order: { id: string; updatedAt: string }): boolean {
  return toSecond(order.updatedAt) === cursor.watermark && cursor.seenAtWatermark.includes(order.id);
}
