// Which stores each local product is on, and whether each link is in step: for the inventory
// grid's Ecommerce columns (store links, sync state).
import type { Executor } from '../../db/transaction.ts';

export type LinkSyncState = 'in step' | 'changes waiting' | 'error';

export interface ProductStoreLink {
  productId: string;
  storeId: string;
  storeName: string;
  platform: string;
  remoteProductId: string;
  /** 'changes waiting' while master fields or stock are still to be pushed; 'error' when the store is in error. */
  syncState: LinkSyncState;
  lastError: string | null;
}

export async function productStoreLinks(db: Executor, accountId: string, productIds: readonly string[]): Promise<ProductStoreLink[]> {
  const links: ProductStoreLink[] = [];
  for (let start = 0; start < productIds.length; start += 500) {
    const rows = await db
      .selectFrom('product_link')
      .innerJoin('store', 'store.id', 'product_link.store_id')
      .select([
        'product_link.product_id',
        'product_link.store_id',
        'product_link.remote_product_id',
        'product_link.dirty',
        'store.name',
        'store.platform',
        'store.state',
        'store.last_error',
      ])
      .select((eb) =>
        eb
          .selectFrom('variant_link')
          .whereRef('variant_link.product_link_id', '=', 'product_link.id')
          .where('variant_link.dirty', '=', 1)
          .select(eb.fn.countAll<number>().as('n'))
          .as('dirty_variants'),
      )
      .where('product_link.account_id', '=', accountId)
      .where('product_link.product_id', 'in', productIds.slice(start, start + 500))
      .orderBy('product_link.product_id')
      .orderBy('store.name')
      .execute();
    for (const row of rows) {
      const waiting = Number(row.dirty) === 1 || Number(row.dirty_variants ?? 0) > 0;
      links.push({
        productId: row.product_id,
        storeId: row.store_id,
        storeName: row.name,
        platform: row.platform,
        remoteProductId: row.remote_product_id,
        syncState: row.state === 'error' ? 'error' : waiting ? 'changes waiting' : 'in step',
        lastError: row.last_error,
      });
    }
  }
  return links;
}
