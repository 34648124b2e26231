// Bulk operations, signed webhooks, the cost-based rate limit, fault injection, reset and seeds.
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { start } from '../../../emulators/shopify/index.ts';
import type { EmulatorHandle } from '../../../emulators/emulator.ts';
import { GRAPHQL_PATH, quantitiesAt, shopifyClient, variantBySku } from './shopify-client.ts';

const BIG = { bucketSize: 1_000_000, restoreRate: 1_000_000 };
const CAPTURES = new URL('../../../../shared/vendor-specs/shopify/captures-2026-04/', import.meta.url).pathname;
const handles: EmulatorHandle[] = [];
async function emulator(options: Parameters<typeof start>[0]) {
  const emu = await start({ delayMs: 0, ...options });
  handles.push(emu);
  return { emu, client: shopifyClient(emu) };
}
afterAll(async () => {
  await Promise.all(handles.map((h) => h.close()));
});

describe('bulk operations', () => {
  it('runs the inner query over all products and serves JSONL with __parentId children', async () => {
    const { client } = await emulator({ seed: 'gen:10', rateLimit: BIG });
    const run = await client.gql(`mutation { bulkOperationRunQuery(query: """
      { products { edges { node { id handle variants { edges { node { id sku inventoryItem { id tracked } } } } } } } }
    """) { bulkOperation { id status } userErrors { field message code } } }`);
    expect(run.body.data.bulkOperationRunQuery.userErrors).toEqual([]);
    expect(run.body.data.bulkOperationRunQuery.bulkOperation.status).toBe('CREATED');
    const id = run.body.data.bulkOperationRunQuery.bulkOperation.id;

    let op: any;
    for (let i = 0; i < 100; i++) {
      op = (await client.gql('query P($id: ID!) { bulkOperation(id: $id) { id status objectCount rootObjectCount url } }', { id })).body.data.bulkOperation;
      if (op.status === 'COMPLETED') break;
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(op).toMatchObject({ status: 'COMPLETED', objectCount: '13', rootObjectCount: '3' });
    const current = await client.gql('{ currentBulkOperation { id status } }');
    expect(current.body.data.currentBulkOperation).toEqual({ id, status: 'COMPLETED' });

    const lines = (await (await fetch(op.url)).text()).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(13);
    expect(lines[0]).toEqual({ id: expect.stringMatching(/^gid:\/\/shopify\/Product\//), handle: 'generated-product-1' });
    expect(lines[1]).toEqual({ id: expect.stringMatching(/ProductVariant/), sku: 'GEN-000001', inventoryItem: { id: expect.any(String), tracked: true }, __parentId: lines[0].id });
    expect(lines.filter((l) => l.__parentId === lines[0].id)).toHaveLength(4);
  });

  it('refuses an invalid inner query and a second operation while one runs', async () => {
    const { client } = await emulator({ seed: 'gen:4', rateLimit: BIG, delayMs: 5_000 });
    const bad = await client.gql('mutation { bulkOperationRunQuery(query: "{ products { edges { node { nope } } } }") { bulkOperation { id } userErrors { field code message } } }');
    expect(bad.body.data.bulkOperationRunQuery.userErrors[0]).toMatchObject({ field: ['query'], code: 'INVALID' });
    const first = await client.gql('mutation { bulkOperationRunQuery(query: "{ products { edges { node { id } } } }") { bulkOperation { id } userErrors { code } } }');
    expect(first.body.data.bulkOperationRunQuery.userErrors).toEqual([]);
    const second = await client.gql('mutation { bulkOperationRunQuery(query: "{ products { edges { node { id } } } }") { bulkOperation { id } userErrors { code } } }');
    expect(second.body.data.bulkOperationRunQuery.userErrors).toEqual([{ code: 'OPERATION_IN_PROGRESS' }]);
  });
});

describe('webhooks', () => {
  let receiver: Server;
  let receiverUrl: string;
  const received: Array<{ headers: Record<string, string | string[] | undefined>; raw: string }> = [];
  beforeAll(async () => {
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        received.push({ headers: req.headers, raw: Buffer.concat(chunks).toString('utf8') });
        res.end('ok');
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
  });
  afterAll(() => new Promise<void>((r) => receiver.close(() => r())));

  async function waitFor(count: number) {
    for (let i = 0; i < 200 && received.length < count; i++) await new Promise((r) => setTimeout(r, 10));
  }

  it('delivers orders/create and inventory_levels/update signed with the webhook secret', async () => {
    received.length = 0;
    const { emu, client } = await emulator({ seed: 'demo', rateLimit: BIG });
    for (const topic of ['ORDERS_CREATE', 'INVENTORY_LEVELS_UPDATE', 'ORDERS_CANCELLED', 'REFUNDS_CREATE']) {
      const sub = await client.gql(`mutation S($uri: String!) { webhookSubscriptionCreate(topic: ${topic}, webhookSubscription: { uri: $uri, format: JSON }) { webhookSubscription { id topic uri } userErrors { message } } }`, { uri: receiverUrl });
      expect(sub.body.data.webhookSubscriptionCreate.webhookSubscription).toMatchObject({ topic, uri: receiverUrl });
    }
    const order = await client.control('POST', 'orders', { lines: [{ sku: 'HW-003', quantity: 1 }] });
    await waitFor(2);
    expect(received.map((r) => r.headers['x-shopify-topic']).sort()).toEqual(['inventory_levels/update', 'orders/create']);
    for (const delivery of received) {
      const expected = createHmac('sha256', emu.credentials.webhookSecret).update(delivery.raw, 'utf8').digest('base64');
      expect(delivery.headers['x-shopify-hmac-sha256']).toBe(expected);
      expect(delivery.headers['x-shopify-event-id']).toEqual(expect.any(String));
      expect(Date.parse(String(delivery.headers['x-shopify-triggered-at']))).not.toBeNaN();
      expect(delivery.headers['x-shopify-shop-domain']).toMatch(/\.myshopify\.com$/);
    }
    const created = JSON.parse(received.find((r) => r.headers['x-shopify-topic'] === 'orders/create')!.raw);
    expect(created.admin_graphql_api_id).toBe(order.body.id);
    expect(created.line_items[0]).toMatchObject({ sku: 'HW-003', quantity: 1 });

    received.length = 0;
    await client.control('POST', `orders/${encodeURIComponent(order.body.id)}/cancel`, { restock: true });
    await waitFor(3);
    expect(received.map((r) => r.headers['x-shopify-topic']).sort()).toEqual(['inventory_levels/update', 'orders/cancelled', 'refunds/create']);
    const refund = JSON.parse(received.find((r) => r.headers['x-shopify-topic'] === 'refunds/create')!.raw);
    expect(refund.refund_line_items[0]).toMatchObject({ quantity: 1, restock_type: 'cancel' });
  });

  it('delivers products/update when productSet updates a product; a tampered body no longer verifies', async () => {
    received.length = 0;
    const { emu, client } = await emulator({ seed: 'demo', rateLimit: BIG });
    await client.gql(`mutation S($uri: String!) { webhookSubscriptionCreate(topic: PRODUCTS_UPDATE, webhookSubscription: { uri: $uri }) { userErrors { message } } }`, { uri: receiverUrl });
    await client.gql(`mutation { productSet(synchronous: true, identifier: { handle: "steel-padlock" }, input: { title: "Steel Padlock XL" }) { userErrors { message } } }`);
    await waitFor(1);
    expect(received).toHaveLength(1);
    const payload = JSON.parse(received[0].raw);
    expect(payload).toMatchObject({ title: 'Steel Padlock XL', handle: 'steel-padlock' });
    const sign = (body: string) => createHmac('sha256', emu.credentials.webhookSecret).update(body).digest('base64');
    expect(received[0].headers['x-shopify-hmac-sha256']).toBe(sign(received[0].raw));
    expect(received[0].headers['x-shopify-hmac-sha256']).not.toBe(sign(received[0].raw.replace('XL', 'XS')));
  });

  it('duplicates and loses deliveries deterministically under webhook faults', async () => {
    const runOnce = async () => {
      received.length = 0;
      const { client } = await emulator({ seed: 'demo', rateLimit: BIG, faults: { seed: 7, webhookDuplicateRate: 0.5, webhookLossRate: 0.3 } });
      await client.gql(`mutation S($uri: String!) { webhookSubscriptionCreate(topic: INVENTORY_LEVELS_UPDATE, webhookSubscription: { uri: $uri }) { userErrors { message } } }`, { uri: receiverUrl });
      for (let i = 0; i < 20; i++) await client.control('POST', 'inventory', { sku: 'HW-004', quantity: i });
      await new Promise((r) => setTimeout(r, 300));
      return received.map((r) => JSON.parse(r.raw).available).sort((a, b) => a - b);
    };
    const first = await runOnce();
    const second = await runOnce();
    expect(first).toEqual(second);
    expect(first.length).not.toBe(20);
    expect(new Set(first).size).toBeLessThan(20);
    expect(first.length).toBeGreaterThan(new Set(first).size);
  });
});

describe('webhook reordering', () => {
  it('delivers a burst out of order when webhookReorder is on', async () => {
    const arrivals: number[] = [];
    const receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        arrivals.push(JSON.parse(Buffer.concat(chunks).toString('utf8')).available);
        res.end('ok');
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    try {
      const uri = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
      const { client } = await emulator({ seed: 'demo', rateLimit: BIG, faults: { seed: 3, webhookReorder: true } });
      await client.gql(`mutation S($uri: String!) { webhookSubscriptionCreate(topic: INVENTORY_LEVELS_UPDATE, webhookSubscription: { uri: $uri }) { userErrors { message } } }`, { uri });
      for (let i = 0; i < 20; i++) await client.control('POST', 'inventory', { sku: 'HW-008', quantity: i });
      for (let i = 0; i < 100 && arrivals.length < 20; i++) await new Promise((r) => setTimeout(r, 10));
      expect([...arrivals].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
      expect(arrivals).not.toEqual([...arrivals].sort((a, b) => a - b));
    } finally {
      await new Promise<void>((r) => receiver.close(() => r()));
    }
  });
});

describe('cost and rate limit', () => {
  it('reports extensions.cost with requested and actual cost on every response', async () => {
    const { client } = await emulator({ seed: 'gen:8' });
    const { body } = await client.gql('{ products(first: 10) { nodes { id variants(first: 5) { nodes { id inventoryItem { id } } } } } }');
    // 2 + 10 × (1 + 2 + 5 × (1 + 1)) requested; actual uses the 2 products × 4 variants returned.
    expect(body.extensions.cost.requestedQueryCost).toBe(2 + 10 * (1 + 2 + 5 * 2));
    expect(body.extensions.cost.actualQueryCost).toBe(2 + 2 * (1 + 2 + 4 * 2));
    expect(body.extensions.cost.throttleStatus).toEqual({ maximumAvailable: 2000, currentlyAvailable: expect.any(Number), restoreRate: 100 });
    expect(body.extensions.cost.throttleStatus.currentlyAvailable).toBeGreaterThanOrEqual(2000 - body.extensions.cost.actualQueryCost - 1);
    const mutation = await client.gql('mutation { webhookSubscriptionDelete(id: "gid://shopify/WebhookSubscription/1") { userErrors { message } } }');
    expect(mutation.body.extensions.cost.requestedQueryCost).toBe(10);
  });

  it('prices the captured inventorySetQuantities document as real Shopify did (13 requested; 13 or 10 actual)', async () => {
    const { client } = await emulator({ seed: 'demo', rateLimit: BIG });
    const captured = JSON.parse(readFileSync(join(CAPTURES, 'inventory-reason-validation.json'), 'utf8'));
    const query: string = captured.acceptedReasonCases.correction.query;
    const location = (await client.control('GET', 'state')).body.locations[0].id;
    const item = (await variantBySku(client, 'HW-007')).inventoryItem.id;
    const input = (quantity: number, reason = 'correction') => ({ name: 'available', reason, quantities: [{ inventoryItemId: item, locationId: location, quantity, changeFromQuantity: null }] });
    const applied = await client.gql(query, { input: input(99), idempotencyKey: 'cost-1' });
    expect(applied.body.data.inventorySetQuantities.userErrors).toEqual([]);
    expect(applied.body.extensions.cost).toMatchObject({ requestedQueryCost: 13, actualQueryCost: 13 });
    const refused = await client.gql(query, { input: input(5, 'not_a_reason'), idempotencyKey: 'cost-2' });
    expect(refused.body.data.inventorySetQuantities.userErrors[0].code).toBe('INVALID_REASON');
    expect(refused.body.extensions.cost).toMatchObject({ requestedQueryCost: 13, actualQueryCost: 10 });
  });

  it('refuses a single query over 1,000 points with MAX_COST_EXCEEDED', async () => {
    const { client } = await emulator({ seed: 'gen:8' });
    const { body } = await client.gql('{ products(first: 250) { nodes { id variants(first: 10) { nodes { id } } } } }');
    expect(body.errors[0].extensions).toMatchObject({ code: 'MAX_COST_EXCEEDED', maxCost: 1000 });
    expect(body.errors[0].message).toMatch(/^Query cost is \d+, which exceeds the single query max cost limit \(1000\)/);
    expect(body.data).toBeUndefined();
  });

  it('answers THROTTLED (HTTP 200) when the bucket cannot pay, and counts it', async () => {
    const { client } = await emulator({ seed: 'gen:300', rateLimit: { bucketSize: 600, restoreRate: 1 } });
    const page = '{ productVariants(first: 250) { nodes { id } } }'; // 252 points
    expect((await client.gql(page)).body.data.productVariants.nodes).toHaveLength(250);
    expect((await client.gql(page)).body.data).toBeDefined();
    const throttled = await client.gql(page);
    expect(throttled.status).toBe(200);
    expect(throttled.body.errors[0]).toMatchObject({ message: 'Throttled', extensions: { code: 'THROTTLED' } });
    expect(throttled.body.extensions.cost).toMatchObject({ requestedQueryCost: 252, throttleStatus: { maximumAvailable: 600, restoreRate: 1 } });
    expect(throttled.body.extensions.cost.throttleStatus.currentlyAvailable).toBeLessThan(252);
    const counts = await client.control('GET', 'requests');
    expect(counts.body).toMatchObject({ total: 3, throttled: 1, byOperation: { productVariants: 3 } });
  });

  it('refunds the difference between requested and actual cost', async () => {
    const { client } = await emulator({ seed: 'gen:4', rateLimit: { bucketSize: 1000, restoreRate: 0.001 } });
    const { body } = await client.gql('{ productVariants(first: 250) { nodes { id } } }');
    expect(body.extensions.cost.requestedQueryCost).toBe(252);
    expect(body.extensions.cost.actualQueryCost).toBe(6);
    expect(body.extensions.cost.throttleStatus.currentlyAvailable).toBe(994);
  });
});

describe('faults, requests and reset', () => {
  const SET = `mutation Set($input: InventorySetQuantitiesInput!, $key: String!) {
    inventorySetQuantities(input: $input) @idempotent(key: $key) { userErrors { code } } }`;

  it('lostResponse applies the write and then drops the connection', async () => {
    const { emu, client } = await emulator({ seed: 'demo', rateLimit: BIG });
    const variant = await variantBySku(client, 'HW-005');
    const location = (await client.control('GET', 'state')).body.locations[0].id;
    await client.control('POST', 'faults', { lostResponseRate: 1 });
    const input = { name: 'available', reason: 'correction', quantities: [{ inventoryItemId: variant.inventoryItem.id, locationId: location, quantity: 77, changeFromQuantity: null }] };
    await expect(
      fetch(emu.url + GRAPHQL_PATH, { method: 'POST', headers: { 'content-type': 'application/json', 'x-shopify-access-token': emu.credentials.accessToken }, body: JSON.stringify({ query: SET, variables: { input, key: 'lost-1' } }) }),
    ).rejects.toThrow();
    await client.control('POST', 'faults', {});
    expect((await quantitiesAt(client, variant.inventoryItem.id, location)).available).toBe(77);
  });

  it('errorRate answers 5xx without applying; the same seed gives the same fault sequence', async () => {
    const { client } = await emulator({ seed: 'gen:4', rateLimit: BIG });
    const sequence = async () => {
      await client.control('POST', 'faults', { seed: 42, errorRate: 0.5 });
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++) statuses.push((await client.gql('{ shop { name } }')).status);
      return statuses;
    };
    const a = await sequence();
    const b = await sequence();
    expect(a).toEqual(b);
    expect(a).toContain(503);
    expect(a).toContain(200);
    await client.control('POST', 'faults', {});
    const location = (await client.control('GET', 'state')).body.locations[0].id;
    const variant = await variantBySku(client, 'GEN-000001');
    const before = (await quantitiesAt(client, variant.inventoryItem.id, location)).available;
    await client.control('POST', 'faults', { errorRate: 1 });
    const input = { name: 'available', reason: 'correction', quantities: [{ inventoryItemId: variant.inventoryItem.id, locationId: location, quantity: before + 5, changeFromQuantity: null }] };
    expect((await client.gql(SET, { input, key: 'err-1' })).status).toBe(503);
    await client.control('POST', 'faults', {});
    expect((await quantitiesAt(client, variant.inventoryItem.id, location)).available).toBe(before);
  });

  it('timeoutRate holds the request for timeoutMs and then drops it', async () => {
    const { client } = await emulator({ seed: 'gen:4', rateLimit: BIG });
    await client.control('POST', 'faults', { timeoutRate: 1, timeoutMs: 150 });
    const started = Date.now();
    await expect(client.gql('{ shop { name } }')).rejects.toThrow();
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    await client.control('POST', 'faults', {});
    expect((await client.gql('{ shop { name } }')).status).toBe(200);
  });

  it('throttleRate answers THROTTLED; invalid fault settings get a 422 with a readable message', async () => {
    const { client } = await emulator({ seed: 'gen:4', rateLimit: BIG });
    await client.control('POST', 'faults', { throttleRate: 1 });
    const { body } = await client.gql('{ shop { name } }');
    expect(body.errors[0].extensions.code).toBe('THROTTLED');
    const bad = await client.control('POST', 'faults', { errorRate: 2 });
    expect(bad.status).toBe(422);
    expect(bad.body.error.message).toMatch(/^faults: errorRate:/);
  });

  it('counts requests by root field and reset returns to the seed with zero counters and no faults', async () => {
    const { client } = await emulator({ seed: 'demo', rateLimit: BIG });
    await client.gql('{ shop { name } locations(first: 1) { nodes { id } } }');
    await client.gql('{ shop { name } }');
    expect((await client.control('GET', 'requests')).body).toEqual({ total: 2, throttled: 0, byOperation: { shop: 2, locations: 1 } });
    await client.control('POST', 'inventory', { sku: 'HW-006', quantity: 500 });
    await client.gql(`mutation { productSet(synchronous: true, input: { title: "Temporary" }) { userErrors { message } } }`);
    expect((await client.control('POST', 'orders', { lines: [{ sku: 'HW-006', quantity: 1 }] })).body.name).toBe('#1001');
    await client.control('POST', 'faults', { errorRate: 1 });
    const reset = await client.control('POST', 'reset');
    expect(reset.status).toBe(200);
    expect((await client.control('GET', 'requests')).body).toEqual({ total: 0, throttled: 0, byOperation: {} });
    const state = (await client.control('GET', 'state')).body;
    expect(state.products.some((p: any) => p.title === 'Temporary')).toBe(false);
    const padlockVariant = state.products.flatMap((p: any) => p.variants).find((v: any) => v.sku === 'HW-006');
    expect(padlockVariant.quantities[state.locations[0].id]).not.toBe(500);
    expect((await client.gql('{ shop { name } }')).status).toBe(200);
    expect((await client.gql('{ orders(first: 5) { nodes { id } } }')).body.data.orders.nodes).toEqual([]);
    expect((await client.control('POST', 'orders', { lines: [{ sku: 'HW-006', quantity: 1 }] })).body.name).toBe('#1001');
  });
});

describe('control routes: reject paths', () => {
  it('answers bad JSON, unknown routes, unknown and already-cancelled orders with 4xx and a readable error', async () => {
    const { emu, client } = await emulator({ seed: 'demo', rateLimit: BIG });
    const badJson = await fetch(`${emu.url}/__emulator/orders`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"lines": [' });
    expect(badJson.status).toBe(400);
    expect(((await badJson.json()) as any).error).toEqual({ code: 'INVALID_JSON', message: 'the request body is not valid JSON' });
    expect((await client.control('GET', 'nothing-here')).status).toBe(404);
    const missing = await client.control('POST', 'orders/gid%3A%2F%2Fshopify%2FOrder%2F1/cancel', { restock: true });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('ORDER_NOT_FOUND');
    const placed = await client.control('POST', 'orders', { lines: [{ sku: 'HW-009', quantity: 1 }] });
    await client.control('POST', `orders/${encodeURIComponent(placed.body.id)}/cancel`, { restock: true });
    const twice = await client.control('POST', `orders/${encodeURIComponent(placed.body.id)}/cancel`, { restock: true });
    expect(twice.status).toBe(409);
    const unknownSku = await client.control('POST', 'inventory', { sku: 'NOPE', quantity: 1 });
    expect(unknownSku.status).toBe(404);
    const extraField = await client.control('POST', 'inventory', { sku: 'HW-009', quantity: 1, colour: 'red' });
    expect(extraField.status).toBe(422);
  });

  it('accepts variables sent as a JSON string, as some clients do', async () => {
    const { emu } = await emulator({ seed: 'gen:4', rateLimit: BIG });
    const response = await fetch(emu.url + GRAPHQL_PATH, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-shopify-access-token': emu.credentials.accessToken },
      body: JSON.stringify({ query: 'query Q($n: Int!) { products(first: $n) { nodes { handle } } }', variables: JSON.stringify({ n: 1 }) }),
    });
    expect(((await response.json()) as any).data.products.nodes).toEqual([{ handle: 'generated-product-1' }]);
  });
});

describe('seeds', () => {
  it('demo: ~50 products with Color/Size/Fit apparel, gallons, rope by the foot, no-SKU, duplicate SKU and unicode', async () => {
    const { client } = await emulator({ seed: 'demo' });
    const state = (await client.control('GET', 'state')).body;
    expect(state.products.length).toBeGreaterThanOrEqual(45);
    expect(state.products.length).toBeLessThanOrEqual(55);
    const titles = state.products.map((p: any) => p.title);
    expect(titles.some((t: string) => /sold by the foot/.test(t))).toBe(true);
    expect(titles).toContain('日本茶 Sencha Tea Tin');
    const skus = state.products.flatMap((p: any) => p.variants.map((v: any) => v.sku));
    expect(skus).toContain(null);
    expect(skus.filter((s: string) => s === 'PIN-DUP')).toHaveLength(2);
    const paint = state.products.find((p: any) => p.title.startsWith('Interior Emulsion'));
    expect(paint.variants.map((v: any) => v.options[0])).toEqual(['1 gallon', '4 gallons']);
    const opts = await client.gql('{ products(first: 1) { nodes { options { name } } } }');
    expect(opts.body.data.products.nodes[0].options.map((o: any) => o.name)).toEqual(['Color', 'Size', 'Fit']);
  });

  it('gen:N is deterministic; a JSON seed file loads; a bad seed is refused with one clear line', async () => {
    const a = (await (await emulator({ seed: 'gen:9' })).client.control('GET', 'state')).body;
    const b = (await (await emulator({ seed: 'gen:9' })).client.control('GET', 'state')).body;
    expect(a).toEqual(b);
    expect(a.products.flatMap((p: any) => p.variants)).toHaveLength(9);
    const dir = mkdtempSync(join(tmpdir(), 'shopify-seed-'));
    const file = join(dir, 'seed.json');
    writeFileSync(file, JSON.stringify({ products: [{ title: 'Seeded', variants: [{ sku: 'S-1', price: '2.50', quantities: [4] }] }] }));
    const fromFile = (await (await emulator({ seed: file })).client.control('GET', 'state')).body;
    expect(fromFile.products[0]).toMatchObject({ title: 'Seeded', variants: [{ sku: 'S-1', price: '2.50' }] });
    await expect(start({ seed: 'gen:abc' })).rejects.toThrow(/gen:N/);
    await expect(start({ seed: join(dir, 'missing.json') })).rejects.toThrow(/not empty, demo, gen:N or a readable JSON file/);
  });
});
