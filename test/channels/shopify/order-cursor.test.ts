// The order polling cursor: Shopify's updated_at has one-second resolution, so orders (or a second
// change to one order) within the same second as the last one taken must not be skipped; an order
// read in full well after its second ("settled") need not be read again.
import { describe, expect, it } from 'vitest';
import type { RemoteOrder } from '../../../src/channels/channel.ts';
import {
  SETTLE_MARGIN_MS,
  advance,
  alreadySeen,
  decodeOrderCursor,
  encodeOrderCursor,
  initialOrderCursor,
  orderFingerprint,
  settled,
  toSecond,
  updatedSinceQuery,
} from '../../../src/channels/shopify/order-cursor.ts';

function order(id: string, updatedAt: string, restocked = 0): RemoteOrder {
  return {
    remoteOrderId: id,
    name: `#${id}`,
    holdsStock: true,
    cancelled: restocked > 0,
    updatedAt,
    lines: [{ lineId: `${id}-1`, remoteVariantId: 'v', sku: 'S', quantity: 2, restockedQuantity: restocked }],
  };
}
/** Read in full at `readAt` (default: the order's own second, i.e. not settled). */
const read = (o: RemoteOrder, readAt = o.updatedAt) => ({ fingerprint: orderFingerprint(o), updatedAt: o.updatedAt, readAt });
const at = (iso: string, plusMs: number) => new Date(Date.parse(iso) + plusMs).toISOString();

const W = '2026-11-27T10:00:05Z';
/** The first instant a read counts as settling an order updated at W. */
const SETTLES = at(W, 1000 + SETTLE_MARGIN_MS);

