// The stock ledger is append-only (DESIGN, PRODUCT §5): a variant with movements is never deleted,
// so neither is its product; such a product is archived instead (status "archived"), which keeps
// it, its history and its store links, and can be undone. These checks run inside the deleting
// transaction. On PostgreSQL they lock the variant rows first: a movement being recorded meanwhile
// holds a key-share lock on its variant (the foreign key check), so it has either committed and is
// counted here, or waits for this transaction and then finds its variant gone and is refused.
import { sql } from 'kysely';
import { DomainError } from '../errors/domain-error.ts';
import { dialectOf } from '../db/raw-sql.ts';
import type { Executor } from '../db/transaction.ts';

export const ARCHIVE_INSTEAD = 'Archive it instead (status "archived"): it stays out of publishing, keeps its history and can be restored.';

/** Movements per variant, for the variants that have any. */
async function movementCounts(trx: Executor, variantIds: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (let start = 0; start < variantIds.length; start += 500) {
    const ids = variantIds.slice(start, start + 500);
    if (dialectOf(trx) === 'postgres') await trx.selectFrom('variant').select('id').where('id', 'in', ids).forUpdate().execute();
    const rows = await trx
      .selectFrom('stock_movement')
      .select(['variant_id', sql<number>`count(*)`.as('n')])
      .where('variant_id', 'in', ids)
      .groupBy('variant_id')
      .execute();
    for (const row of rows) counts.set(row.variant_id, Number(row.n));
  }
  return counts;
}

const movementsText = (n: number) => `${n} movement${n === 1 ? '' : 's'}`;

export async function refuseDeletingProductWithHistory(trx: Executor, product: { name: string }, variantIds: readonly string[]): Promise<void> {
  const counts = await movementCounts(trx, variantIds);
  const movements = [...counts.values()].reduce((sum, n) => sum + n, 0);
  if (movements === 0) return;
  throw new DomainError(
    'has_history',
    `"${product.name}" has stock history (${movementsText(movements)}), so it cannot be deleted: the stock ledger keeps every movement. ${ARCHIVE_INSTEAD}`,
    { movements },
  );
}

export interface VariantBeingRemoved {
  id: string;
  sku: string | null;
  values: string[];
}

export async function refuseRemovingVariantsWithHistory(trx: Executor, variants: readonly VariantBeingRemoved[]): Promise<void> {
  const counts = await movementCounts(trx, variants.map((variant) => variant.id));
  const kept = variants.find((variant) => counts.has(variant.id));
  if (!kept) return;
  const label = kept.sku ? `"${kept.sku}"` : kept.values.length > 0 ? `"${kept.values.join(' / ')}"` : 'of this product';
  const movements = counts.get(kept.id) as number;
  throw new DomainError(
    'has_history',
    `The variant ${label} has stock history (${movementsText(movements)}), so it cannot be removed: the stock ledger keeps every movement. Keep it (a count can bring its stock to 0), or archive the whole product.`,
    { variantId: kept.id, movements },
  );
}
