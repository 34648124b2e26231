// Password guessing is slowed: too many failures for one email within the window are refused.
import { describe, expect, it } from 'vitest';
import { LoginThrottle } from '../../src/auth/login-throttle.ts';

describe('LoginThrottle', () => {
  it('refuses an email after maxFailures failures until the oldest of them leaves the window', () => {
    let now = 1_000_000;
    const throttle = new LoginThrottle({ maxFailures: 3, windowMs: 60_000, now: () => now });
    for (let i = 0; i < 3; i += 1) {
      expect(throttle.retryAfterMs('a@example.com')).toBe(0);
      throttle.recordFailure('a@example.com');
      now += 1000;
    }
    expect(throttle.retryAfterMs('a@example.com')).toBe(57_000);
    expect(throttle.retryAfterMs('b@example.com')).toBe(0);
    now += 57_000;
    expect(throttle.retryAfterMs('a@example.com')).toBe(0);
  });

  it('forgets the failures of an email once it logs in', () => {
    const throttle = new LoginThrottle({ maxFailures: 2 });
    throttle.recordFailure('a@example.com');
    throttle.recordSuccess('a@example.com');
    throttle.recordFailure('a@example.com');
    expect(throttle.retryAfterMs('a@example.com')).toBe(0);
  });
});
