// What a store should show for a variant (DESIGN rule 1): a pure function of the ledger and the
// store's settings, read at send time.
import type { Executor } from '../../db/transaction.ts';

/** max(0, floor(on hand at the mapped location − buffer)), whole units. */
export function desiredQuantity(onHandMilli: number, buffer: number): number {
  return Math.max(0, Math.floor(onHandMilli / 1000) - Math.max(0, buffer));
}

/** On-hand quantity (thousandths) of each variant at one location; variants without a level are 0. */
export async function onHandAt(db: Executor, accountId: string, locationId: string, variantIds: readonly string[]): Promise<Map<string, number>> {
  const levels = new Map<string, number>();
  for (let start = 0; start < variantIds.length; start += 500) {
    const rows = await db
      .selectFrom('stock_level')
      .select(['variant_id', 'quantity_milli'])
      .where('account_id', '=', accountId)
      .where('location_id', '=', locationId)
      .where('variant_id', 'in', variantIds.slice(start, start + 500))
      .execute();
    for (const row of rows) levels.set(row.variant_id, Number(row.quantity_milli));
  }
  return levels;
}