describe('Shopify order cursor', () => {
  it('asks for orders updated at or after the watermark, written so it works without >= support', () => {
    expect(updatedSinceQuery('2026-11-27T10:00:05Z')).toBe("updated_at:>'2026-11-27T10:00:04Z'");
    expect(toSecond('2026-11-27T10:00:05.987Z')).toBe('2026-11-27T10:00:05Z');
    expect(initialOrderCursor('2026-11-27T10:00:05.400Z').queryFrom).toBe('2026-11-27T10:00:05Z');
  });

  it('drops an order already taken, but not another order updated in the same second', () => {
    const a = order('1', W);
    const cursor = advance(initialOrderCursor('2026-11-27T10:00:00Z'), [read(a)]);
    expect(cursor.watermark).toBe(W);
    expect(alreadySeen(cursor, read(a))).toBe(true);
    expect(alreadySeen(cursor, read(order('2', W)))).toBe(false);
  });

  it('passes on a second change to the same order within the same second (a cancellation right after the sale)', () => {
    const sale = order('1', W);
    const cursor = advance(initialOrderCursor('2026-11-27T10:00:00Z'), [read(sale)]);
    const cancelled = order('1', W, 2);
    expect(alreadySeen(cursor, read(cancelled))).toBe(false);
    const after = advance(cursor, [read(cancelled)]);
    expect(alreadySeen(after, read(cancelled))).toBe(true);
    expect(after.seenAtWatermark).toHaveLength(2);
  });

  it('moves the watermark forward only, forgetting fingerprints of older seconds', () => {
    const start = advance(initialOrderCursor('2026-11-27T10:00:00Z'), [read(order('1', W))]);
    const moved = advance(start, [read(order('2', '2026-11-27T10:00:09Z')), read(order('3', '2026-11-27T10:00:07Z'))]);
    expect(moved.watermark).toBe('2026-11-27T10:00:09Z');
    expect(moved.seenAtWatermark.map((s) => s.fingerprint)).toEqual([orderFingerprint(order('2', '2026-11-27T10:00:09Z'))]);
  });

  it('round-trips through text and refuses a cursor it did not write', () => {
    const cursor = advance(initialOrderCursor('2026-11-27T10:00:00Z'), [read(order('1', W))]);
    expect(decodeOrderCursor(encodeOrderCursor(cursor))).toEqual(cursor);
    expect(() => decodeOrderCursor('not-a-cursor')).toThrow(/order cursor/);
  });

  it('settles an order only when its last full read began the margin after its second ended', () => {
    const a = order('1', W);
    const now = Date.parse(SETTLES) + 5000;
    const readInItsSecond = advance(initialOrderCursor('2026-11-27T10:00:00Z'), [read(a)]);
    expect(settled(readInItsSecond, { id: '1', updatedAt: W }, now)).toBe(false);
    const justShort = advance(readInItsSecond, [read(a, at(SETTLES, -1))]);
    expect(settled(justShort, { id: '1', updatedAt: W }, now)).toBe(false);
    const readLater = advance(readInItsSecond, [read(a, SETTLES)]);
    expect(readLater.seenAtWatermark).toEqual([{ fingerprint: orderFingerprint(a), readAt: SETTLES }]);
    expect(settled(readLater, { id: '1', updatedAt: W }, now)).toBe(true);
    // An earlier read of the same fingerprint does not take the later read time back.
    expect(advance(readLater, [read(a)]).seenAtWatermark).toEqual(readLater.seenAtWatermark);
  });

  it('never settles an order updated after the watermark, one never read, or one read "in the future"', () => {
    const cursor = advance(initialOrderCursor('2026-11-27T10:00:00Z'), [read(order('1', W), SETTLES)]);
    const now = Date.parse(SETTLES) + 5000;
    // The same order changed in a later second (the change our settled read could not have seen).
    expect(settled(cursor, { id: '1', updatedAt: '2026-11-27T10:00:06Z' }, now)).toBe(false);
    // Another order at the watermark second, never read.
    expect(settled(cursor, { id: '2', updatedAt: W }, now)).toBe(false);
    // Our clock stepped back behind the recorded read: that read proves nothing.
    expect(settled(cursor, { id: '1', updatedAt: W }, Date.parse(SETTLES) - 1)).toBe(false);
  });

  it('a second change within the settled second is still read: the later fingerprint is what the last read found', () => {
    // Sale and cancellation in the same second W; the first read saw only the sale, a read after
    // the margin saw the cancellation. Only then is the order settled, with both fingerprints kept.
    const sale = order('1', W);
    const cancelled = order('1', W, 2);
    const sawSale = advance(initialOrderCursor('2026-11-27T10:00:00Z'), [read(sale)]);
    const now = Date.parse(SETTLES) + 5000;
    expect(settled(sawSale, { id: '1', updatedAt: W }, now)).toBe(false);
    const sawCancel = advance(sawSale, [read(cancelled, SETTLES)]);
    expect(alreadySeen(sawSale, read(cancelled))).toBe(false);
    expect(sawCancel.seenAtWatermark.map((s) => s.fingerprint)).toEqual([orderFingerprint(sale), orderFingerprint(cancelled)]);
    expect(settled(sawCancel, { id: '1', updatedAt: W }, now)).toBe(true);
  });

  it('still decodes a v1 cursor, its orders not settled until read in full again', () => {
    const a = order('1', W);
    const v1 = { v: 1, queryFrom: W, after: null, watermark: W, seenAtWatermark: [orderFingerprint(a)] };
    const decoded = decodeOrderCursor(Buffer.from(JSON.stringify(v1)).toString('base64url'));
    expect(decoded).toEqual({ v: 2, queryFrom: W, after: null, watermark: W, seenAtWatermark: [{ fingerprint: orderFingerprint(a), readAt: W }] });
    expect(alreadySeen(decoded, read(a))).toBe(true);
    expect(settled(decoded, { id: '1', updatedAt: W }, Date.parse(SETTLES) + 5000)).toBe(false);
    expect(settled(advance(decoded, [read(a, SETTLES)]), { id: '1', updatedAt: W }, Date.parse(SETTLES) + 5000)).toBe(true);
  });
});
