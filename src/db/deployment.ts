// The deployment's own id (one row, made by migration 0009): what every process that opens this
// database agrees on without configuration, e.g. the name of the scale-out job queue.
import type { DatabaseHandle } from './handle.ts';

export interface DeploymentTable {
  id: string;
  created_at: string;
}

declare module './schema.ts' {
  interface Database {
    deployment: DeploymentTable;
  }
}

export async function deploymentId(handle: DatabaseHandle): Promise<string> {
  const row = await handle.db.selectFrom('deployment').select('id').executeTakeFirst();
  if (!row) throw new Error('This database has no deployment row (migration 0009 did not run).');
  return row.id;
}
