// Linking a product the store now holds (created or found) to the local product: one product link
// and a variant link per variant, matched by SKU. Stock links start dirty so the pusher checks
// the store's quantity against the ledger at send time (a sale between draft and link is not lost).
import type { RemoteProduct } from '../../channels/channel.ts';
import { nameKey } from '../../accounts/names.ts';
import { newId, nowIso } from '../../db/ids.ts';
import type { Executor } from '../../db/transaction.ts';
import type { ProductDraft } from '../../channels/channel.ts';
import type { StoreRow } from '../stores/store-view.ts';
import { insertVariantLink } from '../stores/variant-links.ts';

export interface LinkOutcome {
  /** Local variants the store's product lacks (the product update pusher adds them). */
  missingOnStore: string[];
}

export async function linkPublishedProduct(
  trx: Executor,
  store: StoreRow,
  draft: ProductDraft,
  remote: RemoteProduct,
  options: { quantitiesSet: boolean },
): Promise<LinkOutcome> {
  const now = nowIso();
  const productLinkId = newId();
  const missing: string[] = [];
  const remoteBySku = new Map(remote.variants.filter((v) => v.sku).map((v) => [nameKey(v.sku!), v]));
  const taken = new Set(
    (
      await trx
        .selectFrom('variant_link')
        .select('remote_variant_id')
        .where('store_id', '=', store.id)
        .where('remote_variant_id', 'in', remote.variants.map((v) => v.remoteVariantId).concat(['']))
        .execute()
    ).map((row) => row.remote_variant_id),
  );
  await trx
    .insertInto('product_link')
    .values({
      id: productLinkId,
      account_id: store.account_id,
      store_id: store.id,
      product_id: draft.localProductId,
      remote_product_id: remote.remoteProductId,
      handle: remote.handle,
      dirty: 0,
      dirty_generation: 0,
      created_at: now,
      updated_at: now,
    })
    .execute();
  for (const variant of draft.variants) {
    const match = remoteBySku.get(nameKey(variant.sku));
    if (!match || taken.has(match.remoteVariantId)) {
      missing.push(variant.sku);
      continue;
    }
    const known = match.quantity ?? (options.quantitiesSet ? variant.quantity : null);
    await insertVariantLink(trx, {
      store,
      productLinkId,
      variantId: variant.localVariantId,
      remote: match,
      knownQuantity: known,
      pushedQuantity: options.quantitiesSet ? variant.quantity : null,
      dirty: true,
      now,
    });
  }
  if (missing.length > 0) {
    await trx.updateTable('product_link').set({ dirty: 1, dirty_generation: 1 }).where('id', '=', productLinkId).execute();
  }
  return { missingOnStore: missing };
}
