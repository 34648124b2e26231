// Deleting a product never loses what must be kept: one on a store, or with stock movements, is
// refused (409 has_history, "archive it instead") and nothing is written; one with neither goes,
// with its place in publish selections. On PostgreSQL a movement being recorded while the delete
// runs is either counted or refused, never deleted with the variant.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveLocation } from '../../src/accounts/locations.ts';
import { createProduct, getProduct } from '../../src/catalog/products.ts';
import { openDatabase, type DatabaseHandle } from '../../src/db/handle.ts';
import { newId, nowIso } from '../../src/db/ids.ts';
import { inTransaction } from '../../src/db/transaction.ts';
import { DomainError } from '../../src/errors/domain-error.ts';
import { recordMovementIn } from '../../src/stock/record-movement.ts';
import { listMovements } from '../../src/stock/stock-query.ts';
import { deleteLocalProduct } from '../../src/sync/stores/delete-local-product.ts';
import { saveSelection } from '../../src/sync/publish/selection.ts';
import { untilSomeoneWaitsOnALock } from '../support/lock-waits.ts';
import { createTestDatabase, forEachDialect, postgresServerUrl, type TestDatabase } from '../support/databases.ts';
import { newAccount } from '../catalog/fixtures.ts';

/** A connected store row as connecting one leaves it (the connect flow itself is tested elsewhere). */
async function insertStore(handle: DatabaseHandle, accountId: string, name: string): Promise<string> {
  const main = await resolveLocation(handle.db, accountId, null);
  const id = newId();
  const now = nowIso();
  await sql`insert into store (id, account_id, platform, name, url, credentials_encrypted, location_id, orders_location_id, order_cursor_started_at, state, created_at, updated_at)
    values (${id}, ${accountId}, 'woocommerce', ${name}, ${`http://127.0.0.1:9/${id}`}, 'x', ${main.id}, ${main.id}, ${now}, 'connected', ${now}, ${now})`.execute(handle.db);
  return id;
}

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

forEachDialect('deleting a local product', (getHandle) => {
  it('refuses a product that is on a store, naming the stores, and keeps it and its links', async () => {
    const handle = getHandle();
    const account = await newAccount(handle);
    const product = await createProduct(handle, account.id, { name: 'Linked lamp', variants: [{ sku: 'LAMP-1', price: '30' }] });
    for (const storeName of ['Web shop', 'Outlet']) {
      const storeId = await insertStore(handle, account.id, storeName);
      const now = nowIso();
      await handle.db.insertInto('product_link').values({ id: newId(), account_id: account.id, store_id: storeId, product_id: product.id, remote_product_id: `rp-${storeName}`, handle: null, created_at: now, updated_at: now }).execute();
    }
    const error = await refusal(deleteLocalProduct(handle, account.id, product.id));
    expect(error.code).toBe('has_history');
    expect(error.message).toBe(
      '"Linked lamp" is on 2 stores: Outlet, Web shop, so it cannot be deleted: the store would keep selling it with nothing to keep its stock right. Archive it instead (status "archived"): it stays out of publishing, keeps its history and can be restored.',
    );
    expect(error.details).toEqual({ stores: ['Outlet', 'Web shop'] });
    expect((await getProduct(handle, account.id, product.id)).variants).toHaveLength(1);
    expect(await handle.db.selectFrom('product_link').select('id').where('product_id', '=', product.id).execute()).toHaveLength(2);
  });

  it('refuses a product with stock movements and leaves them readable by variant', async () => {
    const handle = getHandle();
    const account = await newAccount(handle);
    const product = await createProduct(handle, account.id, { name: 'Sold stool', variants: [{ sku: 'STOOL-1', price: '12' }] });
    await inTransaction(handle, (trx) => recordMovementIn(trx, account.id, { sku: 'STOOL-1', kind: 'receipt', quantity: 4 }));
    const error = await refusal(deleteLocalProduct(handle, account.id, product.id));
    expect(error.message).toMatch(/^"Sold stool" has stock history \(1 movement\), so it cannot be deleted/);
    expect((await listMovements(handle, account.id, { variantId: product.variants[0].id })).map((movement) => movement.quantity)).toEqual([4]);
    expect((await getProduct(handle, account.id, product.id)).variants[0].onHand).toBe(4);
  });

  it('deletes a product with neither, and takes it out of every publish selection', async () => {
    const handle = getHandle();
    const account = await newAccount(handle);
    const storeId = await insertStore(handle, account.id, 'Web shop');
    const doomed = await createProduct(handle, account.id, { name: 'Unsold vase', variants: [{ sku: 'VASE-1', price: '8' }] });
    const kept = await createProduct(handle, account.id, { name: 'Kept vase', variants: [{ sku: 'VASE-2', price: '8' }] });
    await saveSelection(handle, account.id, storeId, [doomed.id, kept.id]);
    await deleteLocalProduct(handle, account.id, doomed.id);
    await expect(getProduct(handle, account.id, doomed.id)).rejects.toThrow('That product does not exist.');
    expect(await handle.db.selectFrom('variant').select('id').where('product_id', '=', doomed.id).execute()).toEqual([]);
    const selected = await handle.db.selectFrom('publish_selection').select('product_id').where('store_id', '=', storeId).execute();
    expect(selected.map((row) => row.product_id)).toEqual([kept.id]);
    expect((await refusal(deleteLocalProduct(handle, account.id, doomed.id))).code).toBe('not_found');
  });
});

// SQLite writers take turns (BEGIN IMMEDIATE), so only PostgreSQL can overlap a movement and a delete.
describe.skipIf(!postgresServerUrl())('deleting a local product while a movement is written [postgres]', () => {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
  });
  afterAll(async () => {
    await database?.destroy();
  });

  it('a movement still being written when the delete starts is counted once it commits, not deleted', async () => {
    const handle = database!.handle;
    const account = await newAccount(handle);
    const product = await createProduct(handle, account.id, { name: 'Racing rug', variants: [{ sku: 'RUG-1', price: '90' }] });
    const other = await openDatabase({ ...database!.options, migrate: false });
    try {
      let commit!: () => void;
      const committed = new Promise<void>((resolve) => (commit = resolve));
      let written!: () => void;
      const movementWritten = new Promise<void>((resolve) => (written = resolve));
      const sale = other.db.transaction().execute(async (trx) => {
        await recordMovementIn(trx, account.id, { sku: 'RUG-1', kind: 'receipt', quantity: 2 });
        written();
        await committed;
      });
      await movementWritten;
      const deletion = deleteLocalProduct(handle, account.id, product.id).then(
        () => 'deleted',
        (error: unknown) => error,
      );
      // Let the movement commit only once the delete is waiting on a lock behind it.
      await untilSomeoneWaitsOnALock(handle);
      commit();
      await sale;
      const outcome = await deletion;
      expect(outcome).toBeInstanceOf(DomainError);
      expect((outcome as DomainError).code).toBe('has_history');
      expect(await listMovements(handle, account.id, { variantId: product.variants[0].id })).toHaveLength(1);
    } finally {
      await other.close();
    }
  });
});
