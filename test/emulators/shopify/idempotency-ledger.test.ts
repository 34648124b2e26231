// The idempotency ledger forgets the oldest keys past its cap, so long runs stay bounded.
import { describe, expect, it } from 'vitest';
import { IDEMPOTENCY_KEY_LIMIT, IdempotencyLedger } from '../../../emulators/shopify/idempotency.ts';

describe('IdempotencyLedger', () => {
  it('replays, refuses a mismatch, and drops the oldest key past the cap', () => {
    const ledger = new IdempotencyLedger();
    ledger.remember('first', 'a', { n: 1 });
    expect(ledger.lookup('first', 'a')).toEqual({ result: { n: 1 } });
    expect(ledger.lookup('first', 'b')).toBe('mismatch');
    for (let i = 0; i < IDEMPOTENCY_KEY_LIMIT; i++) ledger.remember(`k${i}`, 'x', i);
    expect(ledger.lookup('first', 'a')).toBeUndefined();
    expect(ledger.lookup(`k${IDEMPOTENCY_KEY_LIMIT - 1}`, 'x')).toEqual({ result: IDEMPOTENCY_KEY_LIMIT - 1 });
  });
});
