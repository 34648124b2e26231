// The listing's status filter (decision 40). Archived products are kept for their stock history
// (decision 37) but are out of use, so the grid and the till's lookup leave them out unless asked:
//   active   (the default) every product not archived — drafts too, which are in use;
//   archived only archived products (and their variants);
//   all      every product.
import { sql, type Expression, type SqlBool } from 'kysely';
import { invalid } from '../errors/domain-error.ts';

export const LIST_STATUSES = ['active', 'archived', 'all'] as const;
export type ListStatus = (typeof LIST_STATUSES)[number];

export function listStatusOf(raw: string | undefined): ListStatus {
  if (raw === undefined) return 'active';
  if (!(LIST_STATUSES as readonly string[]).includes(raw)) throw invalid(`The status filter must be active, archived or all, not "${raw}".`);
  return raw as ListStatus;
}

/** The column holding a row's product status: the product's own, or a variant's copy of it (0012). */
export type StatusColumn = 'product.status' | 'variant.product_status';

/** The condition the status filter adds, or null for `all`. */
export function statusCondition(column: StatusColumn, status: ListStatus): Expression<SqlBool> | null {
  if (status === 'all') return null;
  return sql<SqlBool>`${sql.ref(column)} ${sql.raw(status === 'archived' ? '=' : '<>')} 'archived'`;
}

/**
 * Whether the default count should be taken as "all matches minus the archived ones". The count of
 * every match is served by the listing's covering indexes (no row read); adding `status <> 'archived'`
 * to it would read every matching row (42,860 for Unallocated at 100,000 variants). The archived
 * ones are few and found through the (account_id, status) index. A text search reads its rows
 * anyway (and stops counting at 1,000), so it takes the condition as it is.
 */
export function countsBySubtraction(status: ListStatus, textSearch: boolean): boolean {
  return status === 'active' && !textSearch;
}
