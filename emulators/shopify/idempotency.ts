// @idempotent(key:) bookkeeping: a key replayed with the same parameters gets the first answer
// back without applying the change again; with other parameters it is refused. Like Shopify,
// keys are remembered for a bounded time; here also a bounded number, so long benchmarks that
// use a fresh key per request do not grow memory without end.

interface Entry {
  fingerprint: string;
  result: unknown;
  at: number;
}

export const IDEMPOTENCY_KEY_LIMIT = 5_000;
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

export class IdempotencyLedger {
  private entries = new Map<string, Entry>();

  /** The earlier result for this key, 'mismatch' when the key was used for something else, or undefined. */
  lookup(key: string, fingerprint: string): { result: unknown } | 'mismatch' | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (Date.now() - entry.at > IDEMPOTENCY_TTL_MS) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.fingerprint === fingerprint ? { result: entry.result } : 'mismatch';
  }

  remember(key: string, fingerprint: string, result: unknown): void {
    this.entries.delete(key);
    this.entries.set(key, { fingerprint, result, at: Date.now() });
    if (this.entries.size > IDEMPOTENCY_KEY_LIMIT) this.entries.delete(this.entries.keys().next().value!);
  }

  clear(): void {
    this.entries.clear();
  }
}
