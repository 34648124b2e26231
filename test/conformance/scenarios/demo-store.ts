// Conformance scenarios on the emulator's demo store: store-owned fields survive an update, and
// quantities go to the mapped location.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Channel, ProductDraft } from '../../../src/channels/channel.ts';
import { createPermissiveGovernor } from '../../support/permissive-governor.ts';
import { locationIdInState, readAllQuantities, uniqueSuffix, type ConformanceTarget, type EmulatorLike } from '../conformance-support.ts';
import { emulatorControl, findBySku, type EmulatorControl } from '../emulator-control.ts';

export function demoStoreScenarios(target: ConformanceTarget): void {
  describe(`${target.platform} channel conformance (demo store)`, () => {
    let emulator: EmulatorLike;
    let control: EmulatorControl;

    beforeAll(async () => {
      emulator = await target.startEmulator({ seed: 'demo' });
      control = emulatorControl(emulator.url);
    });
    afterAll(async () => {
      await emulator?.close();
    });
    beforeEach(async () => {
      await control.reset();
    });

    function connect(remoteLocationId: string | null): Channel {
      return target.createChannel(
        { platform: target.platform, url: emulator.url, credentials: emulator.credentials, remoteLocationId },
        { governor: createPermissiveGovernor(), timeoutMs: 10_000 },
      );
    }

    it('updateProduct on a live product with a description keeps the description and the product live', async () => {
      const channel = connect(null);
      const state = await control.state();
      const described = state.products.find(
        (p) => (p.description ?? '').trim() !== '' && p.variants.length > 0 && p.variants.every((v) => (v.sku ?? '') !== ''),
      );
      expect(described, 'the demo seed has a product with a description').toBeDefined();
      const sku = described!.variants[0].sku!;
      const remote = await channel.findProduct({
        localProductId: 'local-described',
        handle: `no-such-handle-${uniqueSuffix()}`,
        title: described!.title,
        options: [],
        variants: [{ localVariantId: 'v', sku, barcode: null, price: '1.00', weightKg: null, optionValues: [], quantity: 0 }],
      });
      expect(remote, `findProduct by SKU ${sku}`).not.toBeNull();
      expect(remote!.descriptionHtml ?? '').toBe(described!.description);

      const draft: ProductDraft = {
        localProductId: 'local-described',
        handle: remote!.handle ?? `handle-${uniqueSuffix()}`,
        title: `${remote!.title} – new name`,
        options: remote!.options,
        variants: remote!.variants.map((variant, index) => ({
          localVariantId: `v${index}`,
          sku: variant.sku!,
          barcode: variant.barcode,
          price: index === 0 ? '99.95' : (variant.price ?? '1.00'),
          weightKg: null,
          optionValues: variant.optionValues,
          quantity: 0,
        })),
      };
      const result = await channel.updateProduct(remote!.remoteProductId, draft);
      expect(result.keptRemoteOnly).toEqual([]);
      expect(result.product.title).toBe(draft.title);
      expect(result.product.status).toBe(remote!.status);

      const after = findBySku(await control.state(), sku)!;
      expect(after.product.title).toBe(draft.title);
      expect(Number(after.variant.price)).toBeCloseTo(99.95, 2);
      expect(after.product.description).toBe(described!.description);
      expect(after.product.status).toBe(described!.status);
      // Stock is not master data of an update: it stays where it was.
      expect(after.variant.quantities).toEqual(described!.variants[0].quantities);
    });

    it('writes and reads quantities at the mapped location, not the default one', async (context) => {
      const identity = await connect(null).identify();
      if (identity.locations.length === 1) {
        context.skip(`${target.platform} keeps one stock figure per item: it has no locations to map`);
        return;
      }
      const other = identity.locations.find((location) => !location.isDefault);
      expect(other, 'the demo seed has a second location').toBeDefined();
      const channel = connect(other!.id);
      const readings = await readAllQuantities(channel);
      const reading = readings.find((r) => r.sku !== null && r.quantity !== null);
      expect(reading).toBeDefined();
      const before = await control.state();
      const otherInState = locationIdInState(before, other!);
      const defaultInState = locationIdInState(before, identity.locations.find((l) => l.isDefault)!);
      const previousDefault = findBySku(before, reading!.sku!)!.variant.quantities[defaultInState];
      expect(reading!.quantity).toBe(findBySku(before, reading!.sku!)!.variant.quantities[otherInState]);

      const result = await channel.setQuantities(
        [{ inventoryRef: reading!.inventoryRef, quantity: reading!.quantity! + 7, expected: reading!.quantity }],
        `mapped-${uniqueSuffix()}`,
      );
      expect(result.applied).toEqual([reading!.inventoryRef]);
      const after = findBySku(await control.state(), reading!.sku!)!.variant.quantities;
      expect(after[otherInState]).toBe(reading!.quantity! + 7);
      expect(after[defaultInState]).toBe(previousDefault);
    });
  });
}
