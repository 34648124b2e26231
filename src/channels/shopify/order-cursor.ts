// The order polling cursor. Shopify's updated_at has one-second resolution, so the cursor keeps
// the newest updatedAt seen (the watermark) and a fingerprint of each order taken at that second
// (its id and what the engine reads of it); the next poll asks for orders updated at or after the
// watermark and drops only identical fingerprints, so neither another order updated in the same
// second nor a second change to the same order within it is skipped. While a poll pages through
// Shopify's results, the query's start and Shopify's page cursor are kept as well.
//
// Each fingerprint also records when the order was last read in full (v2). An order at the
// watermark second read in full well after that second has not changed since: any later change
// would have given it a later updatedAt. Such an order is "settled", and a poll that finds only
// settled orders need not read their lines again (see settled()).
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { ChannelError, type RemoteOrder } from '../channel.ts';

/**
 * How long after the end of an order's updatedAt second a full read must have started for the
 * order to count as settled. Covers the skew between our clock and Shopify's: a change Shopify
 * made after our read carries an updatedAt after the watermark unless our clock runs this far ahead.
 */
export const SETTLE_MARGIN_MS = 60_000;

const seenOrderSchema = z.object({
  /** See orderFingerprint. */
  fingerprint: z.string(),
  /** When the last full read that found this fingerprint was sent (our clock, ISO). */
  readAt: z.string(),
});

const pagingFields = {
  /** The `updated_at` lower bound of the query being paged. */
  queryFrom: z.string(),
  /** Shopify's endCursor within that query; null at the start of a poll. */
  after: z.string().nullable(),
  watermark: z.string(),
};

const orderCursorSchema = z.object({
  v: z.literal(2),
  ...pagingFields,
  /** The orders already returned at the watermark's second, each with its last full read. */
  seenAtWatermark: z.array(seenOrderSchema),
});

/** The first cursor: fingerprints without read times. */
const orderCursorV1Schema = z.object({
  v: z.literal(1),
  ...pagingFields,
  seenAtWatermark: z.array(z.string()),
});

export type OrderCursor = z.infer<typeof orderCursorSchema>;
export type SeenOrder = z.infer<typeof seenOrderSchema>;

/** One order as a full read found it. */
export interface OrderRead {
  fingerprint: string;
  updatedAt: string;
  /** When the request that read it was sent (our clock, ISO). */
  readAt: string;
}

export function initialOrderCursor(since: string): OrderCursor {
  const at = toSecond(since);
  return { v: 2, queryFrom: at, after: null, watermark: at, seenAtWatermark: [] };
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
  const current = orderCursorSchema.safeParse(parsed);
  if (current.success) return current.data;
  const v1 = orderCursorV1Schema.safeParse(parsed);
  if (v1.success) {
    // A v1 cursor does not say when its orders were read: as if read at the watermark second
    // itself, i.e. not settled, so each is read in full once more before it can be skipped.
    const { seenAtWatermark, ...rest } = v1.data;
    return { ...rest, v: 2, seenAtWatermark: seenAtWatermark.map((fingerprint) => ({ fingerprint, readAt: rest.watermark })) };
  }
  throw new ChannelError('invalid', 'That order cursor was not written by the Shopify connector.', false);
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

/** The order's id and everything the engine reads of it, hashed: equal fingerprints mean nothing to take in. */
export function orderFingerprint(order: RemoteOrder): string {
  const content = JSON.stringify([order.cancelled, order.holdsStock, order.lines.map((l) => [l.lineId, l.quantity, l.restockedQuantity])]);
  return `${order.remoteOrderId}#${createHash('sha256').update(content).digest('base64url').slice(0, 16)}`;
}

function fingerprintOrderId(fingerprint: string): string {
  return fingerprint.slice(0, fingerprint.lastIndexOf('#'));
}

/**
 * Moves the watermark over orders read in full, in the order Shopify sorted them (updatedAt
 * ascending). A fingerprint found again at the watermark keeps the later read time.
 */
export function advance(cursor: OrderCursor, reads: OrderRead[]): OrderCursor {
  let { watermark, seenAtWatermark } = cursor;
  for (const read of reads) {
    const at = toSecond(read.updatedAt);
    const seen = { fingerprint: read.fingerprint, readAt: read.readAt };
    if (at > watermark) {
      watermark = at;
      seenAtWatermark = [seen];
    } else if (at === watermark) {
      const known = seenAtWatermark.find((s) => s.fingerprint === read.fingerprint);
      if (!known) seenAtWatermark = [...seenAtWatermark, seen];
      else if (Date.parse(read.readAt) > Date.parse(known.readAt)) {
        seenAtWatermark = seenAtWatermark.map((s) => (s === known ? seen : s));
      }
    }
    // An order older than the watermark (moved by an update mid-poll) leaves the watermark alone.
  }
  return { ...cursor, watermark, seenAtWatermark };
}

/** Only an identical order at the watermark's second is dropped; anything else is passed on (the engine dedupes by key). */
export function alreadySeen(cursor: OrderCursor, order: { fingerprint: string; updatedAt: string }): boolean {
  return toSecond(order.updatedAt) === cursor.watermark && cursor.seenAtWatermark.some((s) => s.fingerprint === order.fingerprint);
}

/**
 * True when reading this order in full cannot find anything new: it is still at the watermark
 * second, and its latest full read (whose fingerprint is then in the seen set) was sent at least
 * SETTLE_MARGIN_MS after that second ended, so a change since would have moved its updatedAt on.
 */
export function settled(cursor: OrderCursor, order: { id: string; updatedAt: string }, nowMs: number): boolean {
  if (toSecond(order.updatedAt) !== cursor.watermark) return false;
  let lastRead = Number.NEGATIVE_INFINITY;
  for (const seen of cursor.seenAtWatermark) {
    if (fingerprintOrderId(seen.fingerprint) === order.id) lastRead = Math.max(lastRead, Date.parse(seen.readAt));
  }
  const secondEnds = Date.parse(cursor.watermark) + 1000;
  // A read time in our future (a clock stepped back) proves nothing.
  return lastRead - secondEnds >= SETTLE_MARGIN_MS && lastRead <= nowMs;
}
