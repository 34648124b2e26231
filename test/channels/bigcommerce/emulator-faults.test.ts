// The store misbehaving (the emulator's faults): 5xx, throttling and lost responses become
// retryable ChannelErrors, and an absolute adjustment retried after a lost response sets the same
// figure again (absolute writes are idempotent).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { start } from '../../../emulators/bigcommerce/index.ts';
import { ChannelError, type Channel } from '../../../src/channels/channel.ts';
import { createBigcommerceChannel } from '../../../src/channels/bigcommerce/index.ts';
import { emulatorControl, findBySku, type EmulatorControl } from '../../conformance/emulator-control.ts';
import { createPermissiveGovernor } from '../../support/permissive-governor.ts';

describe('BigCommerce connector under store faults', () => {
  let emulator: Awaited<ReturnType<typeof start>>;
  let control: EmulatorControl;
  let channel: Channel;

  beforeAll(async () => {
    emulator = await start({ seed: 'demo', delayMs: 0, rateLimit: { quota: 100_000, windowMs: 30_000 } });
    control = emulatorControl(emulator.url);
    channel = createBigcommerceChannel(
      { platform: 'bigcommerce', url: emulator.url, credentials: emulator.credentials, remoteLocationId: null },
      { governor: createPermissiveGovernor(), timeoutMs: 2_000 },
    );
  });
  afterAll(async () => {
    await emulator?.close();
  });
  beforeEach(async () => {
    await control.reset();
  });

  async function faults(settings: Record<string, number>) {
    const response = await fetch(`${emulator.url}/__emulator/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(settings) });
    expect(response.ok).toBe(true);
  }

  async function failure(promise: Promise<unknown>): Promise<ChannelError> {
    const error = await promise.then(() => null, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(ChannelError);
    return error as ChannelError;
  }

  it('a 5xx is unavailable and retryable', async () => {
    await faults({ errorRate: 1 });
    const error = await failure(channel.getOrder('100'));
    expect(error.code).toBe('unavailable');
    expect(error.retryable).toBe(true);
  });

  it('a 429 is throttled with a wait', async () => {
    await faults({ throttleRate: 1 });
    const error = await failure(channel.getOrder('100'));
    expect(error.code).toBe('throttled');
    expect(error.retryAfterMs).toBeGreaterThan(0);
  });

  it('a lost response to a stock write fails retryably, and the retry leaves the same figure', async () => {
    const readings = (await channel.readQuantities(null)).readings.filter((r) => r.sku === 'TEE-BLA-S-SLI');
    expect(readings).toHaveLength(1);
    const write = { inventoryRef: readings[0].inventoryRef, quantity: 42, expected: null };
    await faults({ lostResponseRate: 1 });
    const error = await failure(channel.setQuantities([write], 'lost-1'));
    expect(['unavailable', 'timeout']).toContain(error.code);
    expect(error.retryable).toBe(true);
    await faults({ lostResponseRate: 0 });
    expect((await channel.setQuantities([write], 'lost-1')).applied).toEqual([write.inventoryRef]);
    expect(findBySku(await control.state(), 'TEE-BLA-S-SLI')!.variant.quantities['1']).toBe(42);
  });
});
