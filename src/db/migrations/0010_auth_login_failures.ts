// Failed logins, one row each, shared by every process on this database (src/auth/login-throttle.ts):
// several `stockroom serve` processes on one PostgreSQL must count one email's failures together.
// The email is stored only as a SHA-256 hash (people type passwords into the email field).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('login_failure')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email_hash', 'text', (c) => c.notNull())
    .addColumn('failed_at', 'text', (c) => c.notNull())
    .execute();
  // The count for one email inside the window, and the sweep of rows older than any window.
  await db.schema.createIndex('login_failure_email_idx').on('login_failure').columns(['email_hash', 'failed_at']).execute();
  await db.schema.createIndex('login_failure_at_idx').on('login_failure').column('failed_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('login_failure').execute();
}
