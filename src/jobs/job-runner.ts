// Runs one claimed job: builds its JobContext, renews the lease while the handler works, and
// records the outcome. A process killed mid-job leaves the job `running` with a lease that
// expires; the next worker (or `--wait` command) claims it and the handler resumes from its
// checkpoint and its recorded items.
import type { Selectable } from 'kysely';
import type { DatabaseHandle } from '../db/handle.ts';
import { nowIso } from '../db/ids.ts';
import { claimJob, renewLease } from './job-claim.ts';
import { itemView } from './job-store.ts';
import type { JobContext, JobHandlers } from './job.ts';
import type { JobTable } from './job-tables.ts';

export const DEFAULT_LEASE_MS = 30_000;
/** A job whose worker died this many times is failed rather than resumed forever. */
export const MAX_ATTEMPTS = 5;

export function leaseMsFromEnv(): number {
  const value = Number(process.env.STOCKROOM_JOB_LEASE_MS);
  return Number.isFinite(value) && value >= 200 ? value : DEFAULT_LEASE_MS;
}

export interface RunOptions {
  owner: string;
  leaseMs: number;
  signal?: AbortSignal;
}

/** How a run ended: finished (done or failed), handed back (shutting down), or taken by another worker. */
export type RunOutcome = 'finished' | 'handed-back' | 'lost-lease';

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function runClaimedJob(
  handle: DatabaseHandle,
  job: Selectable<JobTable>,
  handlers: JobHandlers,
  options: RunOptions,
): Promise<RunOutcome> {
  const finish = async (state: 'done' | 'failed' | 'queued', summary: unknown, error: string | null) => {
    const now = nowIso();
    await handle.db
      .updateTable('job')
      .set({
        state,
        summary: summary === undefined || summary === null ? null : JSON.stringify(summary),
        error,
        lease_owner: null,
        lease_expires_at: null,
        finished_at: state === 'queued' ? null : now,
        updated_at: now,
      })
      .where('id', '=', job.id)
      .where('lease_owner', '=', options.owner)
      .execute();
  };

  const handler = handlers[job.kind];
  if (!handler) {
    await finish('failed', null, `This Stockroom cannot run jobs of kind "${job.kind}".`);
    return 'finished';
  }
  if (Number(job.attempts) > MAX_ATTEMPTS) {
    await finish('failed', null, `Stopped after ${MAX_ATTEMPTS} attempts: the worker running it stopped each time.`);
    return 'finished';
  }

  const controller = new AbortController();
  const onOuterAbort = () => controller.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', onOuterAbort, { once: true });
  let lostLease = false;
  let renewal: Promise<void> = Promise.resolve();
  const heartbeat = setInterval(() => {
    renewal = renewLease(handle, job.id, options.owner, options.leaseMs)
      .then((kept) => {
        if (!kept) {
          lostLease = true;
          controller.abort(new Error('lease lost'));
        }
      })
      .catch(() => undefined);
  }, Math.max(100, Math.floor(options.leaseMs / 3)));

  const context: JobContext = {
    handle,
    jobId: job.id,
    accountId: job.account_id,
    storeId: job.store_id,
    payload: JSON.parse(job.payload),
    checkpoint: job.checkpoint === null ? null : JSON.parse(job.checkpoint),
    signal: controller.signal,
    async setProgress(done, total) {
      await handle.db
        .updateTable('job')
        .set({ progress_done: done, progress_total: total, updated_at: nowIso() })
        .where('id', '=', job.id)
        .execute();
    },
    async saveCheckpoint(value) {
      await handle.db.updateTable('job').set({ checkpoint: JSON.stringify(value), updated_at: nowIso() }).where('id', '=', job.id).execute();
    },
    async itemState(key) {
      const row = await handle.db
        .selectFrom('job_item')
        .select('state')
        .where('job_id', '=', job.id)
        .where('item_key', '=', key)
        .executeTakeFirst();
      return row ? row.state : null;
    },
    async items() {
      const rows = await handle.db
        .selectFrom('job_item')
        .select(['item_key', 'label', 'state', 'result', 'error'])
        .where('job_id', '=', job.id)
        .orderBy('item_key')
        .execute();
      return rows.map(itemView);
    },
    async recordItem(key, outcome, db = handle.db) {
      const now = nowIso();
      const values = {
        label: outcome.label ?? null,
        state: outcome.state,
        result: outcome.result === undefined ? null : JSON.stringify(outcome.result),
        error: outcome.reason ?? null,
        updated_at: now,
      };
      await db
        .insertInto('job_item')
        .values({ job_id: job.id, item_key: key, account_id: job.account_id, attempts: 1, ...values })
        .onConflict((oc) => oc.columns(['job_id', 'item_key']).doUpdateSet((eb) => ({ ...values, attempts: eb('job_item.attempts', '+', 1) })))
        .execute();
    },
  };

  try {
    const summary = await handler(context);
    await finish('done', summary, null);
    return 'finished';
  } catch (error) {
    if (lostLease) return 'lost-lease'; // another worker owns it now
    if (options.signal?.aborted) {
      await finish('queued', null, null); // shutting down: hand it to the next worker at once
      return 'handed-back';
    }
    await finish('failed', null, messageOf(error));
    return 'finished';
  } finally {
    clearInterval(heartbeat);
    await renewal; // no query of this job outlives it
    options.signal?.removeEventListener('abort', onOuterAbort);
  }
}

/** Claims and runs jobs until none is due; returns how many it ran. */
export async function runDueJobs(handle: DatabaseHandle, handlers: JobHandlers, options: RunOptions): Promise<number> {
  let ran = 0;
  while (!options.signal?.aborted) {
    const job = await claimJob(handle, { owner: options.owner, leaseMs: options.leaseMs, kinds: Object.keys(handlers) });
    if (!job) break;
    await runClaimedJob(handle, job, handlers, options);
    ran += 1;
  }
  return ran;
}
