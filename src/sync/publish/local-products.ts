// `store local-products ID`: the local products not linked to the store, whether each is
// preselected (its Ecommerce flag), whether it is in the saved selection, and whether it fits.
import type { DatabaseHandle } from '../../db/handle.ts';
import { openStoreChannel } from '../stores/store-channel.ts';
import { fitLabel } from './fit.ts';
import { loadSourceProducts } from './local-product-source.ts';
import { fitFor } from './product-draft.ts';
import { getSelection } from './selection.ts';

export interface LocalProductRow {
  productId: string;
  name: string;
  preselected: boolean;
  fits: string;
  /** In the user's saved selection (API only; the CLI prints the four fields CONTRACT.md names). */
  selected: boolean;
}

export async function unlinkedProductIds(handle: DatabaseHandle, accountId: string, storeId: string, options: { flaggedOnly?: boolean } = {}): Promise<string[]> {
  let query = handle.db
    .selectFrom('product')
    .select('product.id')
    .where('product.account_id', '=', accountId)
    .where('product.status', '!=', 'archived')
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom('product_link').select('product_link.id').whereRef('product_link.product_id', '=', 'product.id').where('product_link.store_id', '=', storeId))),
    );
  if (options.flaggedOnly) query = query.where('product.ecommerce', '=', 1);
  const rows = await query.orderBy('product.name').orderBy('product.id').execute();
  return rows.map((row) => row.id);
}

export async function listLocalProducts(handle: DatabaseHandle, accountId: string, storeId: string, options: { secret?: string } = {}): Promise<LocalProductRow[]> {
  const { store, channel } = await openStoreChannel(handle.db, accountId, storeId, options);
  const ids = await unlinkedProductIds(handle, accountId, storeId);
  const products = await loadSourceProducts(handle.db, accountId, ids);
  const selected = new Set(await getSelection(handle, accountId, storeId));
  return ids.flatMap((id) => {
    const product = products.get(id);
    if (!product) return [];
    return [{ productId: id, name: product.name, preselected: product.ecommerce, fits: fitLabel(fitFor(product, channel.limits, store)), selected: selected.has(id) }];
  });
}
