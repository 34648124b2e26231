import { describe, expect, it } from 'vitest';
import { StoreRequestGovernor } from '../../../src/sync/governor/request-governor.ts';
import { FakeClock, flush } from './fake-clock.ts';

function track(promise: Promise<void>): { done: boolean } {
  const state = { done: false };
  void promise.then(() => {
    state.done = true;
  });
  return state;
}

describe('RequestGovernor with a cost bucket (Shopify)', () => {
  it('lets the first request go at once, then paces by what the bucket reported', async () => {
    const clock = new FakeClock();
    const governor = new StoreRequestGovernor(clock);
    await governor.acquire(100); // nothing known yet: one request may go
    governor.report({ kind: 'cost-bucket', available: 50, maximum: 2000, restorePerSecond: 100, actualCost: 100 });

    const second = track(governor.acquire(100));
    await flush();
    expect(second.done).toBe(false);
    await clock.advance(499); // 50 + 49.9 < 100
    expect(second.done).toBe(false);
    await clock.advance(1); // 50 + 50 = 100: exactly enough
    expect(second.done).toBe(true);
  });

  it('spends a full bucket without waiting and counts requests still in flight as spent', async () => {
    const clock = new FakeClock();
    const governor = new StoreRequestGovernor(clock);
    await governor.acquire(10);
    governor.report({ kind: 'cost-bucket', available: 1990, maximum: 2000, restorePerSecond: 100, actualCost: 10 });
    for (let i = 0; i < 19; i += 1) await governor.acquire(100); // 1,900 of 1,990 in flight, no wait
    expect(clock.now()).toBe(0);
    const over = track(governor.acquire(100)); // 90 left: needs 10 more points = 100 ms
    await flush();
    expect(over.done).toBe(false);
    await clock.advance(100);
    expect(over.done).toBe(true);
  });

  it('never believes the bucket holds more than its maximum', async () => {
    const clock = new FakeClock();
    const governor = new StoreRequestGovernor(clock);
    await governor.acquire(10);
    governor.report({ kind: 'cost-bucket', available: 1000, maximum: 1000, restorePerSecond: 50, actualCost: 10 });
    await clock.advance(60_000);
    const big = track(governor.acquire(1000));
    await flush();
    expect(big.done).toBe(true);
    const next = track(governor.acquire(500)); // bucket empty now (1000 in flight): 500 / 50 = 10 s
    await clock.advance(9_999);
    expect(next.done).toBe(false);
  });

  it('serves waiting callers in order', async () => {
    const clock = new FakeClock();
    const governor = new StoreRequestGovernor(clock);
    await governor.acquire(1);
    governor.report({ kind: 'cost-bucket', available: 0, maximum: 100, restorePerSecond: 10, actualCost: 1 });
    const order: number[] = [];
    const a = governor.acquire(50).then(() => order.push(1));
    const b = governor.acquire(1).then(() => order.push(2));
    await clock.advance(5_000); // 50 points at 10/s
    expect(order).toEqual([1]);
    await clock.advance(100); // and 1 more point for the second
    await Promise.all([a, b]);
    expect(order).toEqual([1, 2]);
  });
});

describe('RequestGovernor with a request window (BigCommerce)', () => {
  it('spends the requests left, then waits for the window to reset', async () => {
    const clock = new FakeClock();
    const governor = new StoreRequestGovernor(clock);
    await governor.acquire(1);
    governor.report({ kind: 'request-window', left: 2, quota: 150, resetMs: 3000, windowMs: 30_000 });
    await governor.acquire(1);
    await governor.acquire(1);
    const third = track(governor.acquire(1));
    await clock.advance(2_999);
    expect(third.done).toBe(false);
    await clock.advance(1);
    expect(third.done).toBe(true);
  });
});

