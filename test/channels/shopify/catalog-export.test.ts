// Whole-store reads through Shopify bulk exports, against the emulator: an import resumes from its
// cursor in a fresh process, and webhook registration can run twice without duplicates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel } from '../../../src/channels/channel.ts';
import { createShopifyChannel } from '../../../src/channels/shopify/index.ts';
import { start } from '../../../emulators/shopify/index.ts';
import type { EmulatorHandle } from '../../../emulators/emulator.ts';
import { createPermissiveGovernor } from '../../support/permissive-governor.ts';

let emulator: EmulatorHandle;

function connect(): Channel {
  return createShopifyChannel(
    { platform: 'shopify', url: emulator.url, credentials: emulator.credentials, remoteLocationId: null },
    { governor: createPermissiveGovernor(), timeoutMs: 5000 },
  );
}

async function operationCounts(): Promise<Record<string, number>> {
  const response = await fetch(`${emulator.url}/__emulator/requests`);
  const body = (await response.json()) as { byOperation: Record<string, number> };
  return body.byOperation;
}

beforeAll(async () => {
  emulator = await start({ seed: 'gen:1200', delayMs: 0 });
});
afterAll(async () => {
  await emulator?.close();
});

describe('Shopify bulk exports', () => {
  it('an import resumes from its cursor in a new process without starting a new export', async () => {
    const first = await connect().listCatalog(null);
    expect(first.nextCursor).not.toBeNull();
    const startedBefore = (await operationCounts()).bulkOperationRunQuery ?? 0;

    // A new channel (as after a restart) has no cached export: it re-reads the same one.
    const seen = new Set(first.products.map((p) => p.remoteProductId));
    let cursor = first.nextCursor;
    const resumed = connect();
    while (cursor) {
      const page = await resumed.listCatalog(cursor);
      for (const product of page.products) {
        expect(seen.has(product.remoteProductId)).toBe(false);
        seen.add(product.remoteProductId);
      }
      cursor = page.nextCursor;
    }
    const state = (await (await fetch(`${emulator.url}/__emulator/state`)).json()) as { products: unknown[] };
    expect(seen.size).toBe(state.products.length);
    expect((await operationCounts()).bulkOperationRunQuery ?? 0).toBe(startedBefore);
  });

  it('refuses a cursor it did not write, and a quantities cursor for the catalogue', async () => {
    const channel = connect();
    await expect(channel.listCatalog('garbage')).rejects.toMatchObject({ code: 'invalid' });
    const quantities = await channel.readQuantities(null);
    expect(quantities.readings.length).toBeGreaterThan(0);
    expect(quantities.readings.every((r) => r.inventoryRef.startsWith('gid://shopify/InventoryItem/'))).toBe(true);
    if (quantities.nextCursor) await expect(channel.listCatalog(quantities.nextCursor)).rejects.toMatchObject({ code: 'invalid' });
  });

  it('registers the five webhook topics once, even when asked twice', async () => {
    const channel = connect();
    const callback = 'http://127.0.0.1:9/webhooks/store-1';
    const first = await channel.registerWebhooks(callback, 'ignored');
    expect(first.map((r) => r.topic).sort()).toEqual(['INVENTORY_LEVELS_UPDATE', 'ORDERS_CANCELLED', 'ORDERS_CREATE', 'PRODUCTS_UPDATE', 'REFUNDS_CREATE']);
    const createsBefore = (await operationCounts()).webhookSubscriptionCreate ?? 0;
    const second = await channel.registerWebhooks(callback, 'ignored');
    expect(second).toEqual(first);
    expect((await operationCounts()).webhookSubscriptionCreate ?? 0).toBe(createsBefore);
  });
});
