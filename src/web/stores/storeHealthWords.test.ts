import { describe, expect, it } from 'vitest';
import { batchText, driftSummary, governorText, rateBudgetText } from './storeHealthWords.ts';

describe('store health in words', () => {
  it('says whether the last check left the store off', () => {
    expect(driftSummary(null)).toEqual({ text: 'not checked yet', off: false });
    expect(driftSummary({ found: 0, fixed: 0, dryRun: false, at: '2026-01-01T10:00:00Z' })).toEqual({ text: 'none', off: false });
    expect(driftSummary({ found: 3, fixed: 3, dryRun: false, at: '2026-01-01T10:00:00Z' })).toEqual({ text: 'none — 3 set right', off: false });
    expect(driftSummary({ found: 2, fixed: 0, dryRun: true, at: '2026-01-01T10:00:00Z' })).toEqual({ text: '2 variants off', off: true });
    expect(driftSummary({ found: 5, fixed: 4, dryRun: false, at: '2026-01-01T10:00:00Z' })).toEqual({ text: '1 variant off (4 of 5 set right)', off: true });
  });

  it("says each platform's budget and batch as the connector gives them", () => {
    expect(rateBudgetText({ kind: 'cost-bucket', maximum: 2000, restorePerSecond: 100 })).toBe('2,000-point bucket, refilling 100 points/s');
    expect(rateBudgetText({ kind: 'request-window', quota: 150, windowMs: 30_000 })).toBe('150 requests per 30 s');
    expect(rateBudgetText({ kind: 'none' })).toBe('no rate limit set by the platform');
    expect(batchText({ maxOptions: 5, maxVariants: 600, quantityBatchSize: 2000, rateBudget: { kind: 'none' } })).toBe('2,000 quantities per request');
  });

  it('says what the governor last heard, or that it has not spoken to the store', () => {
    expect(governorText(null)).toBe('No request to the store since the server started.');
    const seen = { budget: { kind: 'cost-bucket' as const, available: 1960, maximum: 2000, restorePerSecond: 100 }, lastAnswerAt: null, requests: 12, throttled: 0, waitedMs: 0 };
    expect(governorText(seen)).toBe('Bucket at 1,960 of 2,000 points · never throttled · 12 requests.');
    expect(governorText({ ...seen, budget: { kind: 'request-window', left: 148, quota: 150, windowMs: 30_000 }, throttled: 1 })).toBe(
      '148 of 150 requests left in the window · throttled 1 time · 12 requests.',
    );
    expect(governorText({ ...seen, budget: null })).toBe('The store reports no budget · never throttled · 12 requests.');
  });
});
