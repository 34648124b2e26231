import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { recordMovement } from '../../src/stock/record-movement.ts';
import { getStock, listMovements } from '../../src/stock/stock-query.ts';
import { clearChangeMarks, takeChangeMarks } from '../../src/stock/change-marks.ts';
import { createLocation } from '../../src/accounts/locations.ts';
import { createProduct } from '../../src/catalog/products.ts';
import { DomainError } from '../../src/errors/domain-error.ts';
import type { DatabaseHandle } from '../../src/db/handle.ts';
import { forEachDialect } from '../support/databases.ts';
import { newAccount, simpleProduct } from '../catalog/fixtures.ts';

async function ledgerSum(handle: DatabaseHandle, variantId: string): Promise<number> {
  const row = await handle.db.selectFrom('stock_movement').select(sql<number>`coalesce(sum(quantity_milli), 0)`.as('s')).where('variant_id', '=', variantId).executeTakeFirstOrThrow();
  return Number(row.s);
}

async function levelSum(handle: DatabaseHandle, variantId: string): Promise<number> {
  const row = await handle.db.selectFrom('stock_level').select(sql<number>`coalesce(sum(quantity_milli), 0)`.as('s')).where('variant_id', '=', variantId).executeTakeFirstOrThrow();
  return Number(row.s);
}

