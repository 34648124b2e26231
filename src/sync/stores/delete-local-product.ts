// Deleting a local product, as the API offers it. A product on a store is refused (409 has_history):
// deleting it here would leave it on sale there with nothing to keep its stock right, and its
// orders would name a variant Stockroom no longer has. Archiving keeps the product and its links.
// The catalogue then refuses one with stock movements (catalog/stock-history.ts). A product with
// neither goes, with its place in any store's publish selection, in one transaction.
import type { DatabaseHandle } from '../../db/handle.ts';
import { inTransaction } from '../../db/transaction.ts';
import { DomainError } from '../../errors/domain-error.ts';
import { deleteProductIn } from '../../catalog/products.ts';
import { ARCHIVE_INSTEAD } from '../../catalog/stock-history.ts';

export async function deleteLocalProduct(handle: DatabaseHandle, accountId: string, productId: string): Promise<void> {
  await inTransaction(handle, async (trx) => {
    const stores = await trx
      .selectFrom('product_link')
      .innerJoin('store', 'store.id', 'product_link.store_id')
      .innerJoin('product', 'product.id', 'product_link.product_id')
      .select(['store.name as storeName', 'product.name as productName'])
      .where('product_link.account_id', '=', accountId)
      .where('product_link.product_id', '=', productId)
      .orderBy('store.name')
      .execute();
    if (stores.length > 0) {
      const names = stores.map((store) => store.storeName);
      throw new DomainError(
        'has_history',
        `"${stores[0].productName}" is on ${names.length === 1 ? 'the store' : `${names.length} stores:`} ${names.join(', ')}, so it cannot be deleted: the store would keep selling it with nothing to keep its stock right. ${ARCHIVE_INSTEAD}`,
        { stores: names },
      );
    }
    await deleteProductIn(trx, accountId, productId);
    await trx.deleteFrom('publish_selection').where('account_id', '=', accountId).where('product_id', '=', productId).execute();
  });
}
