// BigCommerce applies absolute adjustments asynchronously (the emulator after delayMs). A read
// straight after a write would show the old figure; the connector's quantity reads wait for
// its own recent writes to show, so a reconcile after a push does not see its own push as drift.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { start } from '../../../emulators/bigcommerce/index.ts';
import type { Channel, QuantityReading } from '../../../src/channels/channel.ts';
import { createBigcommerceChannel } from '../../../src/channels/bigcommerce/index.ts';
import { emulatorControl, findBySku, type EmulatorControl } from '../../conformance/emulator-control.ts';
import { createPermissiveGovernor } from '../../support/permissive-governor.ts';

const DELAY_MS = 200;

describe('BigCommerce asynchronous absolute adjustments', () => {
  let emulator: Awaited<ReturnType<typeof start>>;
  let control: EmulatorControl;

  beforeAll(async () => {
    emulator = await start({ seed: 'demo', delayMs: DELAY_MS, rateLimit: { quota: 100_000, windowMs: 30_000 } });
    control = emulatorControl(emulator.url);
  });
  afterAll(async () => {
    await emulator?.close();
  });

  function connect(): Channel {
    return createBigcommerceChannel(
      { platform: 'bigcommerce', url: emulator.url, credentials: emulator.credentials, remoteLocationId: null },
      { governor: createPermissiveGovernor(), timeoutMs: 10_000 },
    );
  }

  async function readAll(channel: Channel): Promise<QuantityReading[]> {
    const readings: QuantityReading[] = [];
    for (let cursor: string | null = null; ; ) {
      const page = await channel.readQuantities(cursor);
      readings.push(...page.readings);
      if (!page.nextCursor) return readings;
      cursor = page.nextCursor;
    }
  }

  it('the store shows a write only after a while, and readQuantities right after the write already reads it', async () => {
    const writer = connect();
    const before = await readAll(writer);
    const targets = before.filter((r) => r.sku !== null).slice(0, 3);
    const writes = targets.map((r) => ({ inventoryRef: r.inventoryRef, quantity: (r.quantity ?? 0) + 40, expected: null }));
    const startedAt = Date.now();
    const result = await writer.setQuantities(writes, 'async-1');
    expect(result.applied.sort()).toEqual(writes.map((w) => w.inventoryRef).sort());

    // Straight after the 200 the store still holds the old figures (the apply is asynchronous).
    const stateNow = await control.state();
    if (Date.now() - startedAt < DELAY_MS) {
      for (const target of targets) expect(findBySku(stateNow, target.sku!)!.variant.quantities['1']).toBe(target.quantity);
    }

    // Another channel for the same store and location (as a reconcile job opens) reads the new figures.
    const after = await readAll(connect());
    for (const write of writes) expect(after.find((r) => r.inventoryRef === write.inventoryRef)?.quantity).toBe(write.quantity);
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(DELAY_MS - 20);
  });

  it('a figure that changed on the store after our write is returned as the store has it, once the window passes', async () => {
    const channel = connect();
    const [target] = (await readAll(channel)).filter((r) => r.sku !== null && r.inventoryRef.startsWith('variant:'));
    await channel.setQuantities([{ inventoryRef: target.inventoryRef, quantity: 55, expected: null }], 'async-2');
    await new Promise((resolve) => setTimeout(resolve, DELAY_MS * 2));
    await control.setInventory(target.sku!, 12); // a shopkeeper's edit after ours
    const started = Date.now();
    const reading = (await readAll(channel)).find((r) => r.inventoryRef === target.inventoryRef);
    expect(reading?.quantity).toBe(12);
    // It waited at most the settle window for our 55 to show, never forever.
    expect(Date.now() - started).toBeLessThan(6000);
  }, 15_000);
});
