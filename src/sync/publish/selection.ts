// The user's saved choice of local products to put on a store ("See N Local Products").
import type { DatabaseHandle } from '../../db/handle.ts';
import { nowIso } from '../../db/ids.ts';
import { inTransaction } from '../../db/transaction.ts';
import { invalid } from '../../errors/domain-error.ts';
import { getStoreRow } from '../stores/store-view.ts';

export async function getSelection(handle: DatabaseHandle, accountId: string, storeId: string): Promise<string[]> {
  const rows = await handle.db
    .selectFrom('publish_selection')
    .select('product_id')
    .where('account_id', '=', accountId)
    .where('store_id', '=', storeId)
    .orderBy('created_at')
    .orderBy('product_id')
    .execute();
  return rows.map((row) => row.product_id);
}

/** Whether the user has saved a selection for the store (even an empty one); until then the Ecommerce flag preselects. */
export async function hasSavedSelection(handle: DatabaseHandle, accountId: string, storeId: string): Promise<boolean> {
  const store = await getStoreRow(handle.db, accountId, storeId);
  return store.selection_saved_at !== null;
}

/** Replaces the saved selection; every id must be a product of the account. */
export async function saveSelection(handle: DatabaseHandle, accountId: string, storeId: string, productIds: readonly string[]): Promise<string[]> {
  const unique = [...new Set(productIds)];
  await inTransaction(handle, async (trx) => {
    await getStoreRow(trx, accountId, storeId);
    for (let start = 0; start < unique.length; start += 500) {
      const chunk = unique.slice(start, start + 500);
      const found = await trx.selectFrom('product').select('id').where('account_id', '=', accountId).where('id', 'in', chunk).execute();
      if (found.length !== chunk.length) {
        const known = new Set(found.map((row) => row.id));
        throw invalid(`There is no product ${chunk.find((id) => !known.has(id))}.`);
      }
    }
    await trx.deleteFrom('publish_selection').where('account_id', '=', accountId).where('store_id', '=', storeId).execute();
    const now = nowIso();
    await trx.updateTable('store').set({ selection_saved_at: now }).where('account_id', '=', accountId).where('id', '=', storeId).execute();
    for (let start = 0; start < unique.length; start += 500) {
      const rows = unique.slice(start, start + 500).map((productId) => ({ account_id: accountId, store_id: storeId, product_id: productId, created_at: now }));
      if (rows.length > 0) await trx.insertInto('publish_selection').values(rows).execute();
    }
  });
  return unique;
}
