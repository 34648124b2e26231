// A throwaway database for a benchmark: a SQLite folder in tmp, or a fresh PostgreSQL database on
// the test server (TEST_DATABASE_URL, default the local one), dropped by `cleanup`.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Dialect, OpenDatabaseOptions } from '../../src/db/handle.ts';

export interface BenchDatabase {
  options: OpenDatabaseOptions;
  cleanup(): Promise<void>;
}

async function postgresServer(): Promise<string | null> {
  const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return url;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
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

/** null when PostgreSQL was asked for and no server answered (the caller says it skipped). */
export async function benchDatabase(dialect: Dialect, prefix: string): Promise<BenchDatabase | null> {
  if (dialect === 'sqlite') {
    const dataDir = mkdtempSync(path.join(tmpdir(), `${prefix.replace(/_/g, '-')}-`));
    return { options: { dataDir }, cleanup: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const server = await postgresServer();
  if (!server) return null;
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  await adminQuery(server, `create database ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return { options: { url: url.toString() }, cleanup: () => adminQuery(server, `drop database if exists ${name} with (force)`) };
}
