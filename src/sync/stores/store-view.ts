// A connected store as callers see it (never its credentials), and loading a store row scoped to
// its account.
import type { Selectable } from 'kysely';
import type { Executor } from '../../db/transaction.ts';
import { notFound } from '../../errors/domain-error.ts';
import type { ChannelLimits } from '../../channels/channel.ts';
import { loadChannelLimits } from '../../channels/registry.ts';
import { existingStoreGovernor } from '../governor/store-governors.ts';
import type { GovernorObservation } from '../governor/request-governor.ts';
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
  /** What the platform's connector declares: what a product may have, rows per quantity write, the request budget. */
  limits: StoreLimits;
  /** What this process's governor last heard from the store; null while this process has not spoken to it. */
  governor: GovernorObservation | null;
  /** The last finished reconcile (scheduled, requested, or by hand); null before the first. */
  lastReconcile: LastReconcile | null;
}

export type StoreLimits = Pick<ChannelLimits, 'maxOptions' | 'maxVariants' | 'quantityBatchSize' | 'rateBudget'>;

export interface LastReconcile {
  /** Linked variants whose store quantity differed from what it should be. */
  found: number;
  /** Of those, how many it set right (0 for a dry run). */
  fixed: number;
  dryRun: boolean;
  /** When it finished. */
  at: string;
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
    // The store's last finished reconcile run, if any.
    .leftJoin('reconcile_run as last_run', (join) =>
      join.on((eb) =>
        eb(
          'last_run.id',
          '=',
          eb
            .selectFrom('reconcile_run')
            .select('reconcile_run.id')
            .whereRef('reconcile_run.store_id', '=', 'store.id')
            .where('reconcile_run.state', '=', 'done')
            .orderBy('reconcile_run.started_at', 'desc')
            .orderBy('reconcile_run.id', 'desc')
            .limit(1),
        ),
      ),
    )
    .selectAll('store')
    .select(['shown.name as location_name', 'orders.name as orders_location_name'])
    .select(['last_run.drift_found', 'last_run.drift_fixed', 'last_run.dry_run', 'last_run.finished_at as reconciled_at'])
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
  const limits = new Map<string, StoreLimits>();
  for (const platform of new Set(rows.map((row) => row.platform))) {
    const { maxOptions, maxVariants, quantityBatchSize, rateBudget } = await loadChannelLimits(platform);
    limits.set(platform, { maxOptions, maxVariants, quantityBatchSize, rateBudget });
  }
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
    limits: limits.get(row.platform)!,
    governor: existingStoreGovernor(row.id)?.observation() ?? null,
    lastReconcile:
      row.reconciled_at === null || row.reconciled_at === undefined
        ? null
        : { found: Number(row.drift_found), fixed: Number(row.drift_fixed), dryRun: Number(row.dry_run) === 1, at: row.reconciled_at },
  }));
}

export async function getStoreView(db: Executor, accountId: string, storeId: string): Promise<StoreView> {
  const [view] = await storeViews(db, accountId, storeId);
  if (!view) throw notFound(`There is no store ${storeId}.`);
  return view;
}
