// The order polling cursor. Shopify's updated_at has one-second resolution, so the cursor keeps
// the newest updatedAt seen (the watermark) and a fingerprint of each order taken at that second
// (its id and what the engine reads of it); the next poll asks for orders updated at or after the
// watermark and drops only identical fingerprints, so neither another order updated in the same
// second nor a second change to the same order within it is skipped. While a poll pages through
// Shopify's results, the query's start and Shopify's page cursor are kept as well.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { ChannelError, type RemoteOrder } from '../channel.ts';

const orderCursorSchema = z.object({
  v: z.literal(1),
  /** The `updated_at` lower bound of the query being paged. */
  queryFrom: z.string(),
  /** Shopify's endCursor within that query; null at the start of a poll. */
  after: z.string().nullable(),
  watermark: z.string(),
  /** Fingerprints (see orderFingerprint) of the orders already returned at the watermark's second. */
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

export interface SeenOrder {
  fingerprint: string;
  updatedAt: string;
}

/** The order's id and everything the engine reads of it, hashed: equal fingerprints mean nothing to take in. */
export function orderFingerprint(order: RemoteOrder): string {
  const content = JSON.stringify([order.cancelled, order.holdsStock, order.lines.map((l) => [l.lineId, l.quantity, l.restockedQuantity])]);
  return `${order.remoteOrderId}#${createHash('sha256').update(content).digest('base64url').slice(0, 16)}`;
}

/** Moves the watermark over orders taken, in the order Shopify sorted them (updatedAt ascending). */
export function advance(cursor: OrderCursor, taken: SeenOrder[]): OrderCursor {
  let { watermark, seenAtWatermark } = cursor;
  for (const order of taken) {
    const at = toSecond(order.updatedAt);
    if (at > watermark) {
      watermark = at;
      seenAtWatermark = [order.fingerprint];
    } else if (at === watermark && !seenAtWatermark.includes(order.fingerprint)) {
      seenAtWatermark = [...seenAtWatermark, order.fingerprint];
    }
    // An order older than the watermark (moved by an update mid-poll) leaves the watermark alone.
  }
  return { ...cursor, watermark, seenAtWatermark };
}

/** Only an identical order at the watermark's second is dropped; anything else is passed on (the engine dedupes by key). */
export function alreadySeen(cursor: OrderCursor, order: SeenOrder): boolean {
  return toSecond(order.updatedAt) === cursor.watermark && cursor.seenAtWatermark.includes(order.fingerprint);
}
