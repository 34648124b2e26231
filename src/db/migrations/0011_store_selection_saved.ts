// When the user last saved the store's publish selection. The selection's rows alone cannot tell
// "saved, and empty" from "never saved" (when the Ecommerce-flagged products are preselected).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('store').addColumn('selection_saved_at', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('store').dropColumn('selection_saved_at').execute();
}
