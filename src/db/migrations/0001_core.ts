// Core tables: accounts, locations, master data, products, variants and the stock ledger.
// Written with Kysely's schema builder so the same file runs on SQLite and PostgreSQL.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('account')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('name', 'text', (col) => col.notNull().unique())
    .addColumn('currency', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('location')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('account_id', 'text', (col) => col.notNull().references('account.id'))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('name_key', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addUniqueConstraint('location_account_name_key', ['account_id', 'name_key'])
    .execute();

  for (const table of ['product_group', 'brand', 'supplier', 'tax_group']) {
    let builder = db.schema
      .createTable(table)
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('account_id', 'text', (col) => col.notNull().references('account.id'))
      .addColumn('name', 'text', (col) => col.notNull())
      .addColumn('name_key', 'text', (col) => col.notNull())
      .addColumn('created_at', 'text', (col) => col.notNull())
      .addUniqueConstraint(`${table}_account_name_key`, ['account_id', 'name_key']);
    if (table === 'tax_group') builder = builder.addColumn('rate_ppm', 'integer', (col) => col.notNull());
    await builder.execute();
  }

  await db.schema
    .createTable('product')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('account_id', 'text', (col) => col.notNull().references('account.id'))
    .addColumn('handle', 'text', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('description', 'text', (col) => col.notNull())
    .addColumn('product_group_id', 'text', (col) => col.references('product_group.id'))
    .addColumn('brand_id', 'text', (col) => col.references('brand.id'))
    .addColumn('supplier_id', 'text', (col) => col.references('supplier.id'))
    .addColumn('tax_group_id', 'text', (col) => col.references('tax_group.id'))
    .addColumn('product_type', 'text')
    .addColumn('unit', 'text')
    .addColumn('ecommerce', 'integer', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('attributes', 'text', (col) => col.notNull())
    .addColumn('missing_mask', 'integer', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addUniqueConstraint('product_account_handle', ['account_id', 'handle'])
    .execute();
  await db.schema.createIndex('product_account_name').on('product').columns(['account_id', 'name', 'id']).execute();
  await db.schema.createIndex('product_account_missing').on('product').columns(['account_id', 'missing_mask', 'name']).execute();
  await db.schema.createIndex('product_account_group').on('product').columns(['account_id', 'product_group_id', 'name']).execute();
  await db.schema.createIndex('product_account_ecommerce').on('product').columns(['account_id', 'ecommerce', 'name']).execute();
  await db.schema.createIndex('product_brand').on('product').column('brand_id').execute();
  await db.schema.createIndex('product_supplier').on('product').column('supplier_id').execute();
  await db.schema.createIndex('product_tax_group').on('product').column('tax_group_id').execute();

  await db.schema
    .createTable('variant')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('account_id', 'text', (col) => col.notNull().references('account.id'))
    .addColumn('product_id', 'text', (col) => col.notNull().references('product.id').onDelete('cascade'))
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('sku', 'text')
    .addColumn('sku_key', 'text')
    .addColumn('barcode', 'text')
    .addColumn('option_values', 'text', (col) => col.notNull())
    .addColumn('combination_key', 'text', (col) => col.notNull())
    .addColumn('price_minor', 'bigint', (col) => col.notNull())
    .addColumn('cost_price_minor', 'bigint')
    .addColumn('weight_grams', 'bigint')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addUniqueConstraint('variant_account_sku_key', ['account_id', 'sku_key'])
    .addUniqueConstraint('variant_product_combination', ['product_id', 'combination_key'])
    .execute();
  await db.schema.createIndex('variant_product_position').on('variant').columns(['product_id', 'position']).execute();
  await db.schema.createIndex('variant_account_barcode').on('variant').columns(['account_id', 'barcode']).execute();

  await db.schema
    .createTable('stock_movement')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('account_id', 'text', (col) => col.notNull().references('account.id'))
    .addColumn('variant_id', 'text', (col) => col.notNull().references('variant.id').onDelete('cascade'))
    .addColumn('location_id', 'text', (col) => col.notNull().references('location.id'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('quantity_milli', 'bigint', (col) => col.notNull())
    .addColumn('counted_milli', 'bigint')
    .addColumn('actor', 'text')
    .addColumn('reason', 'text')
    .addColumn('reference', 'text')
    .addColumn('idempotency_key', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addUniqueConstraint('stock_movement_account_idempotency', ['account_id', 'idempotency_key'])
    .execute();
  await db.schema.createIndex('stock_movement_variant').on('stock_movement').columns(['variant_id', 'created_at']).execute();
  await db.schema.createIndex('stock_movement_account_time').on('stock_movement').columns(['account_id', 'created_at']).execute();

  await db.schema
    .createTable('stock_level')
    .addColumn('account_id', 'text', (col) => col.notNull().references('account.id'))
    .addColumn('variant_id', 'text', (col) => col.notNull().references('variant.id').onDelete('cascade'))
    .addColumn('location_id', 'text', (col) => col.notNull().references('location.id'))
    .addColumn('quantity_milli', 'bigint', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('stock_level_pk', ['variant_id', 'location_id'])
    .execute();

  await db.schema
    .createTable('stock_change_mark')
    .addColumn('account_id', 'text', (col) => col.notNull().references('account.id'))
    .addColumn('variant_id', 'text', (col) => col.notNull().references('variant.id').onDelete('cascade'))
    .addColumn('location_id', 'text', (col) => col.notNull().references('location.id'))
    .addColumn('generation', 'bigint', (col) => col.notNull())
    .addPrimaryKeyConstraint('stock_change_mark_pk', ['variant_id', 'location_id'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of [
    'stock_change_mark',
    'stock_level',
    'stock_movement',
    'variant',
    'product',
    'tax_group',
    'supplier',
    'brand',
    'product_group',
    'location',
    'account',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
