// The shared conformance suite: the scenarios every connector must pass against its platform's
// emulator over real HTTP, using only the Channel interface and the /__emulator/ control routes.
// A platform file calls defineChannelConformance({ platform, startEmulator, createChannel }).
// A scenario is skipped only when the platform lacks the capability (said in the test name).
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  ChannelError,
  type Channel,
  type ChannelFactory,
  type Platform,
  type ProductDraft,
  type QuantityReading,
  type RemoteLocation,
  type RemoteOrder,
} from '../../src/channels/channel.ts';
import { createPermissiveGovernor, type RecordingGovernor } from '../support/permissive-governor.ts';
import { emulatorControl, findBySku, type EmulatorControl, type EmulatorState } from './emulator-control.ts';
import { startWebhookReceiver } from './webhook-receiver.ts';

export interface EmulatorLike {
  url: string;
  credentials: Record<string, string>;
  close(): Promise<void>;
}

export interface ConformanceTarget {
  platform: Platform;
  startEmulator: (options: { seed: string }) => Promise<EmulatorLike>;
  createChannel: ChannelFactory;
  /** Credentials the store must refuse; default: every value with "-wrong" appended. */
  badCredentials?: (good: Record<string, string>) => Record<string, string>;
  /** The secret the emulator signs webhooks with; default: the one given to registerWebhooks. */
  webhookSecret?: (credentials: Record<string, string>, registered: string) => string;
  /** Variants in the generated catalogue seed (enough for several catalogue pages and quantity batches). */
  generatedVariants?: number;
}

/** How each emulator's state names a product hidden from shoppers. */
const DRAFT_WORDS: Record<Platform, string[]> = {
  shopify: ['DRAFT'],
  woocommerce: ['draft'],
  bigcommerce: ['hidden'],
};

export function uniqueSuffix(): string {
  return randomUUID().slice(0, 8);
}

export function sampleDraft(suffix: string): ProductDraft {
  const colours = ['Red', 'Blue'];
  const sizes = ['S', 'M'];
  const variants = colours.flatMap((colour, c) =>
    sizes.map((size, s) => ({
      localVariantId: `local-${suffix}-${colour}-${size}`,
      sku: `CONF-${suffix}-${colour.toUpperCase()}-${size}`,
      barcode: `99${suffix.replace(/[^0-9]/g, '').padEnd(6, '0').slice(0, 6)}${c}${s}`,
      price: s === 0 ? '19.99' : '21.50',
      weightKg: null,
      optionValues: [colour, size],
      quantity: 3 + c * 2 + s,
    })),
  );
  return {
    localProductId: `local-${suffix}`,
    handle: `conformance-tee-${suffix}`,
    title: `Conformance Tee ${suffix}`,
    options: [
      { name: 'Colour', values: colours },
      { name: 'Size', values: sizes },
    ],
    variants,
  };
}

function locationIdInState(state: EmulatorState, location: RemoteLocation): string {
  if (state.locations.length === 1) return state.locations[0].id;
  const byName = state.locations.find((l) => l.name === location.name);
  const byId = state.locations.find((l) => l.id === location.id || location.id.endsWith(`/${l.id}`));
  const found = byId ?? byName;
  if (!found) throw new Error(`location ${location.name} is not in the emulator's state`);
  return found.id;
}

async function readAllQuantities(channel: Channel): Promise<QuantityReading[]> {
  const readings: QuantityReading[] = [];
  let cursor: string | null = null;
  do {
    const page = await channel.readQuantities(cursor);
    readings.push(...page.readings);
    cursor = page.nextCursor;
  } while (cursor);
  return readings;
}

async function pollOrders(channel: Channel, cursor: string | null, since: string): Promise<{ orders: RemoteOrder[]; cursor: string }> {
  const orders: RemoteOrder[] = [];
  let position = cursor;
  for (let pages = 0; pages < 200; pages += 1) {
    const page = await channel.listOrders(position, since);
    orders.push(...page.orders);
    position = page.cursor;
    if (!page.hasMore) return { orders, cursor: page.cursor };
  }
  throw new Error('listOrders kept saying hasMore after 200 pages');
}

async function expectChannelError(promise: Promise<unknown>, code: ChannelError['code']): Promise<ChannelError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ChannelError);
  const channelError = error as ChannelError;
  expect(channelError.code).toBe(code);
  expect(channelError.message.length).toBeGreaterThan(10);
  return channelError;
}

export function defineChannelConformance(target: ConformanceTarget): void {
  const generated = target.generatedVariants ?? 1200;

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

    it('webhooks signed by the store verify, forged ones do not, and they parse to a hint', async () => {
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
        expect(channel.verifyWebhook(delivery.headers, delivery.body, secret)).toBe(true);

        const hint = channel.parseWebhook(delivery.headers, delivery.body);
        expect(hint.deliveryId).not.toBe('');
        const { orders } = await pollOrders(channel, null, since);
        const order = orders.find((o) => o.name === placed.name);
        expect(hint.remoteId).toBe(order?.remoteOrderId);

        const tampered = Buffer.from(delivery.body.toString('utf8').replace(/}\s*$/, ',"forged":true}'));
        expect(tampered.equals(delivery.body)).toBe(false);
        expect(channel.verifyWebhook(delivery.headers, tampered, secret)).toBe(false);
        const isSignature = (key: string) => /signature|hmac/i.test(key);
        const reSigned = Object.fromEntries(
          Object.entries(delivery.headers).map(([key, value]) => [key, isSignature(key) ? randomBytes(32).toString('base64') : value]),
        );
        expect(channel.verifyWebhook(reSigned, delivery.body, secret)).toBe(false);
        const unsigned = Object.fromEntries(Object.entries(delivery.headers).filter(([key]) => !isSignature(key)));
        expect(channel.verifyWebhook(unsigned, delivery.body, secret)).toBe(false);
      } finally {
        await receiver.close();
      }
    });
  });

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
