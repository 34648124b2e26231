// BigCommerce's per-store request quota: a number of requests per time window, announced on every
// response with the X-Rate-Limit-* headers; a request over quota gets 429.
export interface RateLimitSettings {
  quota: number;
  windowMs: number;
}

export interface RateLimitVerdict {
  allowed: boolean;
  headers: Record<string, string>;
}

export class RequestWindow {
  private windowStart = Date.now();
  private used = 0;
  constructor(public settings: RateLimitSettings) {}

  reset(): void {
    this.windowStart = Date.now();
    this.used = 0;
  }

  take(): RateLimitVerdict {
    const now = Date.now();
    if (now - this.windowStart >= this.settings.windowMs) {
      this.windowStart = now;
      this.used = 0;
    }
    const allowed = this.used < this.settings.quota;
    if (allowed) this.used += 1;
    const resetMs = Math.max(0, this.settings.windowMs - (now - this.windowStart));
    return {
      allowed,
      headers: {
        'x-rate-limit-requests-left': String(Math.max(0, this.settings.quota - this.used)),
        'x-rate-limit-requests-quota': String(this.settings.quota),
        'x-rate-limit-time-reset-ms': String(resetMs),
        'x-rate-limit-time-window-ms': String(this.settings.windowMs),
      },
    };
  }
}
