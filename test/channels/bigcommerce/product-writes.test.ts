// Creating and updating products on BigCommerce over HTTP: unique names and SKUs as clear
// per-product errors with nothing half-made, the 600-variant limit checked before sending, new
// variants with new option values on update, and name lookups that never adopt another product.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { start } from '../../../emulators/bigcommerce/index.ts';
import { ChannelError, type Channel, type ProductDraft } from '../../../src/channels/channel.ts';
import { createBigcommerceChannel } from '../../../src/channels/bigcommerce/index.ts';
import { emulatorControl, findBySku, type EmulatorControl } from '../../conformance/emulator-control.ts';
import { createPermissiveGovernor } from '../../support/permissive-governor.ts';

function draft(title: string, skuPrefix: string, colours = ['Red', 'Blue']): ProductDraft {
  return {
    localProductId: `local-${skuPrefix}`,
    handle: skuPrefix.toLowerCase(),
    title,
    options: [{ name: 'Colour', values: colours }],
    variants: colours.map((colour, i) => ({
      localVariantId: `${skuPrefix}-${colour}`,
      sku: `${skuPrefix}-${colour.toUpperCase()}`,
      barcode: null,
      price: '10.00',
      weightKg: '0.25',
      optionValues: [colour],
      quantity: i + 1,
    })),
  };
}

async function failure(promise: Promise<unknown>): Promise<ChannelError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(ChannelError);
  return error as ChannelError;
}

