// The durable "this variant's stock at this location changed" marks (DESIGN rules 1 and 2).
// The ledger upserts a mark in the same transaction as each movement; the sync engine takes marks,
// brings the stores in line, then clears each mark only if no newer movement bumped it meanwhile.
import { sql } from 'kysely';
import { query, runSteps, type SqlSteps } from '../db/sql-steps.ts';
import type { DatabaseHandle } from '../db/handle.ts';
import type { Executor } from '../db/transaction.ts';

export interface ChangeMark {
  accountId: string;
  variantId: string;
  locationId: string;
  generation: number;
}

/** The ledger's step inside each movement's transaction: bump the mark's generation. */
export function* changeMarkSteps(accountId: string, variantId: string, locationId: string): SqlSteps<void> {
  yield* query(
    'insert into stock_change_mark (account_id, variant_id, location_id, generation) values (?, ?, ?, 1) on conflict (variant_id, location_id) do update set generation = stock_change_mark.generation + 1',
    [accountId, variantId, locationId],
  );
}

/** The same for a caller holding a transaction. */
export async function markStockChanged(trx: Executor, accountId: string, variantId: string, locationId: string): Promise<void> {
  await runSteps(trx, changeMarkSteps(accountId, variantId, locationId));
}

/** Up to `limit` pending marks, of any account. */
export async function takeChangeMarks(handle: DatabaseHandle, limit: number): Promise<ChangeMark[]> {
  const rows = await handle.db
    .selectFrom('stock_change_mark')
    .select(['account_id', 'variant_id', 'location_id', 'generation'])
    .orderBy('account_id')
    .orderBy('variant_id')
    .orderBy('location_id')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    accountId: row.account_id,
    variantId: row.variant_id,
    locationId: row.location_id,
    generation: Number(row.generation),
  }));
}

/** Marks per DELETE statement: 3 parameters each, well under SQLite's and PostgreSQL's limits. */
const CLEAR_CHUNK = 500;

/** Deletes each mark whose generation is still the one taken; returns how many were deleted. */
export async function clearChangeMarks(handle: DatabaseHandle | Executor, marks: ChangeMark[]): Promise<number> {
  const db = 'db' in handle ? handle.db : handle;
  let cleared = 0;
  for (let start = 0; start < marks.length; start += CLEAR_CHUNK) {
    const chunk = marks.slice(start, start + CLEAR_CHUNK);
    // One statement per chunk; a mark bumped since it was taken no longer matches its generation.
    const rows = sql.join(chunk.map((mark) => sql`(${mark.variantId}, ${mark.locationId}, cast(${mark.generation} as bigint))`));
    const result = await sql`delete from stock_change_mark where (variant_id, location_id, generation) in (values ${rows})`.execute(db);
    cleared += Number(result.numAffectedRows ?? 0);
  }
  return cleared;
}
