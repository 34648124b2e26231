// The grid's text filter: a case-insensitive substring of a product's name or handle, or of a
// variant's SKU or barcode (variants: its product's name, SKU or barcode). The LIKE conditions
// below define the result on both dialects. They are fast because of migration 0007:
//   - PostgreSQL: pg_trgm GIN indexes on exactly these expressions, so the planner uses them itself.
//   - SQLite: LIKE '%…%' cannot use an index, so for terms of 3+ characters the FTS5 trigram tables
//     first narrow the rows to candidates (FTS5 folds case at least as widely as SQLite's LIKE, so
//     every LIKE match is a candidate); the LIKE conditions still decide. Shorter terms scan.
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Dialect } from '../db/handle.ts';

/** The trigram tokenizer matches nothing for fewer than 3 characters. */
const TRIGRAM_MIN_CHARACTERS = 3;

export interface TextSearch {
  /** `%term%`, lower-cased, with LIKE's wildcards escaped (escape character: backslash) */
  pattern: string;
  /** an FTS5 phrase for the term, or null when the term is too short for the trigram index */
  phrase: string | null;
}

export function textSearchOf(raw: string | undefined): TextSearch | null {
  const term = raw?.trim().toLowerCase();
  if (!term) return null;
  return {
    pattern: `%${term.replace(/[\\%_]/g, (char) => `\\${char}`)}%`,
    phrase: [...term].length >= TRIGRAM_MIN_CHARACTERS ? `"${term.replace(/"/g, '""')}"` : null,
  };
}

function variantMatches(search: TextSearch): Expression<SqlBool> {
  const p = search.pattern;
  return sql<SqlBool>`(variant.sku_key like ${p} escape '\\' or lower(variant.barcode) like ${p} escape '\\' or lower(variant.product_name) like ${p} escape '\\')`;
}

/**
 * How a SQLite query uses the candidates: `narrow` drives it from them (few matches, sorted
 * afterwards); `probe` (many matches) walks the sort order's index and tests each row against them,
 * a unary + keeping the planner from driving from them; `joined` is for a query that already joins
 * `variant_search` by rowid (variantSearchJoin), so the rows stream from the FTS index and a capped
 * count stops early instead of first collecting every candidate.
 */
export type TextPlan = 'narrow' | 'probe' | 'joined';

/** SQLite, terms of 3+ characters: a count should join the FTS table (plan `joined`). */
export function countsThroughVariantSearch(dialect: Dialect, search: TextSearch): boolean {
  return dialect === 'sqlite' && search.phrase !== null;
}

/** The join condition for `variant_search` when the plan is `joined`. */
export const variantSearchJoin = sql<SqlBool>`variant_search.rowid = variant.rowid`;

/** The condition on `variant` for the variant listing. */
export function variantTextCondition(dialect: Dialect, search: TextSearch, plan: TextPlan = 'narrow'): Expression<SqlBool> {
  if (dialect === 'postgres' || search.phrase === null) return variantMatches(search);
  if (plan === 'joined') return sql<SqlBool>`(variant_search match ${search.phrase} and ${variantMatches(search)})`;
  const rowid = plan === 'probe' ? sql`+variant.rowid` : sql`variant.rowid`;
  return sql<SqlBool>`(${rowid} in (select rowid from variant_search where variant_search match ${search.phrase}) and ${variantMatches(search)})`;
}

/** The condition on `product` for the product listing (any of its variants' SKUs or barcodes counts); plans as above. */
export function productTextCondition(dialect: Dialect, search: TextSearch, accountId: string, plan: Exclude<TextPlan, 'joined'> = 'narrow'): Expression<SqlBool> {
  const p = search.pattern;
  const matches = sql<SqlBool>`(lower(product.name) like ${p} escape '\\' or lower(product.handle) like ${p} escape '\\'
    or exists (select 1 from variant where variant.product_id = product.id and (variant.sku_key like ${p} escape '\\' or lower(variant.barcode) like ${p} escape '\\')))`;
  // Many matches on PostgreSQL: without the candidates the planner walks the sort order's index
  // (testing each product) instead of fetching, joining and sorting every match.
  if (search.phrase === null || (plan === 'probe' && dialect === 'postgres')) return matches;
  // Candidates first (each side served by an index), then the exact conditions on those alone.
  const candidates =
    dialect === 'postgres'
      ? sql`select product.id from product where product.account_id = ${accountId} and (lower(product.name) like ${p} escape '\\' or lower(product.handle) like ${p} escape '\\')
          union all select variant.product_id from variant where variant.account_id = ${accountId} and (variant.sku_key like ${p} escape '\\' or lower(variant.barcode) like ${p} escape '\\')`
      : sql`select product.id from product where product.rowid in (select rowid from product_search where product_search match ${search.phrase})
          union all select variant.product_id from variant where variant.rowid in (select rowid from variant_search where variant_search match ${`{sku_key barcode} : ${search.phrase}`})`;
  const id = plan === 'probe' && dialect === 'sqlite' ? sql`+product.id` : sql`product.id`;
  return sql<SqlBool>`(${id} in (${candidates}) and ${matches})`;
}
