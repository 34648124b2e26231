// Master-field edits reach the stores without any wiring in the catalogue: a product link is
// dirty when its product or one of its variants changed after the link was last brought in line
// (level-triggered, DESIGN rule 1). Stock movements do not touch these timestamps.
import { sql } from 'kysely';
import type { Executor } from '../../db/transaction.ts';
import { nowIso } from '../../db/ids.ts';

export async function markEditedProductLinks(db: Executor): Promise<number> {
  const result = await db
    .updateTable('product_link')
    .set({ dirty: 1, dirty_generation: sql`dirty_generation + 1`, updated_at: nowIso() })
    .where('dirty', '=', 0)
    .where((eb) =>
      eb.or([
        eb.exists(
          eb.selectFrom('product').select('product.id').whereRef('product.id', '=', 'product_link.product_id').whereRef('product.updated_at', '>', 'product_link.updated_at'),
        ),
        eb.exists(
          eb.selectFrom('variant').select('variant.id').whereRef('variant.product_id', '=', 'product_link.product_id').whereRef('variant.updated_at', '>', 'product_link.updated_at'),
        ),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
