// Real databases for tests: a fresh SQLite file in a temp dir, or a fresh PostgreSQL database with a
// random name (dropped after). `forEachDialect` runs the same describe block on both.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { openDatabase, type DatabaseHandle, type Dialect, type OpenDatabaseOptions } from '../../src/db/handle.ts';

export interface TestDatabase {
  handle: DatabaseHandle;
  dialect: Dialect;
  /** what another process passes to openDatabase to reach the same database */
  options: OpenDatabaseOptions;
  destroy(): Promise<void>;
}

export function postgresServerUrl(): string | null {
  return inject('postgresUrl');
}

export async function createTestDatabase(dialect: Dialect): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'stockroom-test-'));
    const options = { dataDir, url: undefined };
    const handle = await openDatabase(options);
    return {
      handle,
      dialect,
      options,
      destroy: async () => {
        await handle.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const serverUrl = postgresServerUrl();
  if (!serverUrl) throw new Error('No PostgreSQL server for this run (see the banner printed at start-up)');
  const name = `stockroom_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `create database ${name}`);
  const url = databaseUrl(serverUrl, name);
  const options = { url };
  const handle = await openDatabase(options);
  return {
    handle,
    dialect,
    options,
    destroy: async () => {
      await handle.close();
      await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function adminQuery(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * Runs `body` as a describe block once on SQLite and once on PostgreSQL, each with its own fresh
 * database made before the block's tests and dropped after. Without a PostgreSQL server the
 * PostgreSQL block is skipped and its title says why (CI turns a missing server into an error).
 */
export function forEachDialect(title: string, body: (getHandle: () => DatabaseHandle, getDatabase: () => TestDatabase) => void): void {
  for (const dialect of ['sqlite', 'postgres'] as const) {
    const unavailable = dialect === 'postgres' && !postgresServerUrl();
    const label = unavailable ? `${title} [postgres] — SKIPPED: no PostgreSQL server answered` : `${title} [${dialect}]`;
    describe.skipIf(unavailable)(label, () => {
      let database: TestDatabase | undefined;
      beforeAll(async () => {
        database = await createTestDatabase(dialect);
      });
      afterAll(async () => {
        await database?.destroy();
      });
      const getDatabase = () => {
        if (!database) throw new Error('The test database is not open yet (use it inside a test or hook)');
        return database;
      };
      body(() => getDatabase().handle, getDatabase);
    });
  }
}
