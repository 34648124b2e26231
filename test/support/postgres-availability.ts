// Decides once per run whether the PostgreSQL suite can run, and says so plainly.
// Tests read the answer with `inject('postgresUrl')` (null when no server answers).
// With STOCKROOM_REQUIRE_POSTGRES=1 (CI), a missing server fails the run instead of skipping.
import pg from 'pg';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string | null;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  let reachable = false;
  let reason = '';
  try {
    await client.connect();
    await client.query('select 1');
    reachable = true;
  } catch (error) {
    reason = error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
  if (!reachable) {
    const message = `PostgreSQL suite skipped: no server answered at ${url.replace(/:[^:@/]*@/, ':***@')} (${reason})`;
    if (process.env.STOCKROOM_REQUIRE_POSTGRES === '1') throw new Error(`${message}; STOCKROOM_REQUIRE_POSTGRES=1 makes this an error`);
    process.stdout.write(`\n*** ${message} ***\n\n`);
  }
  project.provide('postgresUrl', reachable ? url : null);
}
