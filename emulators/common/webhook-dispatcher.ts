// Delivers webhooks the way a platform does: after a delay, with retries on failure, and
// (under fault injection) duplicated, lost or out of order. The caller signs the body.
import type { FaultInjector } from './fault-injector.ts';

export interface WebhookDelivery {
  url: string;
  body: string;
  headers: Record<string, string>;
}

export interface DeliveryRecord {
  url: string;
  headers: Record<string, string>;
  body: string;
  status: number | null;
  attempt: number;
}

export class WebhookDispatcher {
  private timers = new Set<NodeJS.Timeout>();
  private pending = 0;
  /** Bumped by close(): attempts already in flight then neither retry nor count. */
  private generation = 0;
  private idleWaiters: Array<() => void> = [];
  /** The last deliveries attempted (newest last), for debugging. */
  readonly log: DeliveryRecord[] = [];

  constructor(
    private readonly faults: FaultInjector,
    private readonly baseDelayMs: () => number,
    private readonly maxAttempts = 3,
  ) {}

  /** Queues deliveries produced by one event (all of them share the event's fault draws). */
  enqueue(deliveries: WebhookDelivery[]): void {
    const settings = this.faults.settings;
    for (const delivery of deliveries) {
      if (this.faults.draw() < settings.webhookLossRate) continue;
      const copies = this.faults.draw() < settings.webhookDuplicateRate ? 2 : 1;
      for (let i = 0; i < copies; i++) {
        let delay = this.baseDelayMs() + settings.webhookDelayMs;
        // Reordering: a random extra delay so later events can overtake earlier ones.
        if (settings.webhookReorder) delay += Math.floor(this.faults.draw() * Math.max(50, delay + 50));
        this.schedule(delivery, delay, 1);
      }
    }
  }

  /** Resolves when nothing is queued or in flight. */
  idle(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  close(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.pending = 0;
    this.generation += 1;
    this.flushIdle();
  }

  private schedule(delivery: WebhookDelivery, delayMs: number, attempt: number): void {
    this.pending += 1;
    const generation = this.generation;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.attempt(delivery, attempt, generation);
    }, delayMs);
    this.timers.add(timer);
  }

  private async attempt(delivery: WebhookDelivery, attempt: number, generation: number): Promise<void> {
    let status: number | null = null;
    try {
      const response = await fetch(delivery.url, {
        method: 'POST',
        headers: delivery.headers,
        body: delivery.body,
        signal: AbortSignal.timeout(5_000),
      });
      status = response.status;
      await response.arrayBuffer().catch(() => undefined);
    } catch {
      status = null;
    }
    if (generation !== this.generation) return;
    this.log.push({ ...delivery, status, attempt });
    if (this.log.length > 500) this.log.shift();
    const failed = status === null || status < 200 || status >= 300;
    if (failed && attempt < this.maxAttempts) {
      this.schedule(delivery, Math.max(100, this.baseDelayMs()) * 4 ** (attempt - 1), attempt + 1);
    }
    this.pending -= 1;
    this.flushIdle();
  }

  private flushIdle(): void {
    if (this.pending > 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
