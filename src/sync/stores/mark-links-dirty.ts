// Dirty marks on links: "the store may differ from what it should show". Each mark bumps a
// generation, so a pusher that read generation G clears the mark only if it is still G
// (a change made while it was sending is not lost).
import { sql } from 'kysely';
import type { Executor } from '../../db/transaction.ts';
import { nowIso } from '../../db/ids.ts';

/** Every variant link of the store (its buffer or mapped location changed). */
export async function markStoreStockDirty(db: Executor, storeId: string): Promise<void> {
  await db
    .updateTable('variant_link')
    .set({ dirty: 1, dirty_generation: sql`dirty_generation + 1`, updated_at: nowIso() })
    .where('store_id', '=', storeId)
    .execute();
}

/** Variant links of these local variants (on every store, or one). */
export async function markVariantStockDirty(db: Executor, accountId: string, variantIds: readonly string[], storeId?: string): Promise<void> {
  if (variantIds.length === 0) return;
  let query = db
    .updateTable('variant_link')
    .set({ dirty: 1, dirty_generation: sql`dirty_generation + 1`, updated_at: nowIso() })
    .where('account_id', '=', accountId)
    .where('variant_id', 'in', [...variantIds]);
  if (storeId) query = query.where('store_id', '=', storeId);
  await query.execute();
}

/** Product links of this local product on every store: its master fields changed. */
export async function markProductLinksDirty(db: Executor, accountId: string, productId: string): Promise<number> {
  const result = await db
    .updateTable('product_link')
    .set({ dirty: 1, dirty_generation: sql`dirty_generation + 1`, updated_at: nowIso() })
    .where('account_id', '=', accountId)
    .where('product_id', '=', productId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