describe('BigCommerce product writes', () => {
  let emulator: Awaited<ReturnType<typeof start>>;
  let control: EmulatorControl;
  let channel: Channel;

  beforeAll(async () => {
    emulator = await start({ seed: 'demo', delayMs: 0, rateLimit: { quota: 100_000, windowMs: 30_000 } });
    control = emulatorControl(emulator.url);
    channel = createBigcommerceChannel(
      { platform: 'bigcommerce', url: emulator.url, credentials: emulator.credentials, remoteLocationId: null },
      { governor: createPermissiveGovernor(), timeoutMs: 10_000 },
    );
  });
  afterAll(async () => {
    await emulator?.close();
  });
  beforeEach(async () => {
    await control.reset();
  });

  const requestTotal = async () => z.object({ total: z.number() }).parse(await (await fetch(`${emulator.url}/__emulator/requests`)).json()).total;

  it('a name the store already holds is a conflict naming the product, and nothing is created', async () => {
    const before = (await control.state()).products.length;
    const error = await failure(channel.createProduct(draft('Classic Tee', 'DUP')));
    expect(error.code).toBe('conflict');
    expect(error.message).toContain('"Classic Tee" was not created on BigCommerce');
    expect(error.message).toContain('already in use');
    expect((await control.state()).products).toHaveLength(before);
  });

  it('a SKU the store already holds is a conflict too', async () => {
    const taken = draft('Brand New Tee', 'NEW');
    taken.variants[0].sku = 'TEE-BLA-S-REG';
    const error = await failure(channel.createProduct(taken));
    expect(error.code).toBe('conflict');
    expect(error.message).toContain('TEE-BLA-S-REG');
  });

  it('more than 600 variants is refused before anything is sent', async () => {
    const values = Array.from({ length: 601 }, (_, i) => `V${i}`);
    const big = draft('Too Many', 'BIG', values);
    const sent = await requestTotal();
    const error = await failure(channel.createProduct(big));
    expect(error.code).toBe('invalid');
    expect(error.message).toContain('600');
    expect(await requestTotal()).toBe(sent);
  });

  it('update adds a variant with a new option value and keeps the other variants’ stock and the product hidden', async () => {
    const original = draft('Option Mug', 'MUG');
    const created = await channel.createProduct(original);
    const grown: ProductDraft = {
      ...original,
      options: [{ name: 'Colour', values: ['Red', 'Blue', 'Green'] }],
      variants: [...original.variants, { ...original.variants[0], localVariantId: 'MUG-Green', sku: 'MUG-GREEN', optionValues: ['Green'], price: '12.00' }],
    };
    const result = await channel.updateProduct(created.remoteProductId, grown);
    expect(result.keptRemoteOnly).toEqual([]);
    expect(result.product.options).toEqual([{ name: 'Colour', values: ['Red', 'Blue', 'Green'] }]);
    const green = result.product.variants.find((v) => v.sku === 'MUG-GREEN');
    expect(green).toMatchObject({ optionValues: ['Green'], price: '12.00', inventoryRef: `variant:${green?.remoteVariantId}` });
    const state = await control.state();
    expect(findBySku(state, 'MUG-RED')!.variant.quantities['1']).toBe(1);
    expect(findBySku(state, 'MUG-GREEN')!.product.status).toBe('hidden');
  });

  it('update changes a variant\'s option values by replacing it (same SKU, new id), and two variants may swap values', async () => {
    const original = draft('Swap Mug', 'SWP', ['Red', 'Blue', 'White']);
    const created = await channel.createProduct(original);
    const idOf = (product: typeof created, sku: string) => product.variants.find((v) => v.sku === sku)!.remoteVariantId;
    // SWP-RED becomes Green (a new value); SWP-BLUE and SWP-WHITE swap theirs.
    const edited: ProductDraft = {
      ...original,
      options: [{ name: 'Colour', values: ['Green', 'White', 'Blue'] }],
      variants: [
        { ...original.variants[0], optionValues: ['Green'], price: '11.00' },
        { ...original.variants[1], optionValues: ['White'] },
        { ...original.variants[2], optionValues: ['Blue'] },
      ],
    };
    const result = await channel.updateProduct(created.remoteProductId, edited);
    expect(result.keptRemoteOnly).toEqual([]);
    expect(result.product.variants.map((v) => [v.sku, v.optionValues, v.price]).sort()).toEqual([
      ['SWP-BLUE', ['White'], '10.00'],
      ['SWP-RED', ['Green'], '11.00'],
      ['SWP-WHITE', ['Blue'], '10.00'],
    ]);
    for (const sku of ['SWP-RED', 'SWP-BLUE', 'SWP-WHITE']) expect(idOf(result.product, sku)).not.toBe(idOf(created, sku));
    // What the store itself now says, read again.
    const state = await control.state();
    expect(findBySku(state, 'SWP-RED')!.variant.options).toEqual(['Green']);
    expect(findBySku(state, 'SWP-BLUE')!.variant.options).toEqual(['White']);
    expect(findBySku(state, 'SWP-RED')!.product.variants).toHaveLength(3);

    // Nothing changed: nothing is replaced.
    const again = await channel.updateProduct(created.remoteProductId, edited);
    expect(idOf(again.product, 'SWP-RED')).toBe(idOf(result.product, 'SWP-RED'));
  });

  it('update finds each variant by its linked id: a SKU and value changed together replace it, a SKU changed alone is written in place', async () => {
    const original = draft('Linked Mug', 'LNK', ['Red', 'Blue', 'White']);
    const created = await channel.createProduct(original);
    const idOf = (product: typeof created, sku: string) => product.variants.find((v) => v.sku === sku)?.remoteVariantId;
    const linked = original.variants.map((v) => ({ ...v, remoteVariantId: idOf(created, v.sku) }));
    // LNK-RED becomes LNK-CRIMSON / Crimson; LNK-BLUE is renamed LNK-NAVY; LNK-WHITE takes the SKU LNK-RED just gave up.
    const edited: ProductDraft = {
      ...original,
      options: [{ name: 'Colour', values: ['Crimson', 'Blue', 'White'] }],
      variants: [
        { ...linked[0], sku: 'LNK-CRIMSON', optionValues: ['Crimson'] },
        { ...linked[1], sku: 'LNK-NAVY' },
        { ...linked[2], sku: 'LNK-RED' },
      ],
    };
    const result = await channel.updateProduct(created.remoteProductId, edited);
    expect(result.keptRemoteOnly).toEqual([]);
    expect(result.product.variants.map((v) => [v.sku, v.optionValues]).sort()).toEqual([
      ['LNK-CRIMSON', ['Crimson']],
      ['LNK-NAVY', ['Blue']],
      ['LNK-RED', ['White']],
    ]);
    expect(idOf(result.product, 'LNK-CRIMSON')).not.toBe(idOf(created, 'LNK-RED'));
    expect(idOf(result.product, 'LNK-NAVY')).toBe(idOf(created, 'LNK-BLUE'));
    expect(idOf(result.product, 'LNK-RED')).toBe(idOf(created, 'LNK-WHITE'));
    const state = await control.state();
    expect(findBySku(state, 'LNK-CRIMSON')!.product.variants).toHaveLength(3);
    expect(findBySku(state, 'LNK-BLUE')).toBeNull();
    // In place keeps the stock; the replaced variant starts empty (the engine pushes its quantity).
    expect(findBySku(state, 'LNK-NAVY')!.variant.quantities['1']).toBe(2);
    expect(findBySku(state, 'LNK-RED')!.variant.quantities['1']).toBe(3);
  });

  it('update of a product without options writes its SKU and price on the product', async () => {
    const simple: ProductDraft = {
      localProductId: 'local-candle',
      handle: 'candle',
      title: 'Candle',
      options: [],
      variants: [{ localVariantId: 'c', sku: 'CANDLE-1', barcode: null, price: '4.00', weightKg: null, optionValues: [], quantity: 2 }],
    };
    const created = await channel.createProduct(simple);
    const renamed = { ...simple, title: 'Candle (large)', variants: [{ ...simple.variants[0], sku: 'CANDLE-L', price: '6.50' }] };
    const result = await channel.updateProduct(created.remoteProductId, renamed);
    expect(result.product.title).toBe('Candle (large)');
    expect(result.product.variants[0]).toMatchObject({ sku: 'CANDLE-L', price: '6.50', inventoryRef: `product:${created.remoteProductId}` });
    expect(findBySku(await control.state(), 'CANDLE-L')).not.toBeNull();
    await expect(channel.updateProduct(created.remoteProductId, draft('Candle (large)', 'CANDLE'))).rejects.toMatchObject({ code: 'invalid' });
  });

  it('findProduct by name adopts only a product without SKUs; a same-named product with other SKUs is not this one', async () => {
    expect(await channel.findProduct(draft('Classic Tee', 'OTHER'))).toBeNull();
    const state = await control.state();
    const noSku = state.products.find((p) => p.variants.every((v) => (v.sku ?? '') === ''));
    expect(noSku, 'the demo seed has a product without SKU').toBeDefined();
    const found = await channel.findProduct({ ...draft(noSku!.title, 'WRAP'), options: [], variants: [draft(noSku!.title, 'WRAP').variants[0]] });
    expect(found?.remoteProductId).toBe(noSku!.id);
  });
});
