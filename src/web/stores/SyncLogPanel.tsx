// The store's sync log, filtered by kind and outcome; failed items can be retried.
import { useCallback, useEffect, useState } from 'react';
import { api, errorSentence } from '../api/client.ts';
import type { Store, SyncLogEntry } from '../api/types.ts';
import { useJobs } from '../jobs/jobs.tsx';
import { jobIdOf } from '../jobs/jobId.ts';
import { itemsOf } from '../ui/useMasterData.ts';
import { Empty, ErrorText, Loading, Notice } from '../ui/feedback.tsx';
import { formatWhen } from './StoresScreen.tsx';

const kinds = ['', 'import', 'publish', 'push', 'orders', 'reconcile', 'webhook'];
const outcomes = ['', 'ok', 'failed', 'partial'];

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

  async function retry(entry: SyncLogEntry) {
    if (!entry.jobId) return;
    try {
      const id = jobIdOf(await api.post(`/api/jobs/${entry.jobId}/retry`, {}));
      if (id) follow(id);
      setNotice('Retrying the failed items; progress shows in the jobs list at the top.');
      setRetryErrors((all) => ({ ...all, [entry.id]: '' }));
    } catch (caught) {
      setRetryErrors((all) => ({ ...all, [entry.id]: errorSentence(caught) }));
    }
  }

  return (
    <div>
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
      <ErrorText error={error} />
      {entries === null && !error && <Loading what="the sync log" />}
      {entries?.length === 0 && <Empty>Nothing in the sync log{kind || outcome ? ' for these filters' : ''} yet.</Empty>}
      {entries && entries.length > 0 && (
        <div className="table-scroll card flush">
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
                    {entry.outcome !== 'ok' && entry.jobId && <button onClick={() => retry(entry)}>Retry failed</button>}
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
