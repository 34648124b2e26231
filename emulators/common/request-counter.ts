// Counts API requests served, for GET /__emulator/requests.
export class RequestCounter {
  total = 0;
  throttled = 0;
  private byOperation = new Map<string, number>();

  count(operations: readonly string[]): void {
    this.total += 1;
    for (const op of operations) this.byOperation.set(op, (this.byOperation.get(op) ?? 0) + 1);
  }

  countThrottled(): void {
    this.throttled += 1;
  }

  reset(): void {
    this.total = 0;
    this.throttled = 0;
    this.byOperation.clear();
  }

  toJSON(): { total: number; throttled: number; byOperation: Record<string, number> } {
    return { total: this.total, throttled: this.throttled, byOperation: Object.fromEntries(this.byOperation) };
  }
}
