// The stock pusher pages through a store's dirty links in id order; without (store_id, dirty, id)
// each page sorted every dirty link of the store (100,000 of them after a big change).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('variant_link_dirty_page_idx').on('variant_link').columns(['store_id', 'dirty', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('variant_link_dirty_page_idx').execute();
}
