// BigCommerce tracks stock per variant or per product, and its Inventory API refuses an adjustment
// addressed the wrong way (422). The connector's inventoryRef says which, on every read path.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { start } from '../../../emulators/bigcommerce/index.ts';
import type { Channel, RemoteProduct } from '../../../src/channels/channel.ts';
import { createBigcommerceChannel } from '../../../src/channels/bigcommerce/index.ts';
import { emulatorControl, findBySku, type EmulatorControl } from '../../conformance/emulator-control.ts';
import { createPermissiveGovernor } from '../../support/permissive-governor.ts';

describe('BigCommerce tracking modes', () => {
  let emulator: Awaited<ReturnType<typeof start>>;
  let control: EmulatorControl;
  let channel: Channel;
  let catalogue: RemoteProduct[];

  beforeAll(async () => {
    emulator = await start({ seed: 'demo', delayMs: 0, rateLimit: { quota: 100_000, windowMs: 30_000 } });
    control = emulatorControl(emulator.url);
    channel = createBigcommerceChannel(
      { platform: 'bigcommerce', url: emulator.url, credentials: emulator.credentials, remoteLocationId: null },
      { governor: createPermissiveGovernor(), timeoutMs: 10_000 },
    );
    catalogue = [];
    for (let cursor: string | null = null; ; ) {
      const page = await channel.listCatalog(cursor);
      catalogue.push(...page.products);
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
  });
  afterAll(async () => {
    await emulator?.close();
  });

  const bySku = (sku: string) => catalogue.find((p) => p.variants.some((v) => v.sku === sku))!;

  it('names product-tracked stock by product and variant-tracked stock by variant, in the catalogue and in quantity reads', async () => {
    const rope = bySku('ROPE-1');
    const tee = bySku('TEE-BLA-S-SLI');
    expect(rope.variants[0].inventoryRef).toBe(`product:${rope.remoteProductId}`);
    const teeVariant = tee.variants.find((v) => v.sku === 'TEE-BLA-S-SLI')!;
    expect(teeVariant.inventoryRef).toBe(`variant:${teeVariant.remoteVariantId}`);

    const readings = [];
    for (let cursor: string | null = null; ; ) {
      const page = await channel.readQuantities(cursor);
      readings.push(...page.readings);
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    const state = await control.state();
    expect(readings.find((r) => r.sku === 'ROPE-1')).toMatchObject({ inventoryRef: rope.variants[0].inventoryRef, quantity: findBySku(state, 'ROPE-1')!.variant.quantities['1'] });
    expect(readings.find((r) => r.sku === 'TEE-BLA-S-SLI')).toMatchObject({ inventoryRef: teeVariant.inventoryRef, quantity: 3 });
    // One reading per stock figure: no ref twice.
    expect(new Set(readings.map((r) => r.inventoryRef)).size).toBe(readings.length);
  });

  it('writes each through its own ref; a ref of the wrong kind fails alone, with the store’s reason', async () => {
    const rope = bySku('ROPE-2');
    const tee = bySku('TEE-BLA-M-REG').variants.find((v) => v.sku === 'TEE-BLA-M-REG')!;
    const wrongRef = `variant:${rope.variants[0].remoteVariantId}`;
    const result = await channel.setQuantities(
      [
        { inventoryRef: rope.variants[0].inventoryRef, quantity: 321, expected: null },
        { inventoryRef: tee.inventoryRef, quantity: 17, expected: null },
        { inventoryRef: wrongRef, quantity: 5, expected: null },
      ],
      'tracking-modes',
    );
    expect(result.applied.sort()).toEqual([rope.variants[0].inventoryRef, tee.inventoryRef].sort());
    expect(result.failed).toHaveLength(1);
    expect(result.failed[0].inventoryRef).toBe(wrongRef);
    expect(result.failed[0].reason).toMatch(/tracked by product/i);
    const state = await control.state();
    expect(findBySku(state, 'ROPE-2')!.variant.quantities['1']).toBe(321);
    expect(findBySku(state, 'TEE-BLA-M-REG')!.variant.quantities['1']).toBe(17);
  });

  it('creates a product without options tracked by product, with its opening stock', async () => {
    const created = await channel.createProduct({
      localProductId: 'local-simple',
      handle: 'simple-lamp',
      title: 'Simple Lamp',
      options: [],
      variants: [{ localVariantId: 'v1', sku: 'LAMP-1', barcode: '012345678905', price: '30.00', weightKg: '1.2', optionValues: [], quantity: 9 }],
    });
    expect(created.status).toBe('draft');
    expect(created.variants).toHaveLength(1);
    // (The barcode is sent as the product's upc; the emulator does not keep product-level upc yet, so it is not checked here.)
    expect(created.variants[0]).toMatchObject({ inventoryRef: `product:${created.remoteProductId}`, sku: 'LAMP-1', price: '30.00', weightKg: '1.20', quantity: 9 });
    const state = await control.state();
    expect(findBySku(state, 'LAMP-1')!.variant.quantities['1']).toBe(9);
    expect(findBySku(state, 'LAMP-1')!.product.status).toBe('hidden');
  });
});
