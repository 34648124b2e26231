// Delivers webhooks as WooCommerce does: queued, sent by a later background run (after
// delayMs), one delivery per webhook and object however many changes it had meanwhile, its
// body built when sent; signed base64(HMAC-SHA256(body, secret)); no retry — a failure only
// raises the webhook's failure count (more than 5 in a row disables it).
import { createHmac, randomBytes } from 'node:crypto';
import type { FaultInjector } from '../common/fault-injector.ts';
import type { WebhookRecord, WebhookRegistry } from './webhook-registry.ts';

const MAX_FAILURES = 5;
const USER_AGENT = 'WooCommerce/7.9.0 Hookshot (WordPress/6.1.9)';

export type WebhookResource = 'product' | 'order' | 'coupon' | 'customer';
export type WebhookEvent = 'created' | 'updated' | 'deleted' | 'restored';

export interface WebhookSenderOptions {
  registry: WebhookRegistry;
  faults: FaultInjector;
  delayMs: number;
  /** The current payload of an object, null when it is gone (then `{ id }` is sent). */
  payload(resource: WebhookResource, id: number): unknown;
  source: () => string;
}

export class WebhookSender {
  private queued = new Map<string, NodeJS.Timeout>();
  private inFlight = new Set<Promise<void>>();

  constructor(private readonly options: WebhookSenderOptions) {}

  notify(resource: WebhookResource, event: WebhookEvent, id: number): void {
    for (const hook of this.options.registry.subscribedTo(`${resource}.${event}`)) {
      const key = `${hook.id}:${id}`;
      if (this.queued.has(key)) continue;
      const settings = this.options.faults.settings;
      let delay = this.options.delayMs + settings.webhookDelayMs;
      if (settings.webhookReorder) delay += Math.floor(this.options.faults.draw() * Math.max(50, delay + 50));
      const deleted = event === 'deleted';
      const timer = setTimeout(() => {
        this.queued.delete(key);
        const body = deleted ? { id } : (this.options.payload(resource, id) ?? { id });
        this.track(this.deliver(hook, resource, event, body));
      }, delay);
      this.queued.set(key, timer);
    }
  }

  /** The ping WooCommerce sends while a webhook is being created: form-encoded, unsigned. */
  async ping(hook: WebhookRecord): Promise<void> {
    try {
      const response = await fetch(hook.deliveryUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': USER_AGENT },
        body: `webhook_id=${hook.id}`,
        signal: AbortSignal.timeout(5_000),
      });
      await response.arrayBuffer().catch(() => undefined);
    } catch {
      // An unreachable URL does not stop the webhook from being created.
    }
  }

  /** Resolves when nothing is queued or being sent. */
  async idle(): Promise<void> {
    while (this.queued.size > 0 || this.inFlight.size > 0) {
      if (this.inFlight.size) await Promise.all(this.inFlight);
      else await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  close(): void {
    for (const timer of this.queued.values()) clearTimeout(timer);
    this.queued.clear();
  }

  private track(promise: Promise<void>): void {
    this.inFlight.add(promise);
    void promise.finally(() => this.inFlight.delete(promise));
  }

  private async deliver(hook: WebhookRecord, resource: string, event: string, payload: unknown): Promise<void> {
    const settings = this.options.faults.settings;
    if (hook.status !== 'active') return;
    if (this.options.faults.draw() < settings.webhookLossRate) return;
    const copies = this.options.faults.draw() < settings.webhookDuplicateRate ? 2 : 1;
    const body = JSON.stringify(payload);
    const headers = {
      'content-type': 'application/json',
      'user-agent': USER_AGENT,
      'x-wc-webhook-source': `${this.options.source()}/`,
      'x-wc-webhook-topic': hook.topic,
      'x-wc-webhook-resource': resource,
      'x-wc-webhook-event': event,
      'x-wc-webhook-signature': createHmac('sha256', hook.secret).update(body).digest('base64'),
      'x-wc-webhook-id': String(hook.id),
      'x-wc-webhook-delivery-id': randomBytes(16).toString('hex'),
    };
    for (let i = 0; i < copies; i++) {
      let ok = false;
      try {
        const response = await fetch(hook.deliveryUrl, { method: 'POST', headers, body, signal: AbortSignal.timeout(5_000) });
        await response.arrayBuffer().catch(() => undefined);
        ok = response.status >= 200 && response.status < 300;
      } catch {
        ok = false;
      }
      hook.deliveries += 1;
      if (ok) hook.failureCount = 0;
      else if (++hook.failureCount > MAX_FAILURES) hook.status = 'disabled';
    }
  }
}
