// Shopify orders as the engine reads them, against the Shopify emulator: stock is taken when the
// order is placed and comes back only through restocked refund lines.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Channel, RemoteOrder } from '../../../src/channels/channel.ts';
import { createShopifyChannel } from '../../../src/channels/shopify/index.ts';
import { start } from '../../../emulators/shopify/index.ts';
import type { EmulatorHandle } from '../../../emulators/emulator.ts';
import { createPermissiveGovernor } from '../../support/permissive-governor.ts';
import { emulatorControl, findBySku, type EmulatorControl } from '../../conformance/emulator-control.ts';
import { sampleDraft, uniqueSuffix } from '../../conformance/channel-conformance.ts';

let emulator: EmulatorHandle;
let control: EmulatorControl;
let channel: Channel;

beforeAll(async () => {
  emulator = await start({ seed: 'empty', delayMs: 0 });
  control = emulatorControl(emulator.url);
});
afterAll(async () => {
  await emulator?.close();
});
beforeEach(async () => {
  await control.reset();
  channel = createShopifyChannel(
    { platform: 'shopify', url: emulator.url, credentials: emulator.credentials, remoteLocationId: null },
    { governor: createPermissiveGovernor(), timeoutMs: 5000 },
  );
});

async function allOrders(since: string): Promise<RemoteOrder[]> {
  const orders: RemoteOrder[] = [];
  let cursor: string | null = null;
  for (;;) {
    const page = await channel.listOrders(cursor, since);
    orders.push(...page.orders);
    cursor = page.cursor;
    if (!page.hasMore) return orders;
  }
}

describe('Shopify orders', () => {
  it('an order cancelled without restocking still holds its stock, also when first seen after the cancel', async () => {
    const since = new Date(Date.now() - 2000).toISOString();
    const draft = sampleDraft(uniqueSuffix());
    await channel.createProduct(draft);
    const sku = draft.variants[0].sku;
    const placed = await control.createOrder([{ sku, quantity: 2 }]);
    await control.cancelOrder(placed.id, false);

    const order = (await allOrders(since)).find((o) => o.name === placed.name);
    expect(order).toBeDefined();
    expect(order!.cancelled).toBe(true);
    expect(order!.holdsStock).toBe(true);
    expect(order!.lines[0]).toMatchObject({ sku, quantity: 2, restockedQuantity: 0 });
    const state = await control.state();
    expect(Object.values(findBySku(state, sku)!.variant.quantities)).toContain(draft.variants[0].quantity - 2);
  });

  it('pages through many orders oldest first, each once, and a quiet poll returns none', async () => {
    const since = new Date(Date.now() - 2000).toISOString();
    const draft = sampleDraft(uniqueSuffix());
    await channel.createProduct(draft);
    const names: string[] = [];
    for (let i = 0; i < 12; i += 1) names.push((await control.createOrder([{ sku: draft.variants[i % 4].sku, quantity: 1 }])).name);

    const orders: RemoteOrder[] = [];
    let cursor: string | null = null;
    let pages = 0;
    for (;;) {
      const page = await channel.listOrders(cursor, since);
      pages += 1;
      orders.push(...page.orders);
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    expect(orders.map((o) => o.name).sort()).toEqual([...names].sort());
    expect(pages).toBeGreaterThan(1);
    const times = orders.map((o) => Date.parse(o.updatedAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const quiet = await channel.listOrders(cursor, since);
    expect(quiet.orders).toEqual([]);
  });
});
