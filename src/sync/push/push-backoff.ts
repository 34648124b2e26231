// Links whose push failed wait before the next try: retryable failures back off exponentially
// with jitter (their dirt is kept, so the next pass repairs them); a refusal the store will repeat
// waits long and its reason stays visible on the link and in the sync log.
import type { Executor } from '../../db/transaction.ts';
import { nowIso } from '../../db/ids.ts';

const BASE_MS = 250;
const MAX_MS = 30_000;
export const REFUSED_RETRY_MS = 60 * 60_000;

export function backoffMs(attempts: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_MS, BASE_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

export async function deferLinks(
  db: Executor,
  accountId: string,
  storeId: string,
  linkIds: readonly string[],
  error: string,
  delay: number | ((attempts: number) => number),
): Promise<void> {
  if (linkIds.length === 0) return;
  const existing = new Map<string, number>();
  for (let start = 0; start < linkIds.length; start += 500) {
    const rows = await db
      .selectFrom('stock_push_backoff')
      .select(['variant_link_id', 'attempts'])
      .where('variant_link_id', 'in', linkIds.slice(start, start + 500))
      .execute();
    for (const row of rows) existing.set(row.variant_link_id, Number(row.attempts));
  }
  const now = Date.now();
  for (const linkId of linkIds) {
    const attempts = (existing.get(linkId) ?? 0) + 1;
    const wait = typeof delay === 'number' ? delay : delay(attempts);
    const values = { attempts, retry_at: new Date(now + wait).toISOString(), error, updated_at: nowIso() };
    await db
      .insertInto('stock_push_backoff')
      .values({ variant_link_id: linkId, account_id: accountId, store_id: storeId, ...values })
      .onConflict((oc) => oc.column('variant_link_id').doUpdateSet(values))
      .execute();
  }
}

export async function clearBackoff(db: Executor, linkIds: readonly string[]): Promise<void> {
  for (let start = 0; start < linkIds.length; start += 500) {
    await db.deleteFrom('stock_push_backoff').where('variant_link_id', 'in', linkIds.slice(start, start + 500)).execute();
  }
}

/** When the store's next deferred link is due, or null when none waits. */
export async function nextRetryAt(db: Executor, storeId: string): Promise<string | null> {
  const row = await db
    .selectFrom('stock_push_backoff')
    .innerJoin('variant_link', 'variant_link.id', 'stock_push_backoff.variant_link_id')
    .select((eb) => eb.fn.min('stock_push_backoff.retry_at').as('next'))
    .where('stock_push_backoff.store_id', '=', storeId)
    .where('variant_link.dirty', '=', 1)
    .executeTakeFirst();
  return (row?.next as string | null | undefined) ?? null;
}
