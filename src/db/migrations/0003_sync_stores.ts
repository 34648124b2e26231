// The sync engine's foundation: connected stores, links between local and remote catalogue rows,
// the publish selection, durable jobs with per-item results, and the sync log.
// Types for these tables: src/sync/stores/store-tables.ts, src/jobs/job-tables.ts,
// src/sync/sync-log/sync-log-table.ts. Timestamps are ISO-8601 UTC text; flags are 0/1 integers.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('store')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('credentials_encrypted', 'text', (c) => c.notNull())
    .addColumn('location_id', 'text', (c) => c.notNull())
    .addColumn('orders_location_id', 'text', (c) => c.notNull())
    .addColumn('buffer', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('attribute_policy', 'text', (c) => c.notNull().defaultTo('merge'))
    .addColumn('remote_location_id', 'text')
    .addColumn('order_cursor', 'text')
    .addColumn('order_cursor_started_at', 'text', (c) => c.notNull())
    .addColumn('webhook_secret_encrypted', 'text')
    .addColumn('webhooks_registered', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('last_sync_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('store_account_platform_url_unique', ['account_id', 'platform', 'url'])
    .execute();

  await db.schema
    .createTable('product_link')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('store_id', 'text', (c) => c.notNull())
    .addColumn('product_id', 'text', (c) => c.notNull())
    .addColumn('remote_product_id', 'text', (c) => c.notNull())
    .addColumn('handle', 'text')
    .addColumn('dirty', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('dirty_generation', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('product_link_store_product_unique', ['store_id', 'product_id'])
    .addUniqueConstraint('product_link_store_remote_unique', ['store_id', 'remote_product_id'])
    .execute();
  await db.schema.createIndex('product_link_product_idx').on('product_link').columns(['account_id', 'product_id']).execute();
  await db.schema.createIndex('product_link_dirty_idx').on('product_link').columns(['store_id', 'dirty']).execute();

  await db.schema
    .createTable('variant_link')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('store_id', 'text', (c) => c.notNull())
    .addColumn('product_link_id', 'text', (c) => c.notNull())
    .addColumn('variant_id', 'text', (c) => c.notNull())
    .addColumn('remote_variant_id', 'text', (c) => c.notNull())
    .addColumn('inventory_ref', 'text', (c) => c.notNull())
    .addColumn('last_known_remote_qty', 'integer')
    .addColumn('last_pushed_qty', 'integer')
    .addColumn('dirty', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('dirty_generation', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('variant_link_store_variant_unique', ['store_id', 'variant_id'])
    .addUniqueConstraint('variant_link_store_remote_unique', ['store_id', 'remote_variant_id'])
    .execute();
  await db.schema.createIndex('variant_link_variant_idx').on('variant_link').columns(['account_id', 'variant_id']).execute();
  await db.schema.createIndex('variant_link_dirty_idx').on('variant_link').columns(['store_id', 'dirty']).execute();
  await db.schema.createIndex('variant_link_product_link_idx').on('variant_link').column('product_link_id').execute();
  await db.schema.createIndex('variant_link_inventory_ref_idx').on('variant_link').columns(['store_id', 'inventory_ref']).execute();

  await db.schema
    .createTable('publish_selection')
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('store_id', 'text', (c) => c.notNull())
    .addColumn('product_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('publish_selection_pk', ['store_id', 'product_id'])
    .execute();

  await db.schema
    .createTable('job')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('store_id', 'text')
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('progress_done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('progress_total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('summary', 'text')
    .addColumn('error', 'text')
    .addColumn('checkpoint', 'text')
    .addColumn('lease_owner', 'text')
    .addColumn('lease_expires_at', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('job_claim_idx').on('job').columns(['state', 'lease_expires_at']).execute();
  await db.schema.createIndex('job_account_idx').on('job').columns(['account_id', 'created_at']).execute();

  await db.schema
    .createTable('job_item')
    .addColumn('job_id', 'text', (c) => c.notNull())
    .addColumn('item_key', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('label', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('result', 'text')
    .addColumn('error', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('job_item_pk', ['job_id', 'item_key'])
    .execute();
  await db.schema.createIndex('job_item_state_idx').on('job_item').columns(['job_id', 'state']).execute();

  await db.schema
    .createTable('sync_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('store_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('items', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('duration_ms', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error', 'text')
    .addColumn('details', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sync_log_account_at_idx').on('sync_log').columns(['account_id', 'at']).execute();
  await db.schema.createIndex('sync_log_store_at_idx').on('sync_log').columns(['store_id', 'at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['sync_log', 'job_item', 'job', 'publish_selection', 'variant_link', 'product_link', 'store']) {
    await db.schema.dropTable(table).execute();
  }
}
