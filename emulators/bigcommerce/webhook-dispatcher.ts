// BigCommerce webhooks (v3 hooks): payloads carry ids only, and are authenticated by the custom
// headers given when the hook was created (BigCommerce does not sign them). Delivery happens after
// a delay, and the fault settings may duplicate, lose or reorder deliveries.
import { createHash, randomUUID } from 'node:crypto';
import type { FaultInjector } from '../common/fault-injector.ts';

export interface Webhook {
  id: number;
  scope: string;
  destination: string;
  is_active: boolean;
  headers: Record<string, string> | null;
  created_at: number;
  updated_at: number;
}

export interface DeliveryRecord {
  hookId: number;
  scope: string;
  status: number | 'failed';
}

export class WebhookDispatcher {
  readonly hooks = new Map<number, Webhook>();
  readonly deliveries: DeliveryRecord[] = [];
  private nextHookId = 1;
  private held: Array<() => void> = [];
  private timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly storeHash: string,
    private readonly faults: FaultInjector,
    private readonly delayMs: () => number,
  ) {}

  create(input: { scope: string; destination: string; is_active?: boolean; headers?: Record<string, string> | null }): Webhook {
    const now = Math.floor(Date.now() / 1000);
    const hook: Webhook = {
      id: this.nextHookId++,
      scope: input.scope,
      destination: input.destination,
      is_active: input.is_active ?? true,
      headers: input.headers ?? null,
      created_at: now,
      updated_at: now,
    };
    this.hooks.set(hook.id, hook);
    return hook;
  }

  /** Sends `scope` with `data` to every active hook whose scope matches (exact, or a `/*` wildcard). */
  emit(scope: string, data: Record<string, unknown>): void {
    for (const hook of this.hooks.values()) {
      if (!hook.is_active || !scopeMatches(hook.scope, scope)) continue;
      const createdAt = Math.floor(Date.now() / 1000);
      const payload = {
        scope,
        store_id: '1025646',
        data,
        hash: createHash('sha1').update(`${scope}:${JSON.stringify(data)}:${randomUUID()}`).digest('hex'),
        created_at: createdAt,
        producer: `stores/${this.storeHash}`,
      };
      this.schedule(hook, payload);
    }
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.held = [];
  }

  reset(): void {
    this.hooks.clear();
    this.deliveries.length = 0;
    this.nextHookId = 1;
    this.held = [];
  }

  private schedule(hook: Webhook, payload: Record<string, unknown>): void {
    const settings = this.faults.settings;
    const chance = (rate: number) => rate > 0 && this.faults.draw() < rate;
    if (chance(settings.webhookLossRate)) return;
    const copies = chance(settings.webhookDuplicateRate) ? 2 : 1;
    for (let i = 0; i < copies; i++) {
      const send = () => void this.deliver(hook, payload);
      if (settings.webhookReorder && this.held.length === 0 && chance(0.5)) {
        // Hold this one back and send it after the next delivery: out of order.
        this.held.push(send);
        continue;
      }
      this.later(send, this.delayMs() + settings.webhookDelayMs);
      const heldBack = this.held.splice(0);
      for (const sendHeld of heldBack) this.later(sendHeld, this.delayMs() + settings.webhookDelayMs + 5);
    }
  }

  private later(fn: () => void, ms: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, ms);
    this.timers.add(timer);
  }

  private async deliver(hook: Webhook, payload: Record<string, unknown>): Promise<void> {
    try {
      const response = await fetch(hook.destination, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(hook.headers ?? {}) },
        body: JSON.stringify(payload),
        signal: AbortSignal.timeout(10_000),
      });
      await response.arrayBuffer().catch(() => undefined);
      this.deliveries.push({ hookId: hook.id, scope: String(payload.scope), status: response.status });
    } catch {
      this.deliveries.push({ hookId: hook.id, scope: String(payload.scope), status: 'failed' });
    }
  }
}

function scopeMatches(pattern: string, scope: string): boolean {
  if (pattern === scope) return true;
  if (pattern.endsWith('/*')) return scope.startsWith(pattern.slice(0, -1));
  return false;
}
