// One row naming this deployment (this database and every process that opens it). The scale-out
// job queue is named after it, so two deployments sharing one Redis never take each other's jobs.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('deployment')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.insertInto('deployment').values({ id: randomBytes(8).toString('hex'), created_at: new Date().toISOString() }).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('deployment').execute();
}
