// The Shopify channel against the Shopify emulator's injected faults, over real HTTP: each fault
// becomes the right ChannelError, and a write whose response was lost is safe to send again.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ChannelError, type Channel } from '../../../src/channels/channel.ts';
import { createShopifyChannel } from '../../../src/channels/shopify/index.ts';
import { start } from '../../../emulators/shopify/index.ts';
import type { EmulatorHandle } from '../../../emulators/emulator.ts';
import { createPermissiveGovernor, type RecordingGovernor } from '../../support/permissive-governor.ts';
import { emulatorControl, findBySku } from '../../conformance/emulator-control.ts';

let emulator: EmulatorHandle;
let governor: RecordingGovernor;
let channel: Channel;

async function setFaults(faults: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${emulator.url}/__emulator/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ seed: 1, ...faults }),
  });
  expect(response.status).toBe(200);
}

async function failure(promise: Promise<unknown>): Promise<ChannelError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(ChannelError);
  return error as ChannelError;
}

beforeAll(async () => {
  emulator = await start({ seed: 'demo', delayMs: 0 });
});
afterAll(async () => {
  await emulator?.close();
});
beforeEach(async () => {
  await emulatorControl(emulator.url).reset();
  governor = createPermissiveGovernor();
  channel = createShopifyChannel(
    { platform: 'shopify', url: emulator.url, credentials: emulator.credentials, remoteLocationId: null },
    { governor, timeoutMs: 5000 },
  );
  await channel.identify(); // resolves the location before faults start
});

describe('Shopify channel under emulator faults', () => {
  it('reports the cost bucket after every answered request', async () => {
    const before = governor.signals.length;
    await channel.listOrders(null, new Date(Date.now() - 60_000).toISOString());
    const signal = governor.signals.at(-1);
    expect(governor.signals.length).toBe(before + 1);
    expect(signal).toMatchObject({ kind: 'cost-bucket' });
    if (signal?.kind === 'cost-bucket') {
      expect(signal.maximum).toBeGreaterThan(0);
      expect(signal.restorePerSecond).toBeGreaterThan(0);
      expect(signal.available).toBeLessThanOrEqual(signal.maximum);
    }
  });

  it('turns throttling into a retryable throttled error with a wait', async () => {
    await setFaults({ throttleRate: 1 });
    const error = await failure(channel.listOrders(null, new Date().toISOString()));
    expect(error.code).toBe('throttled');
    expect(error.retryable).toBe(true);
    expect(error.retryAfterMs).toBeGreaterThan(0);
  });

  it('turns server errors into unavailable', async () => {
    await setFaults({ errorRate: 1 });
    expect((await failure(channel.identify())).code).toBe('unavailable');
  });

  it('gives up on a held request at its own timeout', async () => {
    const impatient = createShopifyChannel(
      { platform: 'shopify', url: emulator.url, credentials: emulator.credentials, remoteLocationId: null },
      { governor, timeoutMs: 400 },
    );
    await setFaults({ timeoutRate: 1, timeoutMs: 8000 });
    const started = Date.now();
    expect((await failure(impatient.identify())).code).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(6000);
  });

  it('under mixed faults every failure is a retryable ChannelError, never a raw error', async () => {
    const readings = (await channel.readQuantities(null)).readings.slice(0, 3);
    await setFaults({ seed: 7, errorRate: 0.25, lostResponseRate: 0.25, throttleRate: 0.25 });
    const codes = new Set<string>();
    let succeeded = 0;
    for (let i = 0; i < 40; i += 1) {
      const call =
        i % 3 === 0
          ? channel.identify()
          : i % 3 === 1
            ? channel.listOrders(null, new Date(Date.now() - 60_000).toISOString())
            : channel.setQuantities(readings.map((r) => ({ inventoryRef: r.inventoryRef, quantity: 5, expected: null })), `mixed-${i}`);
      const outcome = await call.then(() => null, (caught: unknown) => caught);
      if (outcome === null) {
        succeeded += 1;
        continue;
      }
      expect(outcome).toBeInstanceOf(ChannelError);
      expect((outcome as ChannelError).retryable).toBe(true);
      codes.add((outcome as ChannelError).code);
    }
    expect(succeeded).toBeGreaterThan(0);
    expect([...codes].sort()).toEqual(expect.arrayContaining(['throttled', 'unavailable']));
  });

  it('a quantity write whose response was lost is applied once when sent again with the same key', async () => {
    const control = emulatorControl(emulator.url);
    const readings = (await channel.readQuantities(null)).readings.filter((r) => r.sku !== null && r.quantity !== null);
    const reading = readings[0];
    await setFaults({ lostResponseRate: 1 });
    const lost = await failure(
      channel.setQuantities([{ inventoryRef: reading.inventoryRef, quantity: reading.quantity! + 3, expected: reading.quantity }], 'lost-1'),
    );
    expect(lost.retryable).toBe(true);
    await setFaults({});
    const again = await channel.setQuantities(
      [{ inventoryRef: reading.inventoryRef, quantity: reading.quantity! + 3, expected: reading.quantity }],
      'lost-1',
    );
    expect(again.stale).toEqual([]);
    expect(again.applied).toEqual([reading.inventoryRef]);
    const state = await control.state();
    const found = findBySku(state, reading.sku!)!;
    expect(Object.values(found.variant.quantities)).toContain(reading.quantity! + 3);
  });
});
