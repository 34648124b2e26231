// PostgreSQL only: for race tests that must let one transaction commit exactly when another
// statement is already waiting on its row lock.
import { sql } from 'kysely';
import type { DatabaseHandle } from '../../src/db/handle.ts';

/** Resolves once some session of this database waits on a lock. */
export async function untilSomeoneWaitsOnALock(handle: DatabaseHandle): Promise<void> {
  for (;;) {
    const waiting = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`.execute(handle.db);
    if (waiting.rows[0].n > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
