// Every catalogue write refreshes its products' derived columns with
// `update variant … where account_id = ? and product_id in (…)`. With only (product_id, position)
// and the (account_id, …) listing indexes, SQLite chose an account_id index and visited every
// variant of the account per product written, so a store import grew with the square of the
// catalogue (50,000 variants: 135 s). (account_id, product_id) serves that shape directly.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('variant_account_product_idx').on('variant').columns(['account_id', 'product_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('variant_account_product_idx').execute();
}
