// The order polling cursor: Shopify's updated_at has one-second resolution, so orders (or a second
// change to one order) within the same second as the last one taken must not be skipped.
import { describe, expect, it } from 'vitest';
import type { RemoteOrder } from '../../../src/channels/channel.ts';
import {
  advance,
  alreadySeen,
  decodeOrderCursor,
  encodeOrderCursor,
  initialOrderCursor,
  orderFingerprint,
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
const seen = (o: RemoteOrder) => ({ fingerprint: orderFingerprint(o), updatedAt: o.updatedAt });

describe('Shopify order cursor', () => {
  it('asks for orders updated at or after the watermark, written so it works without >= support', () => {
    expect(updatedSinceQuery('2026-11-27T10:00:05Z')).toBe("updated_at:>'2026-11-27T10:00:04Z'");
    expect(toSecond('2026-11-27T10:00:05.987Z')).toBe('2026-11-27T10:00:05Z');
    expect(initialOrderCursor('2026-11-27T10:00:05.400Z').queryFrom).toBe('2026-11-27T10:00:05Z');
  });

  it('drops an order already taken, but not another order updated in the same second', () => {
    const a = order('1', '2026-11-27T10:00:05Z');
    const cursor = advance(initialOrderCursor('2026-11-27T10:00:00Z'), [seen(a)]);
    expect(cursor.watermark).toBe('2026-11-27T10:00:05Z');
    expect(alreadySeen(cursor, seen(a))).toBe(true);
    expect(alreadySeen(cursor, seen(order('2', '2026-11-27T10:00:05Z')))).toBe(false);
  });

  it('passes on a second change to the same order within the same second (a cancellation right after the sale)', () => {
    const sale = order('1', '2026-11-27T10:00:05Z');
    const cursor = advance(initialOrderCursor('2026-11-27T10:00:00Z'), [seen(sale)]);
    const cancelled = order('1', '2026-11-27T10:00:05Z', 2);
    expect(alreadySeen(cursor, seen(cancelled))).toBe(false);
    const after = advance(cursor, [seen(cancelled)]);
    expect(alreadySeen(after, seen(cancelled))).toBe(true);
    expect(after.seenAtWatermark).toHaveLength(2);
  });

  it('moves the watermark forward only, forgetting fingerprints of older seconds', () => {
    const start = advance(initialOrderCursor('2026-11-27T10:00:00Z'), [seen(order('1', '2026-11-27T10:00:05Z'))]);
    const moved = advance(start, [seen(order('2', '2026-11-27T10:00:09Z')), seen(order('3', '2026-11-27T10:00:07Z'))]);
    expect(moved.watermark).toBe('2026-11-27T10:00:09Z');
    expect(moved.seenAtWatermark).toEqual([orderFingerprint(order('2', '2026-11-27T10:00:09Z'))]);
  });

  it('round-trips through text and refuses a cursor it did not write', () => {
    const cursor = advance(initialOrderCursor('2026-11-27T10:00:00Z'), [seen(order('1', '2026-11-27T10:00:05Z'))]);
    expect(decodeOrderCursor(encodeOrderCursor(cursor))).toEqual(cursor);
    expect(() => decodeOrderCursor('not-a-cursor')).toThrow(/order cursor/);
  });
});
