// A flag on the store: reconcile it at the next turn of the sync loop (the pusher met a quantity
// that the store's orders do not explain).
import type { Executor } from '../../db/transaction.ts';

export async function requestReconcile(db: Executor, accountId: string, storeId: string): Promise<void> {
  await db
    .insertInto('store_sync_state')
    .values({ store_id: storeId, account_id: accountId, reconcile_requested: 1 })
    .onConflict((oc) => oc.column('store_id').doUpdateSet({ reconcile_requested: 1 }))
    .execute();
}

export async function reconcileRequested(db: Executor, storeId: string): Promise<boolean> {
  const row = await db.selectFrom('store_sync_state').select('reconcile_requested').where('store_id', '=', storeId).executeTakeFirst();
  return Number(row?.reconcile_requested ?? 0) === 1;
}

export async function clearReconcileRequest(db: Executor, storeId: string, at: string): Promise<void> {
  await db.updateTable('store_sync_state').set({ reconcile_requested: 0, last_reconcile_at: at }).where('store_id', '=', storeId).execute();
}
