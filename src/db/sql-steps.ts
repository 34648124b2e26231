// A write written once as a sequence of SQL steps (a generator that yields statements and receives
// their rows), run either through Kysely on any executor, or — for a whole transaction on SQLite —
// straight on better-sqlite3's prepared statements while holding Kysely's connection, which skips
// a promise and a query object per statement. Used by the stock ledger, the hottest write path.
import type BetterSqlite3 from 'better-sqlite3';
import type { DatabaseHandle } from './handle.ts';
import { runSql } from './raw-sql.ts';
import { inTransaction, type Executor } from './transaction.ts';

export interface SqlStep {
  /** portable SQL with `?` placeholders (see raw-sql.ts) */
  sql: string;
  parameters: readonly unknown[];
}

export type SqlSteps<T> = Generator<SqlStep, T, unknown[]>;

/** Yields one statement and returns its rows (typed by the caller). */
export function* query<Row>(sql: string, parameters: readonly unknown[]): SqlSteps<Row[]> {
  return (yield { sql, parameters }) as Row[];
}

/** Runs the steps on an executor (the database or a transaction the caller holds). */
export async function runSteps<T>(db: Executor, steps: SqlSteps<T>): Promise<T> {
  let next = steps.next();
  while (!next.done) {
    const rows = await runSql(db, next.value.sql, next.value.parameters);
    next = steps.next(rows);
  }
  return next.value;
}

/** Runs the steps as one transaction (SQLite: BEGIN IMMEDIATE, synchronously on the connection). */
export async function runStepsInTransaction<T>(handle: DatabaseHandle, makeSteps: () => SqlSteps<T>): Promise<T> {
  const file = handle.sqlite;
  if (!file) return inTransaction(handle, (trx) => runSteps(trx, makeSteps()));
  // Holding Kysely's one connection keeps its own queries from interleaving with ours.
  return handle.db.connection().execute(async () => {
    file.prepare('begin immediate').run([]);
    try {
      const steps = makeSteps();
      let next = steps.next();
      while (!next.done) {
        const statement: BetterSqlite3.Statement = file.prepare(next.value.sql);
        const rows = statement.reader ? statement.all(next.value.parameters as unknown[]) : (statement.run(next.value.parameters as unknown[]), []);
        next = steps.next(rows);
      }
      file.prepare('commit').run([]);
      return next.value;
    } catch (error) {
      if (file.inTransaction()) file.prepare('rollback').run([]);
      throw error;
    }
  });
}
