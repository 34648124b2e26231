// Writing a variant link: the one place its columns are filled in (import, publish and product
// updates all link variants).
import type { RemoteVariant } from '../../channels/channel.ts';
import { newId } from '../../db/ids.ts';
import type { Executor } from '../../db/transaction.ts';
import type { StoreRow } from './store-view.ts';

export interface NewVariantLink {
  store: Pick<StoreRow, 'id' | 'account_id'>;
  productLinkId: string;
  variantId: string;
  remote: Pick<RemoteVariant, 'remoteVariantId' | 'inventoryRef'>;
  /** The quantity the store is known to hold, or null. */
  knownQuantity: number | null;
  /** The quantity just written to the store (publish with quantities), or null. */
  pushedQuantity?: number | null;
  /** Start dirty: the stock pusher compares the store with the ledger at send time. */
  dirty: boolean;
  now: string;
}

export async function insertVariantLink(db: Executor, link: NewVariantLink): Promise<void> {
  await db
    .insertInto('variant_link')
    .values({
      id: newId(),
      account_id: link.store.account_id,
      store_id: link.store.id,
      product_link_id: link.productLinkId,
      variant_id: link.variantId,
      remote_variant_id: link.remote.remoteVariantId,
      inventory_ref: link.remote.inventoryRef,
      last_known_remote_qty: link.knownQuantity,
      last_pushed_qty: link.pushedQuantity ?? null,
      dirty: link.dirty ? 1 : 0,
      dirty_generation: link.dirty ? 1 : 0,
      created_at: link.now,
      updated_at: link.now,
    })
    .execute();
}
