// The listing's status filter (decision 40): archived products are left out by default. Each variant
// carries a copy of its product's status (kept in step by catalog/missing-fields.ts like the other
// copies of 0005), so the variant grid filters on the variant row alone. The (account_id, status)
// indexes serve the archived lists and the count of archived rows that the default count subtracts
// (catalog/listing-status.ts); archived products are few, so that count reads few index entries.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('variant').addColumn('product_status', 'text', (col) => col.notNull().defaultTo('active')).execute();
  await sql`update variant set product_status = (select p.status from product p where p.id = variant.product_id)
    where exists (select 1 from product p where p.id = variant.product_id and p.status <> 'active')`.execute(db);
  await db.schema.createIndex('product_account_status').on('product').columns(['account_id', 'status']).execute();
  await db.schema.createIndex('variant_account_status').on('variant').columns(['account_id', 'product_status']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('variant_account_status').execute();
  await db.schema.dropIndex('product_account_status').execute();
  await db.schema.alterTable('variant').dropColumn('product_status').execute();
}
