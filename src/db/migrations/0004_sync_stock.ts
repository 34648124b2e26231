// The stock side of the sync engine: per-store driver leases, push back-off per link, webhook
// deliveries (de-duplication and durable hints), what each order line has put into the ledger,
// and reconcile runs. Row types: src/sync/stock-tables.ts. Timestamps are ISO-8601 UTC text.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('store_sync_lease')
    .addColumn('store_id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('holder', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('stock_push_backoff')
    .addColumn('variant_link_id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('store_id', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('retry_at', 'text', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('stock_push_backoff_store_idx').on('stock_push_backoff').columns(['store_id', 'retry_at']).execute();

  await db.schema
    .createTable('webhook_delivery')
    .addColumn('store_id', 'text', (c) => c.notNull())
    .addColumn('delivery_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('remote_id', 'text')
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('processed_at', 'text')
    .addColumn('outcome', 'text')
    .addPrimaryKeyConstraint('webhook_delivery_pk', ['store_id', 'delivery_id'])
    .execute();
  await db.schema.createIndex('webhook_delivery_pending_idx').on('webhook_delivery').columns(['store_id', 'processed_at']).execute();

  await db.schema
    .createTable('order_line_intake')
    .addColumn('store_id', 'text', (c) => c.notNull())
    .addColumn('remote_order_id', 'text', (c) => c.notNull())
    .addColumn('line_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('variant_id', 'text')
    .addColumn('counted_qty', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('restocked_qty', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('order_line_intake_pk', ['store_id', 'remote_order_id', 'line_id'])
    .execute();

  await db.schema
    .createTable('reconcile_run')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('store_id', 'text', (c) => c.notNull())
    .addColumn('dry_run', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('drift_found', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('drift_fixed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error', 'text')
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('reconcile_run_store_idx').on('reconcile_run').columns(['store_id', 'started_at']).execute();

  await db.schema
    .createTable('store_sync_state')
    .addColumn('store_id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('reconcile_requested', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_reconcile_at', 'text')
    .addColumn('last_order_poll_at', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['store_sync_state', 'reconcile_run', 'order_line_intake', 'webhook_delivery', 'stock_push_backoff', 'store_sync_lease']) {
    await db.schema.dropTable(table).execute();
  }
}