forEachDialect('stock ledger', (getHandle) => {
  it('applies each kind with its sign, and a count writes the difference', async () => {
    const handle = getHandle();
    const account = await newAccount(handle);
    const product = await simpleProduct(handle, account.id, 'LED-1');
    const variantId = product.variants[0].id;
    await recordMovement(handle, account.id, { sku: 'LED-1', kind: 'receipt', quantity: 10 });
    await recordMovement(handle, account.id, { sku: 'led-1 ', kind: 'sale', quantity: 3 });
    await recordMovement(handle, account.id, { sku: 'LED-1', kind: 'return', quantity: 1 });
    await recordMovement(handle, account.id, { sku: 'LED-1', kind: 'adjustment', quantity: -2 });
    await recordMovement(handle, account.id, { sku: 'LED-1', kind: 'channel_order', quantity: 1 });
    await recordMovement(handle, account.id, { sku: 'LED-1', kind: 'channel_refund', quantity: 1 });
    expect((await getStock(handle, account.id, 'LED-1')).total).toBe(6);
    const count = await recordMovement(handle, account.id, { variantId, kind: 'count', quantity: 4, reason: 'shelf count' });
    expect(count.movement.quantity).toBe(-2);
    expect(count.movement.counted).toBe(4);
    expect(count.onHand).toBe(4);
    expect(await getStock(handle, account.id, 'LED-1')).toEqual({ sku: 'LED-1', total: 4, locations: [{ location: 'Main', onHand: 4 }] });
    expect(await ledgerSum(handle, variantId)).toBe(4000);
    const history = await listMovements(handle, account.id, { variantId });
    expect(history.map((movement) => [movement.kind, movement.quantity])).toEqual([
      ['count', -2],
      ['channel_refund', 1],
      ['channel_order', -1],
      ['adjustment', -2],
      ['return', 1],
      ['sale', -3],
      ['receipt', 10],
    ]);
    expect(history[0].reason).toBe('shelf count');
  });

  it('records a sale below zero', async () => {
    const handle = getHandle();
    const account = await newAccount(handle);
    await simpleProduct(handle, account.id, 'NEG-1');
    const result = await recordMovement(handle, account.id, { sku: 'NEG-1', kind: 'sale', quantity: 2, actor: 'till 1' });
    expect(result.onHand).toBe(-2);
    expect(result.movement.actor).toBe('till 1');
    expect((await getStock(handle, account.id, 'NEG-1')).total).toBe(-2);
  });

  it('keeps per-unit quantities exact and refuses decimals on a fixed product', async () => {
    const handle = getHandle();
    const account = await newAccount(handle);
    await simpleProduct(handle, account.id, 'ROPE', { productType: 'per_unit', unit: 'm' });
    await simpleProduct(handle, account.id, 'CUP', { productType: 'fixed' });
    for (let i = 0; i < 10; i += 1) await recordMovement(handle, account.id, { sku: 'ROPE', kind: 'receipt', quantity: 0.1 });
    await recordMovement(handle, account.id, { sku: 'ROPE', kind: 'sale', quantity: '0.3' });
    expect((await getStock(handle, account.id, 'ROPE')).total).toBe(0.7);
    const refused = recordMovement(handle, account.id, { sku: 'CUP', kind: 'sale', quantity: 1.5 });
    await expect(refused).rejects.toThrow(/whole units/);
    await expect(refused).rejects.toBeInstanceOf(DomainError);
    await expect(recordMovement(handle, account.id, { sku: 'ROPE', kind: 'sale', quantity: '0.0001' })).rejects.toThrow(/more than 3 decimal places/);
    expect((await listMovements(handle, account.id, {})).filter((m) => m.kind === 'sale')).toHaveLength(1);
  });

  it('refuses bad movements with a clear message and writes nothing', async () => {
    const handle = getHandle();
    const account = await newAccount(handle);
    await simpleProduct(handle, account.id, 'BAD-1');
    await expect(recordMovement(handle, account.id, { sku: 'BAD-1', kind: 'sale', quantity: -1 })).rejects.toThrow('A sale needs a quantity above 0.');
    await expect(recordMovement(handle, account.id, { sku: 'BAD-1', kind: 'theft', quantity: 1 })).rejects.toThrow('"theft" is not a kind of stock movement.');
    await expect(recordMovement(handle, account.id, { sku: 'NOPE', kind: 'sale', quantity: 1 })).rejects.toThrow('There is no variant with SKU "NOPE".');
    await expect(recordMovement(handle, account.id, { sku: 'BAD-1', kind: 'sale', quantity: 1, location: 'Attic' })).rejects.toThrow('There is no location "Attic".');
    await expect(recordMovement(handle, account.id, { sku: 'BAD-1', kind: 'count', quantity: -4 })).rejects.toThrow('A count cannot be below 0.');
    await expect(recordMovement(handle, account.id, { sku: 'BAD-1', kind: 'sale', quantity: 'two' })).rejects.toThrow('is not a number');
    expect(await listMovements(handle, account.id)).toEqual([]);
    expect(await takeChangeMarks(handle, 10_000).then((marks) => marks.filter((mark) => mark.accountId === account.id))).toEqual([]);
  });

  it('finds the variant by barcode and the location by name, and returns the movement as written', async () => {
    const handle = getHandle();
    const account = await newAccount(handle);
    const product = await createProduct(handle, account.id, { name: 'Scanned', variants: [{ sku: 'SCAN-1', barcode: '5012345678900', price: '1' }] });
    const backRoom = await createLocation(handle, account.id, { name: 'Back Room' });
    const received = await recordMovement(handle, account.id, { code: '5012345678900', kind: 'receipt', quantity: 5, location: ' back room ', actor: 'till 2', reason: 'delivery', reference: 'PO-9' });
    expect(received).toMatchObject({
      onHand: 5,
      replayed: false,
      movement: { variantId: product.variants[0].id, locationId: backRoom.id, kind: 'receipt', quantity: 5, counted: null, actor: 'till 2', reason: 'delivery', reference: 'PO-9' },
    });
    const sold = await recordMovement(handle, account.id, { code: 'scan-1', kind: 'sale', quantity: 2, location: backRoom.id });
    expect(sold.onHand).toBe(3);
    const [stored] = await listMovements(handle, account.id, { variantId: product.variants[0].id });
    expect(stored).toEqual(sold.movement);
    const stock = await getStock(handle, account.id, 'SCAN-1');
    expect(stock.total).toBe(3);
    expect(stock.locations).toContainEqual({ location: 'Back Room', onHand: 3 });
    const marks = (await takeChangeMarks(handle, 10_000)).filter((mark) => mark.accountId === account.id);
    expect(marks).toEqual([{ accountId: account.id, variantId: product.variants[0].id, locationId: backRoom.id, generation: 2 }]);
  });

  it("does not reach another account's variants or locations", async () => {
    const handle = getHandle();
    const mine = await newAccount(handle);
    const theirs = await newAccount(handle);
    const their = await simpleProduct(handle, theirs.id, 'THEIRS-1');
    const theirLocation = await createLocation(handle, theirs.id, { name: 'Their back room' });
    await simpleProduct(handle, mine.id, 'MINE-1');
    await expect(recordMovement(handle, mine.id, { variantId: their.variants[0].id, kind: 'receipt', quantity: 1 })).rejects.toThrow('That variant does not exist.');
    await expect(recordMovement(handle, mine.id, { sku: 'THEIRS-1', kind: 'receipt', quantity: 1 })).rejects.toThrow(/no variant/);
    await expect(recordMovement(handle, mine.id, { sku: 'MINE-1', kind: 'receipt', quantity: 1, location: theirLocation.id })).rejects.toThrow(/no location/);
    await expect(getStock(handle, mine.id, 'THEIRS-1')).rejects.toThrow(/no variant/);
  });

  it('replays an idempotency key without writing again', async () => {
    const handle = getHandle();
    const account = await newAccount(handle);
    await simpleProduct(handle, account.id, 'IDEM-1');
    const key = 'store-1:order-77:line-1';
    const first = await recordMovement(handle, account.id, { sku: 'IDEM-1', kind: 'channel_order', quantity: 2, idempotencyKey: key });
    const again = await recordMovement(handle, account.id, { sku: 'IDEM-1', kind: 'channel_order', quantity: 2, idempotencyKey: key });
    expect(first.replayed).toBe(false);
    expect(again.replayed).toBe(true);
    expect(again.movement.id).toBe(first.movement.id);
    expect((await getStock(handle, account.id, 'IDEM-1')).total).toBe(-2);
    expect(await listMovements(handle, account.id)).toHaveLength(1);
    // concurrent replays of a new key: exactly one movement
    const key2 = 'store-1:order-78:line-1';
    const results = await Promise.all(Array.from({ length: 5 }, () => recordMovement(handle, account.id, { sku: 'IDEM-1', kind: 'channel_order', quantity: 1, idempotencyKey: key2 })));
    expect(results.filter((result) => !result.replayed)).toHaveLength(1);
    expect((await getStock(handle, account.id, 'IDEM-1')).total).toBe(-3);
  });

  it('transfers between locations in two legs and reports every location', async () => {
    const handle = getHandle();
    const account = await newAccount(handle);
    const product = await simpleProduct(handle, account.id, 'TRF-1');
    await createLocation(handle, account.id, { name: 'Warehouse' });
    await recordMovement(handle, account.id, { sku: 'TRF-1', kind: 'receipt', quantity: 10, location: 'warehouse' });
    const moved = await recordMovement(handle, account.id, { sku: 'TRF-1', kind: 'transfer', quantity: 4, location: 'Warehouse', toLocation: 'Main', reference: 'T-1' });
    expect(moved.movement.quantity).toBe(-4);
    expect(moved.counterpart?.quantity).toBe(4);
    expect(await getStock(handle, account.id, 'TRF-1')).toEqual({
      sku: 'TRF-1',
      total: 10,
      locations: [
        { location: 'Main', onHand: 4 },
        { location: 'Warehouse', onHand: 6 },
      ],
    });
    await expect(recordMovement(handle, account.id, { sku: 'TRF-1', kind: 'transfer', quantity: 1 })).rejects.toThrow('A transfer needs the location the stock goes to.');
    expect(await levelSum(handle, product.variants[0].id)).toBe(await ledgerSum(handle, product.variants[0].id));
  });

  it('marks each movement for sync in the same transaction; a newer movement survives a clear', async () => {
    const handle = getHandle();
    const account = await newAccount(handle);
    const product = await simpleProduct(handle, account.id, 'MARK-1');
    const variantId = product.variants[0].id;
    const mine = async () => (await takeChangeMarks(handle, 100_000)).filter((mark) => mark.accountId === account.id);
    await recordMovement(handle, account.id, { sku: 'MARK-1', kind: 'receipt', quantity: 5 });
    await recordMovement(handle, account.id, { sku: 'MARK-1', kind: 'sale', quantity: 1 });
    const taken = await mine();
    expect(taken).toHaveLength(1);
    expect(taken[0]).toMatchObject({ variantId, generation: 2 });
    await recordMovement(handle, account.id, { sku: 'MARK-1', kind: 'sale', quantity: 1 });
    expect(await clearChangeMarks(handle, taken)).toBe(0);
    const newer = await mine();
    expect(newer[0].generation).toBe(3);
    expect(await clearChangeMarks(handle, newer)).toBe(1);
    expect(await mine()).toEqual([]);
    // a failed movement leaves no mark
    await expect(recordMovement(handle, account.id, { sku: 'MARK-1', kind: 'sale', quantity: 0.5 })).rejects.toThrow();
    expect(await mine()).toEqual([]);
  });

  it('clears many marks in one go, keeping only those bumped since they were taken', async () => {
    const handle = getHandle();
    const account = await newAccount(handle);
    const skus = ['BULK-1', 'BULK-2', 'BULK-3', 'BULK-4'];
    for (const sku of skus) {
      await simpleProduct(handle, account.id, sku);
      await recordMovement(handle, account.id, { sku, kind: 'receipt', quantity: 3 });
    }
    const mine = async () => (await takeChangeMarks(handle, 100_000)).filter((mark) => mark.accountId === account.id);
    const taken = await mine();
    expect(taken).toHaveLength(4);
    await recordMovement(handle, account.id, { sku: 'BULK-3', kind: 'sale', quantity: 1 });
    expect(await clearChangeMarks(handle, taken)).toBe(3);
    const left = await mine();
    expect(left).toHaveLength(1);
    expect(left[0].generation).toBe(2);
    expect(await clearChangeMarks(handle, [])).toBe(0);
  });
});
