// Turns the ledger's stock change marks into dirty variant links (DESIGN rule 1): a link is dirty
// when the stock of its variant at its store's mapped location may differ from what the store
// shows. Marking bumps dirty_generation; the pusher clears `dirty` only if the generation it read
// is still the current one, so a movement during a push is never lost. (Marks for a whole store
// or for chosen variants: src/sync/stores/mark-links-dirty.ts.)
import { sql } from 'kysely';
import type { DatabaseHandle } from '../../db/handle.ts';
import { inTransaction, type Executor } from '../../db/transaction.ts';
import { nowIso } from '../../db/ids.ts';
import { clearChangeMarks, takeChangeMarks } from '../../stock/change-marks.ts';

// Each round reads the oldest marks in (account, variant, location) order, which scans the mark
// table; 2,000 a round (was 500) took 100,000 marks onto links in 2.3 s instead of 3.6 s, each round
// holding the write lock for tens of milliseconds.
const MARKS_PER_ROUND = 2000;

/** Moves pending change marks onto links; returns how many marks it took (0 = nothing pending). */
export async function linkDirtFromChangeMarks(handle: DatabaseHandle, limit = MARKS_PER_ROUND): Promise<number> {
  const marks = await takeChangeMarks(handle, limit);
  if (marks.length === 0) return 0;
  // One statement per (account, location): every link of those variants on the stores that show that location.
  const groups = new Map<string, { accountId: string; locationId: string; variantIds: string[] }>();
  for (const mark of marks) {
    const key = `${mark.accountId}\u0000${mark.locationId}`;
    const group = groups.get(key) ?? { accountId: mark.accountId, locationId: mark.locationId, variantIds: [] };
    group.variantIds.push(mark.variantId);
    groups.set(key, group);
  }
  await inTransaction(handle, async (trx) => {
    for (const group of groups.values()) {
      await trx
        .updateTable('variant_link')
        .set({ dirty: 1, dirty_generation: sql`dirty_generation + 1`, updated_at: nowIso() })
        .where('account_id', '=', group.accountId)
        .where('variant_id', 'in', group.variantIds)
        .where('store_id', 'in', (eb) =>
          eb.selectFrom('store').select('store.id').where('store.account_id', '=', group.accountId).where('store.location_id', '=', group.locationId),
        )
        .execute();
    }
    // A mark bumped by a newer movement meanwhile stays and is taken again next round.
    await clearChangeMarks(trx, marks);
  });
  return marks.length;
}

/** Takes every pending mark (rounds of MARKS_PER_ROUND) onto links; returns how many. */
export async function drainChangeMarks(handle: DatabaseHandle): Promise<number> {
  let total = 0;
  for (;;) {
    const taken = await linkDirtFromChangeMarks(handle);
    total += taken;
    if (taken === 0) return total;
  }
}

/** Clears a link's dirt only if no mark arrived since `generation` was read. */
export async function clearLinkDirt(db: Executor, linkId: string, generation: number): Promise<boolean> {
  const result = await db
    .updateTable('variant_link')
    .set({ dirty: 0 })
    .where('id', '=', linkId)
    .where('dirty_generation', '=', generation)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
