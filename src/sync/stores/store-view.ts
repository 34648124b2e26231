// A connected store as callers see it (never its credentials), and loading a store row scoped to
// its account.
import type { Selectable } from 'kysely';
import type { Executor } from '../../db/transaction.ts';
import { notFound } from '../../errors/domain-error.ts';
import type { AttributePolicy, StoreState, StoreTable } from './store-tables.ts';

export type StoreRow = Selectable<StoreTable>;

export interface StoreView {
  id: string;
  platform: string;
  name: string;
  url: string;
  state: StoreState;
  locationId: string;
  location: string;
  ordersLocationId: string;
  ordersLocation: string;
  buffer: number;
  attributePolicy: AttributePolicy;
  remoteLocationId: string | null;
  webhooks: boolean;
  linkedProducts: number;
  linkedVariants: number;
  /** Variant links whose store quantity is waiting to be pushed. */
  pendingStock: number;
  /** Product links whose master fields are waiting to be pushed. */
  pendingProducts: number;
  lastSyncAt: string | null;
  lastError: string | null;
  createdAt: string;
}

export async function getStoreRow(db: Executor, accountId: string, storeId: string): Promise<StoreRow> {
  const store = await db.selectFrom('store').selectAll().where('account_id', '=', accountId).where('id', '=', storeId).executeTakeFirst();
  if (!store) throw notFound(`There is no store ${storeId}.`);
  return store;
}

export async function storeViews(db: Executor, accountId: string, storeId?: string): Promise<StoreView[]> {
  let query = db
    .selectFrom('store')
    .innerJoin('location as shown', 'shown.id', 'store.location_id')
    .innerJoin('location as orders', 'orders.id', 'store.orders_location_id')
    .selectAll('store')
    .select(['shown.name as location_name', 'orders.name as orders_location_name'])
    .select((eb) => [
      eb.selectFrom('product_link').whereRef('product_link.store_id', '=', 'store.id').select(eb.fn.countAll<number>().as('n')).as('linked_products'),
      eb.selectFrom('variant_link').whereRef('variant_link.store_id', '=', 'store.id').select(eb.fn.countAll<number>().as('n')).as('linked_variants'),
      eb
        .selectFrom('variant_link')
        .whereRef('variant_link.store_id', '=', 'store.id')
        .where('variant_link.dirty', '=', 1)
        .select(eb.fn.countAll<number>().as('n'))
        .as('pending_stock'),
      eb
        .selectFrom('product_link')
        .whereRef('product_link.store_id', '=', 'store.id')
        .where('product_link.dirty', '=', 1)
        .select(eb.fn.countAll<number>().as('n'))
        .as('pending_products'),
    ])
    .where('store.account_id', '=', accountId);
  if (storeId) query = query.where('store.id', '=', storeId);
  const rows = await query.orderBy('store.created_at').orderBy('store.id').execute();
  return rows.map((row) => ({
    id: row.id,
    platform: row.platform,
    name: row.name,
    url: row.url,
    state: row.state,
    locationId: row.location_id,
    location: row.location_name,
    ordersLocationId: row.orders_location_id,
    ordersLocation: row.orders_location_name,
    buffer: Number(row.buffer),
    attributePolicy: row.attribute_policy,
    remoteLocationId: row.remote_location_id,
    webhooks: Number(row.webhooks_registered) === 1,
    linkedProducts: Number(row.linked_products ?? 0),
    linkedVariants: Number(row.linked_variants ?? 0),
    pendingStock: Number(row.pending_stock ?? 0),
    pendingProducts: Number(row.pending_products ?? 0),
    lastSyncAt: row.last_sync_at,
    lastError: row.last_error,
    createdAt: row.created_at,
  }));
}

export async function getStoreView(db: Executor, accountId: string, storeId: string): Promise<StoreView> {
  const [view] = await storeViews(db, accountId, storeId);
  if (!view) throw notFound(`There is no store ${storeId}.`);
  return view;
}