describe('RequestGovernor after a retry-after signal', () => {
  it('pauses every request to the store until it has passed', async () => {
    const clock = new FakeClock();
    const governor = new StoreRequestGovernor(clock);
    await governor.acquire(1);
    governor.report({ kind: 'retry-after', ms: 2000 });
    const a = track(governor.acquire(1));
    await clock.advance(1_999);
    expect(a.done).toBe(false);
    await clock.advance(1);
    expect(a.done).toBe(true);
  });
});

describe('RequestGovernor for a platform that says nothing of its budget (WooCommerce)', () => {
  it('frees a request\'s place when it reports done, so the next goes at once', async () => {
    const clock = new FakeClock();
    const governor = new StoreRequestGovernor(clock);
    await governor.acquire(1);
    const blocked = track(governor.acquire(1));
    await flush();
    expect(blocked.done).toBe(false); // one at a time while nothing is known
    governor.report({ kind: 'done' });
    await clock.advance(5);
    expect(blocked.done).toBe(true);
    governor.report({ kind: 'done' });
    for (let i = 0; i < 50; i += 1) {
      await governor.acquire(1);
      governor.report({ kind: 'done' });
    }
    expect(clock.now()).toBeLessThan(50);
  });
});

describe('RequestGovernor when a request never reports back (network error)', () => {
  it('stops counting it after a second while nothing is known of the budget', async () => {
    const clock = new FakeClock();
    const governor = new StoreRequestGovernor(clock);
    await governor.acquire(1); // fails without a report
    const next = track(governor.acquire(1));
    await clock.advance(995);
    expect(next.done).toBe(false);
    await clock.advance(10);
    expect(next.done).toBe(true);
  });
});

describe('RequestGovernor with a slow answer', () => {
  it('counts the refill from when the answer arrived, never from when the request was sent', async () => {
    const clock = new FakeClock();
    const governor = new StoreRequestGovernor(clock);
    await governor.acquire(100);
    await clock.advance(1_000); // the request takes a second to answer
    governor.report({ kind: 'cost-bucket', available: 0, maximum: 2000, restorePerSecond: 100, actualCost: 100 });
    const next = track(governor.acquire(100));
    await clock.advance(999);
    expect(next.done).toBe(false);
    await clock.advance(1);
    expect(next.done).toBe(true);
  });
});

describe('RequestGovernor observation (what the store view shows)', () => {
  it('says nothing before the first answer, then the budget as last reported and every refusal', async () => {
    const clock = new FakeClock();
    const governor = new StoreRequestGovernor(clock);
    expect(governor.observation()).toEqual({ budget: null, lastAnswerAt: null, requests: 0, throttled: 0, waitedMs: 0 });

    await clock.advance(5_000);
    await governor.acquire(100);
    governor.report({ kind: 'cost-bucket', available: 1900, maximum: 2000, restorePerSecond: 100, actualCost: 100 });
    await governor.acquire(100);
    governor.report({ kind: 'cost-bucket', available: 40, maximum: 2000, restorePerSecond: 100, actualCost: 0, throttled: true });
    await clock.advance(1_000);
    expect(governor.observation()).toEqual({
      budget: { kind: 'cost-bucket', available: 40, maximum: 2000, restorePerSecond: 100 },
      lastAnswerAt: new Date(5_000).toISOString(),
      requests: 2,
      throttled: 1,
      waitedMs: 0,
    });

    await governor.acquire(1);
    governor.report({ kind: 'retry-after', ms: 500 });
    expect(governor.observation()).toMatchObject({ throttled: 2, lastAnswerAt: new Date(6_000).toISOString() });
  });

  it('gives a request window as BigCommerce reported it', async () => {
    const governor = new StoreRequestGovernor(new FakeClock());
    await governor.acquire(1);
    governor.report({ kind: 'request-window', left: 149, quota: 150, resetMs: 29_000, windowMs: 30_000 });
    expect(governor.observation().budget).toEqual({ kind: 'request-window', left: 149, quota: 150, windowMs: 30_000 });
  });
});
