// One driver per store at a time (DESIGN "Scale-out"): a lease row, taken by a conditional write,
// so two workers never spend one store's rate budget twice or push the same links at once.
import type { DatabaseHandle } from '../../db/handle.ts';
import { inTransaction } from '../../db/transaction.ts';

export const STORE_LEASE_MS = 30_000;

export async function takeStoreLease(handle: DatabaseHandle, accountId: string, storeId: string, holder: string, leaseMs = STORE_LEASE_MS): Promise<boolean> {
  const now = new Date();
  const expiresAt = new Date(now.getTime() + leaseMs).toISOString();
  return inTransaction(handle, async (trx) => {
    let query = trx.selectFrom('store_sync_lease').select(['holder', 'expires_at']).where('store_id', '=', storeId);
    if (handle.dialect === 'postgres') query = query.forUpdate();
    const current = await query.executeTakeFirst();
    if (!current) {
      await trx
        .insertInto('store_sync_lease')
        .values({ store_id: storeId, account_id: accountId, holder, expires_at: expiresAt })
        .onConflict((oc) => oc.column('store_id').doNothing())
        .execute();
      const now = await trx.selectFrom('store_sync_lease').select('holder').where('store_id', '=', storeId).executeTakeFirst();
      return now?.holder === holder;
    }
    if (current.holder !== holder && current.expires_at > now.toISOString()) return false;
    await trx.updateTable('store_sync_lease').set({ holder, expires_at: expiresAt }).where('store_id', '=', storeId).execute();
    return true;
  });
}

export async function releaseStoreLease(handle: DatabaseHandle, storeId: string, holder: string): Promise<void> {
  await handle.db.deleteFrom('store_sync_lease').where('store_id', '=', storeId).where('holder', '=', holder).execute();
}
