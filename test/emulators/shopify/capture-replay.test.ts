// Replays every recorded inventory mutation in vendor-specs/shopify/captures-2026-04 (real
// Shopify, API 2026-04) against the emulator and expects the same answer: data, user errors
// (field, message, code), and the requested and actual query cost. Ids are mapped to the
// emulator's own; the captured "unknown" ids (…/999999999999) stay unknown.
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { start } from '../../../emulators/shopify/index.ts';
import type { EmulatorHandle } from '../../../emulators/emulator.ts';
import { shopifyClient, variantBySku } from './shopify-client.ts';

const CAPTURES = new URL('../../../../shared/vendor-specs/shopify/captures-2026-04/', import.meta.url).pathname;
const EMULATED_ROOTS = ['inventorySetQuantities', 'inventoryAdjustQuantities', 'inventorySetOnHandQuantities'];

interface Case {
  name: string;
  query: string;
  variables: Record<string, any>;
  response: any;
}

function collect(value: unknown, path: string, out: Case[]): void {
  if (Array.isArray(value)) value.forEach((v, i) => collect(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') {
    const o = value as Record<string, any>;
    if (typeof o.query === 'string' && o.variables && o.response) {
      const root = /\b(inventory\w+)\s*\(/.exec(o.query)?.[1];
      if (root && EMULATED_ROOTS.includes(root)) out.push({ name: path, query: o.query, variables: o.variables, response: o.response.body ?? o.response });
    }
    for (const [k, v] of Object.entries(o)) collect(v, `${path}.${k}`, out);
  }
}

const cases: Case[] = [];
for (const file of readdirSync(CAPTURES).filter((f) => f.endsWith('.json')).sort()) {
  collect(JSON.parse(readFileSync(CAPTURES + file, 'utf8')), file.replace('.json', ''), cases);
}

const UNKNOWN = '999999999999';
/** Captured ids → emulator ids in a request; emulator ids → placeholders in a response. */
function mapIds(text: string, item: string, location: string): string {
  return text
    .replace(/gid:\/\/shopify\/InventoryItem\/(\d+)/g, (m, id) => (id === UNKNOWN ? m : item))
    .replace(/gid:\/\/shopify\/Location\/(\d+)/g, (m, id) => (id === UNKNOWN ? m : location));
}
function normalise(body: any, item: string, location: string): any {
  const text = mapIds(JSON.stringify(body), '<item>', '<location>')
    .replace(new RegExp(item.replace(/[/]/g, '\\/'), 'g'), '<item>')
    .replace(new RegExp(location.replace(/[/]/g, '\\/'), 'g'), '<location>');
  return JSON.parse(text);
}

let emu: EmulatorHandle;
let client: ReturnType<typeof shopifyClient>;
let item: string;
let location: string;

beforeAll(async () => {
  emu = await start({ seed: 'demo', delayMs: 0, rateLimit: { bucketSize: 1_000_000, restoreRate: 1_000_000 } });
  client = shopifyClient(emu);
  location = (await client.control('GET', 'state')).body.locations[0].id;
  item = (await variantBySku(client, 'HW-010')).inventoryItem.id;
});
afterAll(() => emu.close());

describe('captured inventory mutations replayed', () => {
  it('found the captured cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(29);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const variables = JSON.parse(mapIds(JSON.stringify(c.variables), item, location));
    const rows = variables.input.quantities ?? variables.input.changes ?? variables.input.setQuantities;
    // Start from the quantity the capture's changeFromQuantity says the store held.
    await client.control('POST', 'inventory', { sku: 'HW-010', quantity: rows[0].changeFromQuantity ?? 0 });
    const { status, body } = await client.gql(c.query, variables);
    expect(status).toBe(200);
    const expected = normalise(c.response, item, location);
    const actual = normalise(body, item, location);
    const strip = (data: any) => JSON.parse(JSON.stringify(data, (k, v) => (k === 'id' && typeof v === 'string' && v.includes('InventoryAdjustmentGroup') ? '<group>' : v)));
    expect(strip(actual.data)).toEqual(strip(expected.data));
    expect(actual.errors).toEqual(expected.errors);
    expect(actual.extensions.cost.requestedQueryCost).toBe(expected.extensions.cost.requestedQueryCost);
    expect(actual.extensions.cost.actualQueryCost).toBe(expected.extensions.cost.actualQueryCost);
  });
});
