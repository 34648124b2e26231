// Claiming a job durably: a queued job, or a running one whose worker stopped renewing its lease
// (a killed process). PostgreSQL: FOR UPDATE SKIP LOCKED so several workers never wait on, or
// take, the same row; SQLite: the claim runs in a BEGIN IMMEDIATE transaction (inTransaction).
// One store runs one job of a kind at a time (two publishes of one store on two workers could
// otherwise both create a product): a job waits while another of its kind and store holds a live
// lease. Claims are serialised (PostgreSQL: a transaction-scoped advisory lock) so that check holds.
import { sql, type Selectable } from 'kysely';
import type { DatabaseHandle } from '../db/handle.ts';
import { nowIso } from '../db/ids.ts';
import { inTransaction } from '../db/transaction.ts';
import type { JobTable } from './job-tables.ts';

/** Any constant: the advisory lock that serialises claims on PostgreSQL. */
const CLAIM_LOCK_KEY = 731_0003;

export interface ClaimOptions {
  owner: string;
  leaseMs: number;
  /** Claim only this job (a `--wait` command running its own job). */
  jobId?: string;
  /** Claim only jobs of these kinds. */
  kinds?: readonly string[];
}

export async function claimJob(handle: DatabaseHandle, options: ClaimOptions): Promise<Selectable<JobTable> | null> {
  return inTransaction(handle, async (trx) => {
    if (handle.dialect === 'postgres') await sql`select pg_advisory_xact_lock(${CLAIM_LOCK_KEY})`.execute(trx);
    const now = nowIso();
    let query = trx
      .selectFrom('job')
      .selectAll()
      .where((eb) => eb.or([eb('state', '=', 'queued'), eb.and([eb('state', '=', 'running'), eb('lease_expires_at', '<', now)])]))
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('job as other')
              .select('other.id')
              .whereRef('other.store_id', '=', 'job.store_id')
              .whereRef('other.kind', '=', 'job.kind')
              .whereRef('other.id', '!=', 'job.id')
              .where('other.state', '=', 'running')
              .where('other.lease_expires_at', '>=', now),
          ),
        ),
      );
    if (options.jobId) query = query.where('id', '=', options.jobId);
    if (options.kinds) query = query.where('kind', 'in', [...options.kinds]);
    query = query.orderBy('created_at').orderBy('id').limit(1);
    if (handle.dialect === 'postgres') query = query.forUpdate().skipLocked();
    const job = await query.executeTakeFirst();
    if (!job) return null;
    const leaseExpiresAt = new Date(Date.now() + options.leaseMs).toISOString();
    await trx
      .updateTable('job')
      .set((eb) => ({
        state: 'running',
        lease_owner: options.owner,
        lease_expires_at: leaseExpiresAt,
        attempts: eb('attempts', '+', 1),
        started_at: job.started_at ?? now,
        updated_at: now,
      }))
      .where('id', '=', job.id)
      .execute();
    return { ...job, state: 'running', lease_owner: options.owner, lease_expires_at: leaseExpiresAt, attempts: Number(job.attempts) + 1 };
  });
}

/** Extends the lease; false when another worker has taken the job (this one must stop). */
export async function renewLease(handle: DatabaseHandle, jobId: string, owner: string, leaseMs: number): Promise<boolean> {
  const result = await handle.db
    .updateTable('job')
    .set({ lease_expires_at: new Date(Date.now() + leaseMs).toISOString() })
    .where('id', '=', jobId)
    .where('lease_owner', '=', owner)
    .where('state', '=', 'running')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
