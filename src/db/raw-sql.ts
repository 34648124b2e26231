// Hand-written SQL for the hot paths (stock movements, bulk import), where building Kysely's query
// tree per statement costs more than the database does. The SQL is written once with `?`
// placeholders in syntax both dialects accept (ON CONFLICT, RETURNING); for PostgreSQL the
// placeholders become $1…$n. Everything else goes through Kysely's builder.
import { CompiledQuery, PostgresAdapter } from 'kysely';
import type { Dialect } from './handle.ts';
import type { Executor } from './transaction.ts';

export function dialectOf(db: Executor): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

const postgresTexts = new Map<string, string>();
/**
 * Only statements this short are cached: the hot path's are a few hundred characters, while a
 * multi-row INSERT is tens of kilobytes and comes in a different length per batch, so caching
 * those held up to 1,000 of them (≈ 50 MB during a 100,000-variant CSV import).
 */
const CACHED_TEXT_MAX = 4_096;

function textFor(dialect: Dialect, sqlText: string): string {
  return dialect === 'sqlite' ? sqlText : postgresText(sqlText);
}

/** `?` placeholders → PostgreSQL's $1…$n (cached per statement text). */
export function postgresText(sqlText: string): string {
  let text = postgresTexts.get(sqlText);
  if (text === undefined) {
    let n = 0;
    text = sqlText.replace(/\?/g, () => `$${++n}`);
    if (sqlText.length <= CACHED_TEXT_MAX) {
      if (postgresTexts.size > 1000) postgresTexts.clear();
      postgresTexts.set(sqlText, text);
    }
  }
  return text;
}

/** Runs one statement with `?` placeholders; returns its rows (for RETURNING or SELECT). */
export async function runSql<Row>(db: Executor, sqlText: string, parameters: readonly unknown[]): Promise<Row[]> {
  const result = await db.executeQuery<Row>(CompiledQuery.raw(textFor(dialectOf(db), sqlText), parameters as unknown[]));
  return result.rows;
}

/** Inserts many rows with multi-row INSERT statements of up to `batch` rows each. */
export async function bulkInsert(db: Executor, table: string, columns: readonly string[], rows: readonly (readonly unknown[])[], batch = 250): Promise<void> {
  const head = `insert into "${table}" (${columns.map((column) => `"${column}"`).join(', ')}) values `;
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  for (let start = 0; start < rows.length; start += batch) {
    const chunk = rows.slice(start, start + batch);
    const parameters: unknown[] = [];
    for (const row of chunk) for (const value of row) parameters.push(value);
    await runSql(db, head + Array.from({ length: chunk.length }, () => tuple).join(', '), parameters);
  }
}
