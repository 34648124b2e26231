// Conformance scenarios on a generated catalogue: complete paging, full quantity batches, the batch limit.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Channel, RemoteLocation } from '../../../src/channels/channel.ts';
import { createPermissiveGovernor } from '../../support/permissive-governor.ts';
import {
  expectChannelError,
  locationIdInState,
  readAllQuantities,
  uniqueSuffix,
  type ConformanceTarget,
  type EmulatorLike,
} from '../conformance-support.ts';
import { emulatorControl, findBySku, type EmulatorControl } from '../emulator-control.ts';

export function generatedCatalogueScenarios(target: ConformanceTarget): void {
  const generated = target.generatedVariants ?? 1200;

  describe(`${target.platform} channel conformance (generated catalogue of ${generated} variants)`, () => {
    let emulator: EmulatorLike;
    let control: EmulatorControl;
    let channel: Channel;
    let defaultLocation: RemoteLocation;

    beforeAll(async () => {
      emulator = await target.startEmulator({ seed: `gen:${generated}` });
      control = emulatorControl(emulator.url);
    });
    afterAll(async () => {
      await emulator?.close();
    });
    beforeEach(async () => {
      await control.reset();
      channel = target.createChannel(
        { platform: target.platform, url: emulator.url, credentials: emulator.credentials, remoteLocationId: null },
        { governor: createPermissiveGovernor(), timeoutMs: 10_000 },
      );
      defaultLocation = (await channel.identify()).locations.find((location) => location.isDefault)!;
    });

    it('listCatalog pages through the whole catalogue once, with quantities', async () => {
      const state = await control.state();
      const locationId = locationIdInState(state, defaultLocation);
      const seen = new Map<string, number | null>();
      const productIds = new Set<string>();
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page = await channel.listCatalog(cursor);
        pages += 1;
        expect(page.products.length).toBeLessThanOrEqual(channel.limits.catalogPageSize);
        for (const product of page.products) {
          expect(productIds.has(product.remoteProductId), `product ${product.remoteProductId} twice`).toBe(false);
          productIds.add(product.remoteProductId);
          for (const variant of product.variants) {
            expect(seen.has(variant.remoteVariantId), `variant ${variant.remoteVariantId} twice`).toBe(false);
            seen.set(variant.remoteVariantId, variant.quantity);
            expect(variant.optionValues).toHaveLength(product.options.length);
          }
        }
        cursor = page.nextCursor;
      } while (cursor);

      const stateVariants = state.products.flatMap((p) => p.variants);
      expect(stateVariants).toHaveLength(generated);
      expect(productIds.size).toBe(state.products.length);
      expect(seen.size).toBe(generated);
      expect(pages).toBe(Math.max(1, Math.ceil(state.products.length / channel.limits.catalogPageSize)));
      const catalogueQuantities = [...seen.values()].filter((q): q is number => q !== null).sort((a, b) => a - b);
      const stateQuantities = stateVariants.map((v) => v.quantities[locationId]).filter((q) => q !== undefined).sort((a, b) => a - b);
      expect(catalogueQuantities).toEqual(stateQuantities);
    });

    it('setQuantities in full batches, then readQuantities reads back exactly what was written', async () => {
      const before = await readAllQuantities(channel);
      const batchSize = channel.limits.quantityBatchSize;
      const targets = before.slice(0, Math.min(before.length, batchSize * 2));
      expect(targets.length).toBeGreaterThan(batchSize); // at least one full batch and one more
      const wanted = new Map(targets.map((reading, index) => [reading.inventoryRef, (index % 17) + 1]));

      for (let start = 0; start < targets.length; start += batchSize) {
        const batch = targets.slice(start, start + batchSize).map((reading) => ({
          inventoryRef: reading.inventoryRef,
          quantity: wanted.get(reading.inventoryRef)!,
          expected: channel.limits.compareAndSet ? reading.quantity : null,
        }));
        const result = await channel.setQuantities(batch, `batch-${start}-${uniqueSuffix()}`);
        expect(result.stale).toEqual([]);
        expect(result.failed).toEqual([]);
        expect(result.applied.sort()).toEqual(batch.map((w) => w.inventoryRef).sort());
      }

      const after = await readAllQuantities(channel);
      expect(after).toHaveLength(before.length);
      for (const reading of after) {
        const expected = wanted.get(reading.inventoryRef);
        const previous = before.find((b) => b.inventoryRef === reading.inventoryRef)!;
        expect(reading.quantity, reading.sku ?? reading.inventoryRef).toBe(expected ?? previous.quantity);
      }
      const state = await control.state();
      const locationId = locationIdInState(state, defaultLocation);
      for (const reading of targets.slice(0, 20)) {
        expect(findBySku(state, reading.sku!)!.variant.quantities[locationId]).toBe(wanted.get(reading.inventoryRef));
      }
    });

    it('refuses more rows than one quantity batch takes, writing nothing', async () => {
      const readings = await readAllQuantities(channel);
      const rows = readings.slice(0, channel.limits.quantityBatchSize + 1);
      expect(rows.length).toBe(channel.limits.quantityBatchSize + 1);
      await expectChannelError(
        channel.setQuantities(rows.map((r) => ({ inventoryRef: r.inventoryRef, quantity: 1, expected: null })), `too-many-${uniqueSuffix()}`),
        'invalid',
      );
      const after = await readAllQuantities(channel);
      expect(after.map((r) => r.quantity)).toEqual(readings.map((r) => r.quantity));
    });
  });
}
