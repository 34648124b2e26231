// Shopify orders as the engine reads them, against the Shopify emulator: stock is taken when the
// order is placed and comes back only through restocked refund lines. A poll probes ids first and
// reads lines only of orders that may hold something new; large orders are read to the last line.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Channel, RemoteOrder } from '../../../src/channels/channel.ts';
import { createShopifyChannel } from '../../../src/channels/shopify/index.ts';
import { createGraphqlClient, type GraphqlClient } from '../../../src/channels/shopify/graphql-client.ts';
import { SETTLE_MARGIN_MS } from '../../../src/channels/shopify/order-cursor.ts';
import { getOrder, listOrders } from '../../../src/channels/shopify/orders.ts';
import { StoreRequestGovernor } from '../../../src/sync/governor/request-governor.ts';
import { start } from '../../../emulators/shopify/index.ts';
import type { EmulatorHandle } from '../../../emulators/emulator.ts';
import { createPermissiveGovernor } from '../../support/permissive-governor.ts';
import { emulatorControl, findBySku, type EmulatorControl } from '../../conformance/emulator-control.ts';
import { sampleDraft, uniqueSuffix } from '../../conformance/channel-conformance.ts';

let emulator: EmulatorHandle;
let control: EmulatorControl;
let channel: Channel;
let client: GraphqlClient & { sent: string[] };

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
  // The connector's own HTTP client, with the name of every operation it sends kept; the engine's
  // governor keeps the large order's follow-up pages within the emulator's bucket.
  const http = createGraphqlClient({ url: emulator.url, accessToken: emulator.credentials.accessToken, governor: new StoreRequestGovernor(), timeoutMs: 5000 });
  const sent: string[] = [];
  client = {
    sent,
    request(op, variables, schema) {
      sent.push(op.name);
      return http.request(op, variables, schema);
    },
  };
});

/** One poll (every page) at our clock + offsetMs; what it returned and which operations it sent. */
async function poll(cursor: string | null, since: string, offsetMs = 0) {
  client.sent.length = 0;
  const orders: RemoteOrder[] = [];
  for (;;) {
    const page = await listOrders(client, cursor, since, () => Date.now() + offsetMs);
    orders.push(...page.orders);
    cursor = page.cursor;
    if (!page.hasMore) return { orders, cursor, sent: [...client.sent] };
  }
}

/** Resolves once the emulator's one-second clock has moved past `iso`'s second. */
async function nextSecondAfter(iso: string): Promise<void> {
  const second = Math.floor(Date.parse(iso) / 1000);
  while (Math.floor(Date.now() / 1000) <= second) await new Promise((resolve) => setTimeout(resolve, 50));
}

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

  it('a poll with no orders sends only the probe, whose requested cost is 2 + first', async () => {
    const since = new Date().toISOString();
    const quiet = await poll(null, since);
    expect(quiet.orders).toEqual([]);
    expect(quiet.sent).toEqual(['OrdersProbe']);
    const response = await fetch(`${emulator.url}/admin/api/2026-07/graphql.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-shopify-access-token': emulator.credentials.accessToken },
      body: JSON.stringify({
        query: 'query OrdersProbe($first: Int!) { orders(first: $first, sortKey: UPDATED_AT) { pageInfo { hasNextPage endCursor } edges { cursor node { id updatedAt } } } }',
        variables: { first: 5 },
      }),
    });
    const body = (await response.json()) as { extensions: { cost: { requestedQueryCost: number } } };
    expect(body.extensions.cost.requestedQueryCost).toBe(7);
  });

  it('reads an order in full until a read made the settle margin after its second, then only probes it, and reads it again once it changes', async () => {
    const since = new Date(Date.now() - 2000).toISOString();
    const draft = sampleDraft(uniqueSuffix());
    await channel.createProduct(draft);
    const placed = await control.createOrder([{ sku: draft.variants[0].sku, quantity: 1 }]);

    const first = await poll(null, since);
    expect(first.orders.map((o) => o.name)).toEqual([placed.name]);
    expect(first.sent).toEqual(['OrdersProbe', 'OrdersPage']);
    const updatedAt = first.orders[0]!.updatedAt;

    // Read again within the margin: still read in full (a change within its second could follow), nothing new.
    const again = await poll(first.cursor, since);
    expect(again.orders).toEqual([]);
    expect(again.sent).toEqual(['OrdersProbe', 'OrdersPage']);

    // As if a minute has passed: the next full read is late enough to settle the order ...
    const late = SETTLE_MARGIN_MS + 2000;
    const settling = await poll(again.cursor, since, late);
    expect(settling.orders).toEqual([]);
    expect(settling.sent).toEqual(['OrdersProbe', 'OrdersPage']);
    // ... after which a poll only probes.
    const settled = await poll(settling.cursor, since, late);
    expect(settled.orders).toEqual([]);
    expect(settled.sent).toEqual(['OrdersProbe']);

    // A change made after that read carries a later updatedAt, so the order is read again.
    await nextSecondAfter(updatedAt);
    await control.cancelOrder(placed.id, true);
    const changed = await poll(settled.cursor, since, late);
    expect(changed.sent).toEqual(['OrdersProbe', 'OrdersPage']);
    expect(changed.orders).toHaveLength(1);
    expect(changed.orders[0]).toMatchObject({ name: placed.name, cancelled: true });
    expect(changed.orders[0]!.lines[0]).toMatchObject({ quantity: 1, restockedQuantity: 1 });
  });

  it('a cancellation right after the sale is read, in the same second or the next', async () => {
    const since = new Date(Date.now() - 2000).toISOString();
    const draft = sampleDraft(uniqueSuffix());
    await channel.createProduct(draft);
    const placed = await control.createOrder([{ sku: draft.variants[1].sku, quantity: 2 }]);
    const sale = await poll(null, since);
    expect(sale.orders.map((o) => o.cancelled)).toEqual([false]);
    await control.cancelOrder(placed.id, true);
    const cancel = await poll(sale.cursor, since);
    expect(cancel.orders).toHaveLength(1);
    expect(cancel.orders[0]).toMatchObject({ name: placed.name, cancelled: true });
    expect(cancel.orders[0]!.lines[0]).toMatchObject({ quantity: 2, restockedQuantity: 2 });
  });

  it('counts every line and every restocked refund line of an order with hundreds of lines', async () => {
    const since = new Date(Date.now() - 2000).toISOString();
    const draft = sampleDraft(uniqueSuffix());
    await channel.createProduct(draft);
    const sku = draft.variants[2].sku;
    await control.setInventory(sku, 1000);
    const placed = await control.createOrder(Array.from({ length: 300 }, () => ({ sku, quantity: 1 })));
    await control.cancelOrder(placed.id, true);

    const polled = await poll(null, since);
    expect(polled.orders).toHaveLength(1);
    const order = polled.orders[0]!;
    expect(order.lines).toHaveLength(300);
    expect(new Set(order.lines.map((l) => l.lineId)).size).toBe(300);
    expect(order.lines.every((l) => l.quantity === 1 && l.restockedQuantity === 1)).toBe(true);
    // The page read 30 lines and 10 refund lines; the rest came on from there in pages of 250.
    expect(polled.sent).toEqual(['OrdersProbe', 'OrdersPage', 'OrderLineItemsPage', 'OrderLineItemsPage', 'RefundLineItemsPage', 'RefundLineItemsPage']);

    const single = await getOrder(client, placed.id);
    expect(single?.lines).toEqual(order.lines);
  });
});
