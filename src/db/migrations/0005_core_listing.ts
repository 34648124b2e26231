// Columns the inventory grid filters and sorts on, copied where one index can serve them:
// product.unallocated, and on each variant its product's name, group, ecommerce flag and
// Unallocated state plus the variant's own missing-field mask. catalog/missing-fields.ts keeps them
// in step in the same transaction as every catalogue write.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('product').addColumn('unallocated', 'integer', (col) => col.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('variant').addColumn('product_name', 'text', (col) => col.notNull().defaultTo('')).execute();
  await db.schema.alterTable('variant').addColumn('product_group_id', 'text').execute();
  await db.schema.alterTable('variant').addColumn('ecommerce', 'integer', (col) => col.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('variant').addColumn('unallocated', 'integer', (col) => col.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('variant').addColumn('missing_mask', 'integer', (col) => col.notNull().defaultTo(0)).execute();

  await sql`update product set unallocated = case when missing_mask > 0 then 1 else 0 end`.execute(db);
  await sql`update variant set
      product_name = (select p.name from product p where p.id = variant.product_id),
      product_group_id = (select p.product_group_id from product p where p.id = variant.product_id),
      ecommerce = (select p.ecommerce from product p where p.id = variant.product_id),
      unallocated = (select p.unallocated from product p where p.id = variant.product_id),
      missing_mask = ((select p.missing_mask from product p where p.id = variant.product_id) & 31) | (case when cost_price_minor is null then 32 else 0 end)`.execute(db);

  await db.schema.dropIndex('product_account_missing').execute();
  await db.schema.createIndex('product_account_unallocated').on('product').columns(['account_id', 'unallocated', 'name', 'id']).execute();
  await db.schema.createIndex('variant_account_name').on('variant').columns(['account_id', 'product_name', 'id']).execute();
  await db.schema.createIndex('variant_account_unallocated').on('variant').columns(['account_id', 'unallocated', 'product_name', 'id']).execute();
  await db.schema.createIndex('variant_account_group').on('variant').columns(['account_id', 'product_group_id', 'sku_key']).execute();
  await db.schema.createIndex('variant_account_ecommerce').on('variant').columns(['account_id', 'ecommerce', 'sku_key']).execute();
  await db.schema.createIndex('variant_account_missing').on('variant').columns(['account_id', 'missing_mask']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const index of ['variant_account_missing', 'variant_account_ecommerce', 'variant_account_group', 'variant_account_unallocated', 'variant_account_name', 'product_account_unallocated']) {
    await db.schema.dropIndex(index).execute();
  }
  await db.schema.createIndex('product_account_missing').on('product').columns(['account_id', 'missing_mask', 'name']).execute();
  for (const column of ['missing_mask', 'unallocated', 'ecommerce', 'product_group_id', 'product_name']) await db.schema.alterTable('variant').dropColumn(column).execute();
  await db.schema.alterTable('product').dropColumn('unallocated').execute();
}
