// One governor per store: it knows the platform's budget from what the connector reports after
// each request and makes acquire() wait exactly long enough that the budget never runs dry.
//
// - Shopify's cost bucket: the bucket refills at restorePerSecond up to maximum. We count the
//   refill from when the answer ARRIVED (the platform measured it earlier, so we never believe in
//   more than there is), and count requests still in flight as already spent.
// - BigCommerce's request window: `left` requests until the window resets; once spent, wait for
//   the reset.
// - retry-after (429 anywhere): every request to the store pauses until it has passed.
import type { RateSignal, RequestGovernor } from '../../channels/channel.ts';
import { systemClock, type Clock } from './clock.ts';

interface Reservation {
  cost: number;
  sentAt: number;
}

type Budget =
  | { kind: 'unknown' }
  | { kind: 'cost-bucket'; available: number; maximum: number; restorePerSecond: number; measuredAt: number }
  | { kind: 'request-window'; left: number; quota: number; resetAt: number; windowMs: number };

/** A reservation whose request never reported back (network error) stops counting after this. */
const RESERVATION_TTL_MS = 10_000;
/** The same while nothing is known of the budget, so a dead store does not hold each try for 10 s. */
const UNKNOWN_RESERVATION_TTL_MS = 1_000;
/** Until the first report we let one request through at a time and poll for the answer this often. */
const UNKNOWN_POLL_MS = 5;

export interface GovernorStats {
  acquired: number;
  waitedMs: number;
  /** Points the platform said its requests actually cost (cost bucket only). */
  pointsSpent: number;
  /** Times the platform told us to back off with a retry-after (429). */
  retryAfters: number;
  /** Times the platform refused a request for want of budget (429, or Shopify's THROTTLED). */
  throttled: number;
}

/** What the governor last heard from the platform, for people to read (GET /api/stores/:id). */
export interface GovernorObservation {
  /** The budget as the platform last reported it (not refilled since); null until it reported one (WooCommerce never does). */
  budget:
    | { kind: 'cost-bucket'; available: number; maximum: number; restorePerSecond: number }
    | { kind: 'request-window'; left: number; quota: number; windowMs: number }
    | null;
  /** When the platform last answered a request (ISO), null before the first answer. */
  lastAnswerAt: string | null;
  requests: number;
  /** Times the platform told us to back off (429 / THROTTLED). */
  throttled: number;
  /** Time requests spent waiting for the budget, in all. */
  waitedMs: number;
}

export class StoreRequestGovernor implements RequestGovernor {
  private budget: Budget = { kind: 'unknown' };
  private inFlight: Reservation[] = [];
  private pausedUntil = 0;
  private queue: Promise<void> = Promise.resolve();
  private lastAnswerAt: number | null = null;
  readonly stats: GovernorStats = { acquired: 0, waitedMs: 0, pointsSpent: 0, retryAfters: 0, throttled: 0 };

  constructor(private readonly clock: Clock = systemClock) {}

  acquire(estimatedCost: number): Promise<void> {
    const cost = Math.max(0, estimatedCost);
    // Callers are served one at a time, in order, so a large request is not starved by small ones.
    const turn = this.queue.then(() => this.waitForRoom(cost));
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  report(signal: RateSignal): void {
    const now = this.clock.now();
    this.lastAnswerAt = now;
    if (signal.kind === 'retry-after') {
      this.pausedUntil = Math.max(this.pausedUntil, now + signal.ms);
      this.stats.retryAfters += 1;
      this.stats.throttled += 1;
      this.inFlight.shift();
      return;
    }
    this.inFlight.shift();
    if (signal.kind === 'done') return;
    if (signal.kind === 'cost-bucket') {
      this.stats.pointsSpent += signal.actualCost;
      if (signal.throttled) this.stats.throttled += 1;
      this.budget = {
        kind: 'cost-bucket',
        available: signal.available,
        maximum: signal.maximum,
        restorePerSecond: signal.restorePerSecond,
        // Measured somewhere between sending and now: counting the refill from now never overestimates.
        measuredAt: now,
      };
    } else {
      this.budget = {
        kind: 'request-window',
        left: signal.left,
        quota: signal.quota,
        resetAt: now + signal.resetMs,
        windowMs: signal.windowMs,
      };
    }
  }

  observation(): GovernorObservation {
    const budget = this.budget;
    return {
      budget:
        budget.kind === 'cost-bucket'
          ? { kind: 'cost-bucket', available: budget.available, maximum: budget.maximum, restorePerSecond: budget.restorePerSecond }
          : budget.kind === 'request-window'
            ? { kind: 'request-window', left: budget.left, quota: budget.quota, windowMs: budget.windowMs }
            : null,
      lastAnswerAt: this.lastAnswerAt === null ? null : new Date(this.lastAnswerAt).toISOString(),
      requests: this.stats.acquired,
      throttled: this.stats.throttled,
      waitedMs: this.stats.waitedMs,
    };
  }

  /** Milliseconds until a request of this cost may go; 0 = now. */
  delayFor(cost: number): number {
    const now = this.clock.now();
    const ttl = this.budget.kind === 'unknown' ? UNKNOWN_RESERVATION_TTL_MS : RESERVATION_TTL_MS;
    this.inFlight = this.inFlight.filter((r) => now - r.sentAt < ttl);
    if (now < this.pausedUntil) return this.pausedUntil - now;
    const reserved = this.inFlight.reduce((sum, r) => sum + r.cost, 0);
    const budget = this.budget;
    switch (budget.kind) {
      case 'unknown':
        return this.inFlight.length === 0 ? 0 : UNKNOWN_POLL_MS;
      case 'cost-bucket': {
        const elapsed = Math.max(0, now - budget.measuredAt) / 1000;
        const available = Math.min(budget.maximum, budget.available + elapsed * budget.restorePerSecond) - reserved;
        if (available >= cost) return 0;
        if (budget.restorePerSecond <= 0) return 1000;
        return Math.ceil(((cost - available) / budget.restorePerSecond) * 1000);
      }
      case 'request-window': {
        if (now >= budget.resetAt) {
          // A new window: the quota again, less what is still in flight from the old one.
          return this.inFlight.length < Math.max(1, budget.quota) ? 0 : UNKNOWN_POLL_MS;
        }
        return budget.left - this.inFlight.length >= 1 ? 0 : budget.resetAt - now;
      }
    }
  }

  private async waitForRoom(cost: number): Promise<void> {
    for (;;) {
      const delay = this.delayFor(cost);
      if (delay <= 0) break;
      this.stats.waitedMs += delay;
      await this.clock.sleep(delay);
    }
    const now = this.clock.now();
    if (this.budget.kind === 'request-window' && now >= this.budget.resetAt) {
      this.budget = { ...this.budget, left: this.budget.quota, resetAt: now + this.budget.windowMs };
    }
    this.inFlight.push({ cost, sentAt: now });
    this.stats.acquired += 1;
  }
}
