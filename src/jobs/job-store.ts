// Jobs in the database: enqueue, read, list, per-item results, retry of the failed items only.
import type { DatabaseHandle } from '../db/handle.ts';
import { newId, nowIso } from '../db/ids.ts';
import { inTransaction } from '../db/transaction.ts';
import { notFound, DomainError } from '../errors/domain-error.ts';
import type { EnqueueInput, JobItemView, JobView } from './job.ts';
import { jobQueueOf } from './job-queue.ts';
import type { JobItemState, JobState, JobTable } from './job-tables.ts';
import type { Selectable } from 'kysely';

const LISTED_ITEMS = 1000;

export async function enqueueJob(handle: DatabaseHandle, input: EnqueueInput): Promise<string> {
  const id = newId();
  const now = nowIso();
  await handle.db
    .insertInto('job')
    .values({
      id,
      account_id: input.accountId,
      kind: input.kind,
      store_id: input.storeId ?? null,
      payload: JSON.stringify(input.payload ?? {}),
      state: 'queued',
      summary: null,
      error: null,
      checkpoint: null,
      lease_owner: null,
      lease_expires_at: null,
      created_at: now,
      started_at: null,
      finished_at: null,
      updated_at: now,
    })
    .execute();
  await dispatch(handle, { id, kind: input.kind });
  return id;
}

/**
 * The row is the record and is already written; if the engine cannot take the job now (Redis
 * away), it stays queued: a worker's sweep dispatches it later and `--wait` runs it regardless.
 */
async function dispatch(handle: DatabaseHandle, job: { id: string; kind: string }): Promise<void> {
  try {
    await (await jobQueueOf(handle)).dispatch(job);
  } catch (error) {
    process.emitWarning(`Job ${job.id} is queued but not yet dispatched (${error instanceof Error ? error.message : String(error)}); a worker will pick it up.`);
  }
}

function parseJson(text: string | null): unknown {
  return text === null ? null : JSON.parse(text);
}

export function itemView(row: { item_key: string; label: string | null; state: JobItemState; result: string | null; error: string | null }): JobItemView {
  return { item: row.item_key, label: row.label, state: row.state, result: parseJson(row.result), reason: row.error };
}

async function viewOf(handle: DatabaseHandle, job: Selectable<JobTable>): Promise<JobView> {
  const counts = await handle.db
    .selectFrom('job_item')
    .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
    .where('job_id', '=', job.id)
    .groupBy('state')
    .execute();
  const itemCounts: Record<JobItemState, number> = { pending: 0, done: 0, failed: 0, skipped: 0 };
  for (const row of counts) itemCounts[row.state] = Number(row.n);
  const finished = await handle.db
    .selectFrom('job_item')
    .select(['item_key', 'label', 'state', 'result', 'error'])
    .where('job_id', '=', job.id)
    .where('state', 'in', ['done', 'skipped'])
    .orderBy('updated_at')
    .orderBy('item_key')
    .limit(LISTED_ITEMS)
    .execute();
  const failed = await handle.db
    .selectFrom('job_item')
    .select(['item_key', 'label', 'error'])
    .where('job_id', '=', job.id)
    .where('state', '=', 'failed')
    .orderBy('item_key')
    .limit(LISTED_ITEMS)
    .execute();
  return {
    id: job.id,
    kind: job.kind,
    storeId: job.store_id,
    state: job.state,
    progress: { done: Number(job.progress_done), total: Number(job.progress_total) },
    summary: parseJson(job.summary),
    results: finished.map(itemView),
    errors: failed.map((row) => ({ item: row.item_key, label: row.label, reason: row.error ?? 'failed' })),
    itemCounts,
    error: job.error,
    attempts: Number(job.attempts),
    createdAt: job.created_at,
    startedAt: job.started_at,
    finishedAt: job.finished_at,
  };
}

export async function getJob(handle: DatabaseHandle, accountId: string, jobId: string): Promise<JobView> {
  const job = await handle.db.selectFrom('job').selectAll().where('id', '=', jobId).where('account_id', '=', accountId).executeTakeFirst();
  if (!job) throw notFound(`No job ${jobId}.`);
  return viewOf(handle, job);
}

export interface JobSummaryRow {
  id: string;
  kind: string;
  storeId: string | null;
  state: JobState;
  progress: { done: number; total: number };
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export async function listJobs(
  handle: DatabaseHandle,
  accountId: string,
  filter: { storeId?: string; state?: JobState; kind?: string; limit?: number } = {},
): Promise<JobSummaryRow[]> {
  let query = handle.db.selectFrom('job').selectAll().where('account_id', '=', accountId);
  if (filter.storeId) query = query.where('store_id', '=', filter.storeId);
  if (filter.state) query = query.where('state', '=', filter.state);
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.limit ?? 100).execute();
  return rows.map((job) => ({
    id: job.id,
    kind: job.kind,
    storeId: job.store_id,
    state: job.state,
    progress: { done: Number(job.progress_done), total: Number(job.progress_total) },
    error: job.error,
    createdAt: job.created_at,
    finishedAt: job.finished_at,
  }));
}

/**
 * Queues a finished job again; its done and skipped items stay done, so the handler only
 * retries the items that failed (and any it never reached).
 */
export async function retryJob(handle: DatabaseHandle, accountId: string, jobId: string): Promise<void> {
  const kind = await inTransaction(handle, async (trx) => {
    const job = await trx.selectFrom('job').select(['state', 'kind']).where('id', '=', jobId).where('account_id', '=', accountId).executeTakeFirst();
    if (!job) throw notFound(`No job ${jobId}.`);
    if (job.state === 'queued' || job.state === 'running') {
      throw new DomainError('conflict', `Job ${jobId} is still ${job.state}; retry it once it has finished.`);
    }
    const now = nowIso();
    await trx.updateTable('job_item').set({ state: 'pending', updated_at: now }).where('job_id', '=', jobId).where('state', '=', 'failed').execute();
    await trx
      .updateTable('job')
      .set({ state: 'queued', error: null, summary: null, finished_at: null, lease_owner: null, lease_expires_at: null, attempts: 0, updated_at: now })
      .where('id', '=', jobId)
      .execute();
    return job.kind;
  });
  await dispatch(handle, { id: jobId, kind });
}
