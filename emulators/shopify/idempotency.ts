// @idempotent(key:) bookkeeping: a key replayed with the same parameters gets the first answer
// back without applying the change again; with other parameters it is refused.

interface Entry {
  fingerprint: string;
  result: unknown;
}

export class IdempotencyLedger {
  private entries = new Map<string, Entry>();

  /** The earlier result for this key, 'mismatch' when the key was used for something else, or undefined. */
  lookup(key: string, fingerprint: string): { result: unknown } | 'mismatch' | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    return entry.fingerprint === fingerprint ? { result: entry.result } : 'mismatch';
  }

  remember(key: string, fingerprint: string, result: unknown): void {
    this.entries.set(key, { fingerprint, result });
  }

  clear(): void {
    this.entries.clear();
  }
}
