// Bringing one linked product on a store in line with its master fields (DESIGN rule 8): title,
// options, variants, SKUs, barcodes and prices go out through channel.updateProduct, which never
// touches description, images, categories or status. Variants only the store has are kept and
// reported; new local variants are linked; each linked variant goes out with its remote id, so the
// connector finds it even when its SKU changed; a linked variant the store replaced (new id, the
// draft's SKU) is followed; a product deleted on the store is unlinked and reported, never deleted here.
import { nameKey } from '../../accounts/names.ts';
import { sql } from 'kysely';
import type { Channel, ProductDraft, RemoteVariant } from '../../channels/channel.ts';
import type { DatabaseHandle } from '../../db/handle.ts';
import { newId, nowIso } from '../../db/ids.ts';
import { inTransaction, type Executor } from '../../db/transaction.ts';
import type { StoreRow } from '../stores/store-view.ts';
import { insertVariantLink } from '../stores/variant-links.ts';
import { loadSourceProducts } from '../publish/local-product-source.ts';
import { buildDraft, fitFor } from '../publish/product-draft.ts';

export interface DirtyProductLink {
  id: string;
  product_id: string;
  remote_product_id: string;
  dirty_generation: number;
}

export type ProductUpdateOutcome =
  | { kind: 'updated'; name: string; keptRemoteOnly: string[]; newlyLinked: number; relinked: number }
  | { kind: 'unlinked'; name: string; reason: string }
  | { kind: 'blocked'; name: string; reason: string };

async function unlink(db: Executor, linkId: string): Promise<void> {
  await db.deleteFrom('variant_link').where('product_link_id', '=', linkId).execute();
  await db.deleteFrom('product_link').where('id', '=', linkId).execute();
}

/** Clears the mark unless the product was marked again meanwhile; the link is now in line. */
async function settle(db: Executor, link: DirtyProductLink): Promise<void> {
  await db
    .updateTable('product_link')
    .set({ dirty: 0, updated_at: nowIso() })
    .where('id', '=', link.id)
    .where('dirty_generation', '=', link.dirty_generation)
    .execute();
}

/**
 * A linked variant the store no longer holds, whose SKU is now on another store variant, was
 * replaced by the connector (BigCommerce cannot change a variant's option values in place): the
 * link follows it, with the new variant's quantity as last known and marked for the stock push.
 * Returns how many links moved.
 */
async function followReplacedVariants(
  trx: Executor,
  store: StoreRow,
  draft: ProductDraft,
  links: Array<{ id: string; variant_id: string; remote_variant_id: string }>,
  remoteVariants: RemoteVariant[],
  remoteBySku: Map<string, RemoteVariant>,
  now: string,
): Promise<number> {
  const onStore = new Set(remoteVariants.map((v) => v.remoteVariantId));
  const skuOf = new Map(draft.variants.map((v) => [v.localVariantId, v.sku]));
  let moved = 0;
  for (const link of links) {
    if (onStore.has(link.remote_variant_id)) continue;
    const match = remoteBySku.get(nameKey(skuOf.get(link.variant_id) ?? ''));
    if (!match) continue; // stays as it is; the next update or reconcile reports it
    const clash = await trx.selectFrom('variant_link').select('id').where('store_id', '=', store.id).where('remote_variant_id', '=', match.remoteVariantId).executeTakeFirst();
    if (clash) continue;
    await trx
      .updateTable('variant_link')
      .set({
        remote_variant_id: match.remoteVariantId,
        inventory_ref: match.inventoryRef,
        last_known_remote_qty: match.quantity,
        last_pushed_qty: null,
        dirty: 1,
        dirty_generation: sql`dirty_generation + 1`,
        updated_at: now,
      })
      .where('id', '=', link.id)
      .execute();
    moved += 1;
  }
  return moved;
}

export async function pushProductUpdate(handle: DatabaseHandle, store: StoreRow, channel: Channel, link: DirtyProductLink): Promise<ProductUpdateOutcome> {
  const product = (await loadSourceProducts(handle.db, store.account_id, [link.product_id])).get(link.product_id);
  if (!product) {
    await inTransaction(handle, (trx) => unlink(trx, link.id));
    return { kind: 'unlinked', name: link.product_id, reason: 'the product was deleted in Stockroom; it is left on the store and unlinked' };
  }
  const remote = await channel.getProduct(link.remote_product_id);
  if (!remote) {
    await inTransaction(handle, (trx) => unlink(trx, link.id));
    return { kind: 'unlinked', name: product.name, reason: 'the product was deleted on the store; it is unlinked and kept in Stockroom' };
  }
  const fit = fitFor(product, channel.limits, store);
  if (fit.kind === 'blocked') {
    await settle(handle.db, link);
    return { kind: 'blocked', name: product.name, reason: `not updated on the store: ${fit.reason}` };
  }
  const built = await buildDraft(handle.db, store, product, fit);
  const linkedRemote = new Map(
    (await handle.db.selectFrom('variant_link').select(['variant_id', 'remote_variant_id']).where('product_link_id', '=', link.id).execute()).map((l) => [l.variant_id, l.remote_variant_id]),
  );
  const draft: ProductDraft = { ...built, variants: built.variants.map((v) => ({ ...v, remoteVariantId: linkedRemote.get(v.localVariantId) })) };
  const result = await channel.updateProduct(link.remote_product_id, draft);

  let newlyLinked = 0;
  let relinked = 0;
  await inTransaction(handle, async (trx) => {
    const links = await trx.selectFrom('variant_link').select(['id', 'variant_id', 'remote_variant_id']).where('product_link_id', '=', link.id).execute();
    const localIds = new Set(draft.variants.map((v) => v.localVariantId));
    const linkedLocal = new Set(links.map((l) => l.variant_id));
    const takenRemote = new Set(links.map((l) => l.remote_variant_id));
    // A variant deleted here stays on the store (reported by the connector as remote-only); its link goes.
    const stale = links.filter((l) => !localIds.has(l.variant_id)).map((l) => l.id);
    if (stale.length > 0) await trx.deleteFrom('variant_link').where('id', 'in', stale).execute();
    const remoteBySku = new Map(result.product.variants.filter((v) => v.sku).map((v) => [nameKey(v.sku!), v]));
    const now = nowIso();
    relinked = await followReplacedVariants(trx, store, draft, links.filter((l) => localIds.has(l.variant_id)), result.product.variants, remoteBySku, now);
    for (const variant of draft.variants) {
      if (linkedLocal.has(variant.localVariantId)) continue;
      const match = remoteBySku.get(nameKey(variant.sku));
      if (!match || takenRemote.has(match.remoteVariantId)) continue;
      const clash = await trx.selectFrom('variant_link').select('id').where('store_id', '=', store.id).where('remote_variant_id', '=', match.remoteVariantId).executeTakeFirst();
      if (clash) continue;
      await insertVariantLink(trx, { store, productLinkId: link.id, variantId: variant.localVariantId, remote: match, knownQuantity: match.quantity, dirty: true, now });
      newlyLinked += 1;
    }
    await settle(trx, link);
  });
  return { kind: 'updated', name: product.name, keptRemoteOnly: result.keptRemoteOnly, newlyLinked, relinked };
}
