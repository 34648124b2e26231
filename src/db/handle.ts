import { mkdirSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import {
  CompiledQuery,
  Kysely,
  sql,
  PostgresDialect,
  SqliteAdapter,
  SqliteDriver,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect as KyselyDialect,
  type DialectAdapter,
  type Driver,
  type QueryCompiler,
  type SqliteDialectConfig,
} from 'kysely';
import type { Database } from './schema.ts';
import { migrateToLatest } from './migrator.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: Dialect;
  close(): Promise<void>;
  /** SQLite only: the file's cached prepared statements, for db/sql-steps.ts's fast path */
  sqlite?: SqliteStatements;
  /** PostgreSQL only: named prepared statements for the hottest write (see stock/one-statement-movement.ts) */
  postgresPrepared?: PostgresPreparedStatements;
}

export interface PostgresPreparedStatements {
  /**
   * Runs `text` ($1…$n placeholders) as the named prepared statement `name` on whichever pooled
   * connection is free; each connection parses and plans it once instead of on every call.
   */
  query<Row>(name: string, text: string, parameters: readonly unknown[]): Promise<Row[]>;
}

export interface SqliteStatements {
  prepare(sqlText: string): BetterSqlite3.Statement;
  inTransaction(): boolean;
}

export interface OpenDatabaseOptions {
  /** a PostgreSQL URL; defaults to DATABASE_URL; without either, SQLite under dataDir */
  url?: string;
  /** the folder holding stockroom.sqlite (default ./data) */
  dataDir?: string;
  /** bring the schema up to date on open (default true) */
  migrate?: boolean;
  /** PostgreSQL pool size (default 10) */
  poolSize?: number;
}

export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<DatabaseHandle> {
  const url = options.url ?? process.env.DATABASE_URL;
  const handle = url ? openPostgres(url, options.poolSize ?? 10) : openSqlite(options.dataDir ?? './data');
  if (options.migrate !== false) {
    try {
      if (handle.dialect === 'sqlite') await migrateSqliteExclusively(handle.db);
      else await migrateToLatest(handle.db);
    } catch (error) {
      await handle.close();
      throw error;
    }
  }
  return handle;
}

/**
 * SQLite's migrator takes no lock of its own, so two processes opening a new file at once could
 * both run 0001. Migrate inside one BEGIN IMMEDIATE transaction instead: the second process waits,
 * then finds nothing pending. (PostgreSQL: Kysely's migrator locks a row itself.)
 */
async function migrateSqliteExclusively(db: Kysely<Database>): Promise<void> {
  await db.connection().execute(async (connection) => {
    await sql`begin immediate`.execute(connection);
    try {
      await migrateToLatest(connection);
      await sql`commit`.execute(connection);
    } catch (error) {
      await sql`rollback`.execute(connection).catch(() => undefined);
      throw error;
    }
  });
}

function openPostgres(url: string, poolSize: number): DatabaseHandle {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types: { getTypeParser: postgresTypeParser } });
  let closing = false;
  // An idle pooled connection that the server drops is discarded by the pool and replaced on next
  // use; without a listener its error event would crash the process. Say so unless we are closing.
  pool.on('error', (error) => {
    if (!closing) process.emitWarning(`A pooled PostgreSQL connection was lost and will be replaced: ${error.message}`);
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const postgresPrepared: PostgresPreparedStatements = {
    query: async <Row>(name: string, text: string, parameters: readonly unknown[]) => (await pool.query({ name, text, values: parameters as unknown[] })).rows as Row[],
  };
  return {
    db,
    dialect: 'postgres',
    postgresPrepared,
    close: () => {
      closing = true;
      return db.destroy();
    },
  };
}

const INT8_OID = 20;
const NUMERIC_OID = 1700;

// count(*) and sum(bigint) come back as int8/numeric, which pg returns as strings. Our quantities and
// money are integers well inside 2^53, so read them as numbers (on this pool only, not globally).
function postgresTypeParser(oid: number, format?: 'text' | 'binary'): (value: string) => unknown {
  if (oid === INT8_OID || oid === NUMERIC_OID) return (value: string) => Number(value);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return (pg.types.getTypeParser as any)(oid, format ?? 'text');
}

function openSqlite(dataDir: string): DatabaseHandle {
  mkdirSync(dataDir, { recursive: true });
  const file = new BetterSqlite3(path.join(dataDir, 'stockroom.sqlite'));
  file.pragma('busy_timeout = 10000');
  file.pragma('journal_mode = WAL');
  file.pragma('synchronous = NORMAL');
  file.pragma('foreign_keys = ON');
  const statements = withStatementCache(file);
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: statements }) });
  return { db, dialect: 'sqlite', close: () => db.destroy(), sqlite: { prepare: statements.prepare, inTransaction: () => file.inTransaction } };
}

/** SQLite's dialect, except that a transaction begins IMMEDIATE (takes the write lock up front). */
class ImmediateSqliteDialect implements KyselyDialect {
  constructor(private readonly config: SqliteDialectConfig) {}
  createDriver(): Driver {
    return new ImmediateSqliteDriver(this.config);
  }
  createQueryCompiler(): QueryCompiler {
    return new SqliteQueryCompiler();
  }
  createAdapter(): DialectAdapter {
    return new SqliteAdapter();
  }
  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new SqliteIntrospector(db);
  }
}

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    // A plain BEGIN can fail with SQLITE_BUSY_SNAPSHOT when it later upgrades to a write, which
    // busy_timeout does not cure; BEGIN IMMEDIATE waits for the write lock instead.
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

/** better-sqlite3 re-prepares every statement Kysely sends; keep prepared statements by SQL text. */
function withStatementCache(file: BetterSqlite3.Database) {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => {
      cache.clear();
      file.close();
    },
    prepare: (sqlText: string) => {
      const cached = cache.get(sqlText);
      if (cached && !cached.busy) return cached;
      const statement = file.prepare(sqlText);
      if (cache.size > 500) cache.clear();
      cache.set(sqlText, statement);
      return statement;
    },
  };
}
