// BigCommerce's request window over real HTTP: paced by the real per-store governor from the
// X-Rate-Limit-* headers, the connector never meets a 429; unpaced, a 429 becomes a 'throttled'
// ChannelError carrying the window's reset, which the governor is told to wait out.
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { start } from '../../../emulators/bigcommerce/index.ts';
import { ChannelError, type RequestGovernor } from '../../../src/channels/channel.ts';
import { createBigcommerceChannel } from '../../../src/channels/bigcommerce/index.ts';
import { StoreRequestGovernor } from '../../../src/sync/governor/request-governor.ts';
import { createPermissiveGovernor } from '../../support/permissive-governor.ts';

const countersSchema = z.object({ total: z.number(), throttled: z.number() });

describe('BigCommerce rate limit', () => {
  let emulator: Awaited<ReturnType<typeof start>> | null = null;
  afterEach(async () => {
    await emulator?.close();
    emulator = null;
  });

  async function counters() {
    return countersSchema.parse(await (await fetch(`${emulator!.url}/__emulator/requests`)).json());
  }

  function connect(governor: RequestGovernor) {
    return createBigcommerceChannel(
      { platform: 'bigcommerce', url: emulator!.url, credentials: emulator!.credentials, remoteLocationId: null },
      { governor, timeoutMs: 10_000 },
    );
  }

  it('paced by StoreRequestGovernor, 10 concurrent requests against a quota of 3 per second never get a 429', async () => {
    emulator = await start({ seed: 'empty', delayMs: 0, rateLimit: { quota: 3, windowMs: 1000 } });
    const governor = new StoreRequestGovernor();
    const channel = connect(governor);
    const started = Date.now();
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => channel.getOrder(String(100 + i))));
    const elapsed = Date.now() - started;
    expect(answers).toEqual(Array.from({ length: 10 }, () => null)); // no such orders: 404 → null
    const seen = await counters();
    expect(seen.total).toBe(10);
    expect(seen.throttled).toBe(0);
    expect(governor.stats.retryAfters).toBe(0);
    // Ten requests at three a second need at least three windows: the governor waited for resets.
    expect(elapsed).toBeGreaterThanOrEqual(1800);
  });

  it('unpaced, a 429 is a throttled error with the window reset as retry-after, and the governor hears of it', async () => {
    emulator = await start({ seed: 'empty', delayMs: 0, rateLimit: { quota: 3, windowMs: 1000 } });
    const governor = createPermissiveGovernor();
    const channel = connect(governor);
    const outcomes = await Promise.allSettled(Array.from({ length: 6 }, (_, i) => channel.getOrder(String(100 + i))));
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected').map((o) => o.reason as ChannelError);
    expect(refused.length).toBeGreaterThanOrEqual(3);
    for (const error of refused) {
      expect(error).toBeInstanceOf(ChannelError);
      expect(error.code).toBe('throttled');
      expect(error.retryable).toBe(true);
      expect(error.retryAfterMs).toBeGreaterThan(0);
      expect(error.retryAfterMs).toBeLessThanOrEqual(1000);
    }
    const retryAfters = governor.signals.filter((s) => s.kind === 'retry-after');
    expect(retryAfters).toHaveLength(refused.length);
    const windows = governor.signals.filter((s) => s.kind === 'request-window');
    expect(windows.length).toBe(6 - refused.length);
    expect(windows[0]).toMatchObject({ kind: 'request-window', quota: 3, windowMs: 1000 });
    expect((await counters()).throttled).toBe(refused.length);
  });
});
