// Orders by modification time with whole-second dates: nothing modified in the cursor's second is
// skipped, nothing comes back twice unless it changed; statuses map to stock held and put back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { start } from '../../../emulators/bigcommerce/index.ts';
import type { Channel } from '../../../src/channels/channel.ts';
import { createBigcommerceChannel } from '../../../src/channels/bigcommerce/index.ts';
import { toRemoteOrder } from '../../../src/channels/bigcommerce/orders.ts';
import { emulatorControl, type EmulatorControl } from '../../conformance/emulator-control.ts';
import { createPermissiveGovernor } from '../../support/permissive-governor.ts';

describe('BigCommerce orders', () => {
  it('holds stock in every status but Incomplete, Cancelled and Declined; cancelled and declined lines are put back', () => {
    const line = { id: 7, product_id: 1, variant_id: 2, sku: 'A', quantity: 3, quantity_refunded: 1 };
    const order = (status_id: number) => toRemoteOrder({ id: 1, status_id, date_modified: 'Fri, 27 Nov 2026 15:36:50 +0000' }, [line]);
    expect(order(11)).toMatchObject({ holdsStock: true, cancelled: false, name: '#1', updatedAt: '2026-11-27T15:36:50.000Z' });
    expect(order(11).lines[0]).toEqual({ lineId: '7', remoteVariantId: '2', sku: 'A', quantity: 3, restockedQuantity: 1 });
    expect(order(0).holdsStock).toBe(false);
    expect(order(5)).toMatchObject({ holdsStock: false, cancelled: true });
    expect(order(5).lines[0].restockedQuantity).toBe(3);
    expect(order(6)).toMatchObject({ holdsStock: false, cancelled: false });
    expect(order(6).lines[0].restockedQuantity).toBe(3);
  });

  describe('against the emulator', () => {
    let emulator: Awaited<ReturnType<typeof start>>;
    let control: EmulatorControl;
    let channel: Channel;
    beforeAll(async () => {
      emulator = await start({ seed: 'demo', delayMs: 0, rateLimit: { quota: 100_000, windowMs: 30_000 } });
      control = emulatorControl(emulator.url);
      channel = createBigcommerceChannel(
        { platform: 'bigcommerce', url: emulator.url, credentials: emulator.credentials, remoteLocationId: null },
        { governor: createPermissiveGovernor(), timeoutMs: 10_000 },
      );
    });
    afterAll(async () => {
      await emulator?.close();
    });

    it('an order in the same second as the cursor is not skipped, and the one before is not repeated', async () => {
      const since = new Date(Date.now() - 1000).toISOString();
      expect((await channel.listOrders(null, since)).orders).toEqual([]); // 204: none yet
      const first = await control.createOrder([{ sku: 'TEE-BLA-S-SLI', quantity: 1 }]);
      const afterFirst = await channel.listOrders(null, since);
      expect(afterFirst.orders.map((o) => o.name)).toEqual([first.name]);
      const second = await control.createOrder([{ sku: 'TEE-BLA-M-REG', quantity: 2 }]); // most likely in the same second
      const afterSecond = await channel.listOrders(afterFirst.cursor, since);
      expect(afterSecond.orders.map((o) => o.name)).toEqual([second.name]);
      expect(afterSecond.orders[0].lines[0]).toMatchObject({ sku: 'TEE-BLA-M-REG', quantity: 2 });
      const quiet = await channel.listOrders(afterSecond.cursor, since);
      expect(quiet.orders).toEqual([]);
      expect(quiet.hasMore).toBe(false);

      await control.cancelOrder(first.id, true);
      const afterCancel = await channel.listOrders(quiet.cursor, since);
      expect(afterCancel.orders.map((o) => [o.name, o.cancelled])).toEqual([[first.name, true]]);
      expect(await channel.getOrder('999999')).toBeNull();
      expect((await channel.getOrder(second.id))?.lines[0]).toMatchObject({ sku: 'TEE-BLA-M-REG', quantity: 2, restockedQuantity: 0 });
    });

    it('refuses a cursor it did not write', async () => {
      await expect(channel.listOrders('not-a-cursor', new Date().toISOString())).rejects.toMatchObject({ code: 'invalid' });
    });
  });
});
