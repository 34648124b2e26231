// BigCommerce's request window, as every answer reports it: X-Rate-Limit-Requests-Left,
// -Requests-Quota, -Time-Reset-Ms and -Time-Window-Ms. The governor paces by these, so 429s are
// rare; when one comes anyway it waits for the reset the headers name, or backs off when they
// are missing (proxies and some error pages drop them).
import type { RateSignal } from '../channel.ts';

interface HeaderSource {
  get(name: string): string | null;
}

function numberHeader(headers: HeaderSource, name: string): number | null {
  const raw = headers.get(name);
  if (raw === null || raw.trim() === '') return null;
  const value = Number(raw);
  return Number.isFinite(value) && value >= 0 ? value : null;
}

/** The window the headers describe, or 'done' when the answer carries none of them. */
export function rateSignalFrom(headers: HeaderSource): RateSignal {
  const left = numberHeader(headers, 'x-rate-limit-requests-left');
  const quota = numberHeader(headers, 'x-rate-limit-requests-quota');
  const resetMs = numberHeader(headers, 'x-rate-limit-time-reset-ms');
  const windowMs = numberHeader(headers, 'x-rate-limit-time-window-ms');
  if (left === null || resetMs === null) return { kind: 'done' };
  return { kind: 'request-window', left, quota: quota ?? left, resetMs, windowMs: windowMs ?? resetMs };
}

const BACKOFF_BASE_MS = 1000;
const BACKOFF_MAX_MS = 30_000;

/** How long to wait after a 429: the window's reset when given, else Retry-After, else exponential backoff. */
export function retryAfterMs(headers: HeaderSource, consecutive429s: number): number {
  const reset = numberHeader(headers, 'x-rate-limit-time-reset-ms');
  if (reset !== null) return Math.max(1, Math.ceil(reset));
  const retryAfter = numberHeader(headers, 'retry-after');
  if (retryAfter !== null) return Math.max(1, retryAfter * 1000);
  return Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, consecutive429s - 1));
}
