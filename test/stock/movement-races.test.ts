import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/handle.ts';
import { recordMovement } from '../../src/stock/record-movement.ts';
import { listMovements } from '../../src/stock/stock-query.ts';
import { DomainError } from '../../src/errors/domain-error.ts';
import { untilSomeoneWaitsOnALock } from '../support/lock-waits.ts';
import { createTestDatabase, postgresServerUrl, type TestDatabase } from '../support/databases.ts';
import { newAccount, simpleProduct } from '../catalog/fixtures.ts';

// SQLite writers take turns (BEGIN IMMEDIATE); only PostgreSQL lets a movement's one statement
// find its variant and then meet that variant's delete committing underneath it.
describe.skipIf(!postgresServerUrl())('a movement racing the delete of its variant [postgres]', () => {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
  });
  afterAll(async () => {
    await database?.destroy();
  });

  it('is refused with the sentence for a missing variant, not a database error, and writes nothing', async () => {
    const handle = database!.handle;
    const account = await newAccount(handle);
    const product = await simpleProduct(handle, account.id, 'GONE-1');
    const other = await openDatabase({ ...database!.options, migrate: false });
    try {
      let commit!: () => void;
      const committed = new Promise<void>((resolve) => (commit = resolve));
      let deleted!: () => void;
      const deleteWritten = new Promise<void>((resolve) => (deleted = resolve));
      const deletion = other.db.transaction().execute(async (trx) => {
        await trx.deleteFrom('variant').where('id', '=', product.variants[0].id).execute();
        deleted();
        await committed;
      });
      await deleteWritten;
      const sale = recordMovement(handle, account.id, { sku: 'GONE-1', kind: 'sale', quantity: 1 }).then(
        () => 'recorded',
        (error: unknown) => error,
      );
      // Let the delete commit only once the sale's statement waits on the variant's row lock.
      await untilSomeoneWaitsOnALock(handle);
      commit();
      await deletion;
      const outcome = await sale;
      expect(outcome).toBeInstanceOf(DomainError);
      expect((outcome as DomainError).message).toBe('There is no variant with SKU "GONE-1".');
      expect(await listMovements(handle, account.id)).toEqual([]);
    } finally {
      await other.close();
    }
  });
});
