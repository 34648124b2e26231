// A variant new here that came from a store: linked to its remote variant, and the store's stock
// taken as its opening balance (nothing to push back). Used for new products and for variants
// added to a product that is already linked.
import type { RemoteVariant } from '../../channels/channel.ts';
import type { Executor } from '../../db/transaction.ts';
import { recordMovementIn } from '../../stock/record-movement.ts';
import type { StoreRow } from '../stores/store-view.ts';
import { insertVariantLink } from '../stores/variant-links.ts';

export async function linkWithOpeningStock(
  trx: Executor,
  store: StoreRow,
  productLinkId: string,
  variantId: string,
  remote: RemoteVariant,
  now: string,
): Promise<void> {
  await insertVariantLink(trx, { store, productLinkId, variantId, remote, knownQuantity: remote.quantity, dirty: false, now });
  if (remote.quantity !== null && remote.quantity > 0) {
    await recordMovementIn(trx, store.account_id, {
      variantId,
      kind: 'opening',
      quantity: remote.quantity,
      location: store.location_id,
      reason: `Opening stock imported from ${store.name}`,
      idempotencyKey: `import:${store.id}:${remote.remoteVariantId}`,
    });
  }
}
