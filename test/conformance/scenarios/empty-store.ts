// Conformance scenarios on an empty store: identify, auth, create / find / update, compare-and-set,
// orders and webhooks.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { ChannelError, type Channel, type ProductDraft, type RemoteLocation } from '../../../src/channels/channel.ts';
import { createPermissiveGovernor, type RecordingGovernor } from '../../support/permissive-governor.ts';
import {
  DRAFT_WORDS,
  expectChannelError,
  locationIdInState,
  pollOrders,
  sampleDraft,
  uniqueSuffix,
  type ConformanceTarget,
  type EmulatorLike,
} from '../conformance-support.ts';
import { emulatorControl, findBySku, type EmulatorControl } from '../emulator-control.ts';
import { startWebhookReceiver } from '../webhook-receiver.ts';

export function emptyStoreScenarios(target: ConformanceTarget): void {
  describe(`${target.platform} channel conformance (empty store)`, () => {
    let emulator: EmulatorLike;
    let control: EmulatorControl;
    let governor: RecordingGovernor;
    let channel: Channel;
    let defaultLocation: RemoteLocation;

    beforeAll(async () => {
      emulator = await target.startEmulator({ seed: 'empty' });
      control = emulatorControl(emulator.url);
    });
    afterAll(async () => {
      await emulator?.close();
    });
    beforeEach(async () => {
      await control.reset();
      governor = createPermissiveGovernor();
      channel = target.createChannel(
        { platform: target.platform, url: emulator.url, credentials: emulator.credentials, remoteLocationId: null },
        { governor, timeoutMs: 10_000 },
      );
      const identity = await channel.identify();
      const found = identity.locations.find((location) => location.isDefault);
      if (!found) throw new Error('identify() named no default location');
      defaultLocation = found;
    });

    it('identify names the store and exactly one default location, asking the governor first', async () => {
      const identity = await channel.identify();
      expect(identity.name.trim()).not.toBe('');
      expect(identity.locations.length).toBeGreaterThan(0);
      expect(identity.locations.filter((location) => location.isDefault)).toHaveLength(1);
      const state = await control.state();
      expect(state.locations.map((l) => l.name)).toContain(defaultLocation.name);
      expect(governor.acquired.length).toBeGreaterThanOrEqual(2);
      expect(governor.acquired.every((cost) => cost >= 1)).toBe(true);
    });

    it('rejects bad credentials with an auth error a person can read', async () => {
      const bad = (target.badCredentials ?? ((good) => Object.fromEntries(Object.entries(good).map(([k, v]) => [k, `${v}-wrong`]))))(
        emulator.credentials,
      );
      let refused: Channel | null = null;
      try {
        refused = target.createChannel(
          { platform: target.platform, url: emulator.url, credentials: bad, remoteLocationId: null },
          { governor: createPermissiveGovernor(), timeoutMs: 10_000 },
        );
      } catch (error) {
        expect(error).toBeInstanceOf(ChannelError);
        expect((error as ChannelError).code).toBe('auth');
        return;
      }
      await expectChannelError(refused.identify(), 'auth');
    });

    it('creates a product as a draft with 2 options, 4 variants and their quantities', async () => {
      const draft = sampleDraft(uniqueSuffix());
      let created = await channel.createProduct(draft);
      if (!channel.limits.createSetsQuantities) {
        const writes = created.variants.map((variant) => ({
          inventoryRef: variant.inventoryRef,
          quantity: draft.variants.find((v) => v.sku === variant.sku)!.quantity,
          expected: null,
        }));
        const result = await channel.setQuantities(writes, `initial-${draft.localProductId}`);
        expect(result.applied.sort()).toEqual(writes.map((w) => w.inventoryRef).sort());
        created = (await channel.getProduct(created.remoteProductId))!;
      }
      expect(created.status).toBe('draft');
      expect(created.title).toBe(draft.title);
      expect(created.options.map((o) => o.name)).toEqual(['Colour', 'Size']);
      expect(created.variants).toHaveLength(4);
      for (const wanted of draft.variants) {
        const variant = created.variants.find((v) => v.sku === wanted.sku);
        expect(variant, wanted.sku).toBeDefined();
        expect(variant!.optionValues).toEqual(wanted.optionValues);
        expect(Number(variant!.price)).toBeCloseTo(Number(wanted.price), 2);
        expect(variant!.barcode).toBe(wanted.barcode);
        expect(variant!.quantity).toBe(wanted.quantity);
        expect(variant!.inventoryRef).not.toBe('');
      }

      const state = await control.state();
      const locationId = locationIdInState(state, defaultLocation);
      const inStore = state.products.filter((p) => p.variants.some((v) => v.sku === draft.variants[0].sku));
      expect(inStore).toHaveLength(1);
      expect(DRAFT_WORDS[target.platform]).toContain(inStore[0].status);
      for (const wanted of draft.variants) {
        const found = findBySku(state, wanted.sku)!;
        expect(found.variant.options).toEqual(wanted.optionValues);
        expect(found.variant.quantities[locationId]).toBe(wanted.quantity);
      }
    });

    it('refuses a product over the option limit before sending it', async () => {
      const draft = sampleDraft(uniqueSuffix());
      const tooMany = channel.limits.maxOptions + 1;
      draft.options = Array.from({ length: tooMany }, (_, i) => ({ name: `Option ${i + 1}`, values: ['A'] }));
      draft.variants = [{ ...draft.variants[0], optionValues: draft.options.map(() => 'A') }];
      await expectChannelError(channel.createProduct(draft), 'invalid');
      expect((await control.state()).products).toHaveLength(0);
    });

    it('findProduct finds a created product by handle and by SKU, so creation is idempotent', async () => {
      const draft = sampleDraft(uniqueSuffix());
      expect(await channel.findProduct(draft)).toBeNull();
      const created = await channel.createProduct(draft);

      const byHandle = await channel.findProduct(draft);
      expect(byHandle?.remoteProductId).toBe(created.remoteProductId);
      expect(byHandle?.variants).toHaveLength(4);

      const otherHandle = { ...draft, handle: `${draft.handle}-renamed`, variants: [draft.variants[2]] };
      const bySku = await channel.findProduct(otherHandle);
      expect(bySku?.remoteProductId).toBe(created.remoteProductId);

      // A publisher that looks before it creates never makes a second copy.
      const again = (await channel.findProduct(draft)) ?? (await channel.createProduct(draft));
      expect(again.remoteProductId).toBe(created.remoteProductId);
      const state = await control.state();
      expect(state.products.filter((p) => p.variants.some((v) => v.sku === draft.variants[0].sku))).toHaveLength(1);
    });

    it('updateProduct changes title and price, keeps the description and the variants only the store has', async () => {
      const draft = sampleDraft(uniqueSuffix());
      const created = await channel.createProduct(draft);
      const before = findBySku(await control.state(), draft.variants[0].sku)!.product;

      const changed: ProductDraft = {
        ...draft,
        title: `${draft.title} (renamed)`,
        variants: draft.variants.slice(0, 3).map((variant, index) => (index === 0 ? { ...variant, price: '25.00' } : variant)),
      };
      const result = await channel.updateProduct(created.remoteProductId, changed);
      expect(result.product.title).toBe(changed.title);
      expect(result.keptRemoteOnly).toEqual([draft.variants[3].sku]);
      expect(result.product.variants.map((v) => v.sku).sort()).toEqual(draft.variants.map((v) => v.sku).sort());

      const after = findBySku(await control.state(), draft.variants[0].sku)!;
      expect(after.product.title).toBe(changed.title);
      expect(Number(after.variant.price)).toBeCloseTo(25, 2);
      expect(after.product.description ?? '').toBe(before.description ?? '');
      expect(after.product.status).toBe(before.status);
      expect(after.product.variants).toHaveLength(4);
    });

    it('setQuantities with an expected value that is no longer true changes nothing', async (context) => {
      if (!channel.limits.compareAndSet) {
        context.skip(`${target.platform} has no compare-and-set quantity writes`);
        return;
      }
      const draft = sampleDraft(uniqueSuffix());
      const created = await channel.createProduct(draft);
      const [first, second] = created.variants;
      const result = await channel.setQuantities(
        [
          { inventoryRef: first.inventoryRef, quantity: 50, expected: (first.quantity ?? 0) + 5 },
          { inventoryRef: second.inventoryRef, quantity: 60, expected: second.quantity },
        ],
        `stale-${uniqueSuffix()}`,
      );
      expect(result.applied).toEqual([]);
      expect(result.stale).toContain(first.inventoryRef);
      expect([...result.stale, ...result.failed.map((f) => f.inventoryRef)].sort()).toEqual(
        [first.inventoryRef, second.inventoryRef].sort(),
      );
      const state = await control.state();
      const locationId = locationIdInState(state, defaultLocation);
      expect(findBySku(state, first.sku!)!.variant.quantities[locationId]).toBe(first.quantity);
      expect(findBySku(state, second.sku!)!.variant.quantities[locationId]).toBe(second.quantity);

      // With the right expected values the same change goes through.
      const retried = await channel.setQuantities(
        [
          { inventoryRef: first.inventoryRef, quantity: 50, expected: first.quantity },
          { inventoryRef: second.inventoryRef, quantity: 60, expected: second.quantity },
        ],
        `stale-retry-${uniqueSuffix()}`,
      );
      expect(retried.applied.sort()).toEqual([first.inventoryRef, second.inventoryRef].sort());
      const later = await control.state();
      expect(findBySku(later, first.sku!)!.variant.quantities[locationId]).toBe(50);
    });

    it('an order placed on the store appears in listOrders with its lines; a cancellation shows the restock', async () => {
      const draft = sampleDraft(uniqueSuffix());
      const since = new Date(Date.now() - 2000).toISOString();
      const created = await channel.createProduct(draft);
      const sku = draft.variants[1].sku;
      const variant = created.variants.find((v) => v.sku === sku)!;

      const first = await pollOrders(channel, null, since);
      expect(first.orders).toHaveLength(0);

      const placed = await control.createOrder([{ sku, quantity: 2 }]);
      const afterOrder = await pollOrders(channel, first.cursor, since);
      const order = afterOrder.orders.find((o) => o.name === placed.name);
      expect(order, `order ${placed.name} in listOrders`).toBeDefined();
      expect(order!.holdsStock).toBe(true);
      expect(order!.cancelled).toBe(false);
      expect(order!.lines).toHaveLength(1);
      expect(order!.lines[0]).toMatchObject({ sku, quantity: 2, restockedQuantity: 0, remoteVariantId: variant.remoteVariantId });
      const state = await control.state();
      expect(findBySku(state, sku)!.variant.quantities[locationIdInState(state, defaultLocation)]).toBe(draft.variants[1].quantity - 2);

      // Nothing changed since: the next poll from the cursor returns nothing.
      const quiet = await pollOrders(channel, afterOrder.cursor, since);
      expect(quiet.orders.filter((o) => o.remoteOrderId === order!.remoteOrderId)).toHaveLength(0);

      const fetched = await channel.getOrder(order!.remoteOrderId);
      expect(fetched?.lines[0]).toMatchObject({ sku, quantity: 2 });

      await control.cancelOrder(placed.id, true);
      const afterCancel = await pollOrders(channel, quiet.cursor, since);
      const cancelled = afterCancel.orders.find((o) => o.remoteOrderId === order!.remoteOrderId);
      expect(cancelled, 'the cancelled order comes back in the next poll').toBeDefined();
      expect(cancelled!.cancelled).toBe(true);
      expect(cancelled!.lines[0].restockedQuantity).toBe(2);
      // Whether a platform reports a cancelled order as still holding stock or not, the units it
      // took, net of those put back, are none (the engine counts holdsStock || restocked > 0).
      const line = cancelled!.lines[0];
      expect((cancelled!.holdsStock || line.restockedQuantity > 0 ? line.quantity : 0) - line.restockedQuantity).toBe(0);
      const restored = await control.state();
      expect(findBySku(restored, sku)!.variant.quantities[locationIdInState(restored, defaultLocation)]).toBe(draft.variants[1].quantity);
    });

    async function receiveOrderWebhook() {
      const receiver = await startWebhookReceiver();
      try {
        const registeredSecret = `conformance-${uniqueSuffix()}`;
        const registrations = await channel.registerWebhooks(receiver.url, registeredSecret);
        expect(registrations.length).toBeGreaterThan(0);
        const secret = (target.webhookSecret ?? ((_, registered) => registered))(emulator.credentials, registeredSecret);
        const draft = sampleDraft(uniqueSuffix());
        await channel.createProduct(draft);
        const since = new Date(Date.now() - 2000).toISOString();
        const placed = await control.createOrder([{ sku: draft.variants[0].sku, quantity: 1 }]);
        const delivery = await receiver.waitFor((d) => {
          try {
            return channel.parseWebhook(d.headers, d.body).topic === 'order';
          } catch {
            return false;
          }
        });
        return { delivery, secret, since, placed };
      } finally {
        await receiver.close();
      }
    }

    const auth = target.webhookAuth ?? { header: /signature|hmac/i, coversBody: true };

    it('webhooks the store sends verify, forged or unsigned ones do not, and they parse to a hint', async () => {
      const { delivery, secret, since, placed } = await receiveOrderWebhook();
      expect(channel.verifyWebhook(delivery.headers, delivery.body, secret)).toBe(true);

      const hint = channel.parseWebhook(delivery.headers, delivery.body);
      expect(hint.deliveryId).not.toBe('');
      const { orders } = await pollOrders(channel, null, since);
      const order = orders.find((o) => o.name === placed.name);
      expect(hint.remoteId).toBe(order?.remoteOrderId);

      const proofHeaders = Object.keys(delivery.headers).filter((key) => auth.header.test(key));
      expect(proofHeaders.length, 'the delivery carries its proof header').toBeGreaterThan(0);
      const forged = Object.fromEntries(
        Object.entries(delivery.headers).map(([key, value]) => [key, auth.header.test(key) ? randomBytes(32).toString('base64') : value]),
      );
      expect(channel.verifyWebhook(forged, delivery.body, secret)).toBe(false);
      const unsigned = Object.fromEntries(Object.entries(delivery.headers).filter(([key]) => !auth.header.test(key)));
      expect(channel.verifyWebhook(unsigned, delivery.body, secret)).toBe(false);
    });

    it('a webhook whose body was altered does not verify', async (context) => {
      if (!auth.coversBody) {
        context.skip(`${target.platform} proves the sender with a header secret and does not sign the body`);
        return;
      }
      const { delivery, secret } = await receiveOrderWebhook();
      const tampered = Buffer.from(delivery.body.toString('utf8').replace(/}\s*$/, ',"forged":true}'));
      expect(tampered.equals(delivery.body)).toBe(false);
      expect(channel.verifyWebhook(delivery.headers, delivery.body, secret)).toBe(true);
      expect(channel.verifyWebhook(delivery.headers, tampered, secret)).toBe(false);
    });
  });
}
