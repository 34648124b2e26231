// The store's jobs (a finished job's failed items can be retried) and its sync log, filtered by
// kind and outcome.
import { useCallback, useEffect, useState } from 'react';
import { api, errorSentence } from '../api/client.ts';
import type { Job, Store, SyncLogEntry } from '../api/types.ts';
import { jobKindLabels, useJobs } from '../jobs/jobs.tsx';
import { itemsOf } from '../ui/useMasterData.ts';
import { Empty, ErrorText, Loading, Notice } from '../ui/feedback.tsx';
import { formatWhen } from '../ui/when.ts';

const kinds = ['', 'connect', 'import', 'publish', 'stock-push', 'orders', 'product-update', 'reconcile', 'webhook'];
const outcomes = ['', 'ok', 'failed', 'partial'];

/** The job an entry came from, when its details say (publish and import entries do). */
function jobOf(entry: SyncLogEntry): string | null {
  const details = entry.details as { jobId?: unknown } | null | undefined;
  return typeof details?.jobId === 'string' ? details.jobId : entry.jobId ?? null;
}

export function SyncLogPanel({ store }: { store: Store }) {
  const { follow } = useJobs();
  const [kind, setKind] = useState('');
  const [outcome, setOutcome] = useState('');
  const [entries, setEntries] = useState<SyncLogEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [retryErrors, setRetryErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      setEntries(itemsOf(await api.get<unknown>('/api/sync-log', { store: store.id, kind, outcome })) as unknown as SyncLogEntry[]);
    } catch (caught) {
      setError(errorSentence(caught));
    }
  }, [store.id, kind, outcome]);

  useEffect(() => {
    void load();
  }, [load]);

  const [storeJobs, setStoreJobs] = useState<Job[] | null>(null);
  const loadJobs = useCallback(async () => {
    try {
      const list = itemsOf(await api.get<unknown>('/api/jobs', { store: store.id, limit: 10 })) as unknown as Job[];
      // The list has no per-item counts; each job's own view says how many items failed.
      setStoreJobs(await Promise.all(list.map((job) => api.get<Job>(`/api/jobs/${job.id}`).catch(() => job))));
    } catch {
      setStoreJobs([]);
    }
  }, [store.id]);

  useEffect(() => {
    void loadJobs();
  }, [loadJobs]);

  async function retry(jobId: string, errorKey: string) {
    try {
      await api.post(`/api/jobs/${jobId}/retry`, {});
      follow(jobId);
      setNotice('Retrying the failed items; progress shows in the jobs list at the top.');
      setRetryErrors((all) => ({ ...all, [errorKey]: '' }));
      void loadJobs();
    } catch (caught) {
      setRetryErrors((all) => ({ ...all, [errorKey]: errorSentence(caught) }));
    }
  }

  return (
    <div className="store-panel">
      <div className="toolbar">
        <label>
          Kind
          <select value={kind} onChange={(e) => setKind(e.target.value)} aria-label="Kind">
            {kinds.map((k) => (
              <option key={k} value={k}>
                {k || 'All'}
              </option>
            ))}
          </select>
        </label>
        <label>
          Outcome
          <select value={outcome} onChange={(e) => setOutcome(e.target.value)} aria-label="Outcome">
            {outcomes.map((o) => (
              <option key={o} value={o}>
                {o || 'All'}
              </option>
            ))}
          </select>
        </label>
        <button onClick={() => void load()}>Refresh</button>
      </div>
      {notice && <Notice>{notice}</Notice>}
      {storeJobs && storeJobs.length > 0 && (
        <div className="table-scroll card flush">
          <h3 className="table-title">Jobs</h3>
          <table className="list" data-testid="store-jobs">
            <thead>
              <tr>
                <th>Job</th>
                <th>Started</th>
                <th>State</th>
                <th>Progress</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {storeJobs.map((job) => (
                <tr key={job.id}>
                  <td>{jobKindLabels[job.kind] ?? job.kind}</td>
                  <td>{formatWhen(job.createdAt)}</td>
                  <td>
                    <span className={`badge ${job.state}`}>{job.state}</span>
                    {job.error && <div className="error small">{job.error}</div>}
                  </td>
                  <td>
                    {job.progress.done} / {job.progress.total}
                  </td>
                  <td>
                    {(job.state === 'failed' || (job.itemCounts?.failed ?? 0) > 0) && <button onClick={() => void retry(job.id, job.id)}>Retry failed items</button>}
                    {retryErrors[job.id] && <div className="error small">{retryErrors[job.id]}</div>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ErrorText error={error} />
      {entries === null && !error && <Loading what="the sync log" />}
      {entries?.length === 0 && <Empty>Nothing in the sync log{kind || outcome ? ' for these filters' : ''} yet.</Empty>}
      {entries && entries.length > 0 && (
        <div className="table-scroll card flush">
          <h3 className="table-title">Sync log</h3>
          <table className="list" data-testid="sync-log">
            <thead>
              <tr>
                <th>When</th>
                <th>Kind</th>
                <th>Items</th>
                <th>Outcome</th>
                <th>Took</th>
                <th>Error</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td>{formatWhen(entry.at ?? entry.createdAt)}</td>
                  <td>{entry.kind}</td>
                  <td>{entry.items ?? ''}</td>
                  <td>
                    <span className={`badge ${entry.outcome}`}>{entry.outcome}</span>
                  </td>
                  <td>{entry.durationMs !== undefined ? `${entry.durationMs} ms` : ''}</td>
                  <td className="error small">{entry.error ?? ''}</td>
                  <td>
                    {entry.outcome !== 'ok' && jobOf(entry) && (
                      <button onClick={() => void retry(jobOf(entry)!, entry.id)}>Retry failed items</button>
                    )}
                    {retryErrors[entry.id] && <div className="error small">{retryErrors[entry.id]}</div>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
