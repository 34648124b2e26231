// The leaky bucket behind Shopify's cost-based rate limit: requests take their requested cost
// up front, get the unused part back, and the bucket refills at restoreRate points per second.

export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

export class ThrottleBucket {
  private available: number;
  private lastRefill = Date.now();

  constructor(
    readonly size = 2000,
    readonly restoreRate = 100,
  ) {
    this.available = size;
  }

  private refill(): void {
    const now = Date.now();
    this.available = Math.min(this.size, this.available + ((now - this.lastRefill) / 1000) * this.restoreRate);
    this.lastRefill = now;
  }

  /** Takes `cost` points if the bucket holds them. */
  take(cost: number): boolean {
    this.refill();
    if (this.available < cost) return false;
    this.available -= cost;
    return true;
  }

  giveBack(points: number): void {
    this.refill();
    this.available = Math.min(this.size, this.available + Math.max(0, points));
  }

  reset(): void {
    this.available = this.size;
    this.lastRefill = Date.now();
  }

  status(): ThrottleStatus {
    this.refill();
    return { maximumAvailable: this.size, currentlyAvailable: Math.floor(this.available), restoreRate: this.restoreRate };
  }
}
