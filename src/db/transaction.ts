import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.ts';
import type { DatabaseHandle } from './handle.ts';

/** Either the database itself or an open transaction: what domain functions write through. */
export type Executor = Kysely<Database> | Transaction<Database>;

/**
 * The one way to write in a transaction on both dialects (SQLite: BEGIN IMMEDIATE, so two writers
 * queue on the lock instead of failing). Inside `fn`, use only `trx`, never `handle.db`.
 */
export async function inTransaction<T>(handle: DatabaseHandle, fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return handle.db.transaction().execute(fn);
}
