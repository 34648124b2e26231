// The Job interface: what callers (CLI, HTTP, web) see of background work, and what a handler
// gets while it runs. Storage and running are in job-store.ts and job-runner.ts.
import type { DatabaseHandle } from '../db/handle.ts';
import type { Executor } from '../db/transaction.ts';
import type { JobItemState, JobState } from './job-tables.ts';

export interface JobItemView {
  item: string;
  label: string | null;
  state: JobItemState;
  result: unknown;
  reason: string | null;
}

export interface JobView {
  id: string;
  kind: string;
  storeId: string | null;
  state: JobState;
  progress: { done: number; total: number };
  /** What the handler returned when it finished (the import/publish summary), else null. */
  summary: unknown;
  /** Items that finished (done or skipped), first 1,000. */
  results: JobItemView[];
  /** Items that failed, with the reason, first 1,000. */
  errors: Array<{ item: string; label: string | null; reason: string }>;
  itemCounts: Record<JobItemState, number>;
  /** Why the job as a whole failed. */
  error: string | null;
  attempts: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface ItemOutcome {
  state: Exclude<JobItemState, 'pending'>;
  label?: string | null;
  result?: unknown;
  reason?: string | null;
}

/** Handed to a job handler while it runs; every method writes through to the database. */
export interface JobContext {
  handle: DatabaseHandle;
  jobId: string;
  accountId: string;
  storeId: string | null;
  payload: unknown;
  /** The checkpoint the handler saved last time (resuming after a crash), or null. */
  checkpoint: unknown;
  /** Aborted when the worker stops or loses the job's lease. */
  signal: AbortSignal;
  setProgress(done: number, total: number): Promise<void>;
  saveCheckpoint(value: unknown): Promise<void>;
  /** The item's finished state from this or an earlier run (retries skip done items), or null. */
  itemState(key: string): Promise<JobItemState | null>;
  /** Every item recorded so far, for building the summary. */
  items(): Promise<JobItemView[]>;
  /** Pass the handler's transaction as `db` to record the item atomically with the work it did. */
  recordItem(key: string, outcome: ItemOutcome, db?: Executor): Promise<void>;
}

/** Runs one job to the end and returns its summary; throwing fails the job (unless aborted). */
export type JobHandler = (context: JobContext) => Promise<unknown>;

export type JobHandlers = Readonly<Record<string, JobHandler>>;

export interface EnqueueInput {
  accountId: string;
  kind: string;
  storeId?: string | null;
  payload?: unknown;
}
