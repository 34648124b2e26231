// The drift report: linked variants whose store quantity differs from what it should be (read
// from the store now); Repair takes in the store's orders and sets the rest right.
import { useCallback, useEffect, useState } from 'react';
import { api, errorSentence } from '../api/client.ts';
import type { DriftRow, Store } from '../api/types.ts';
import { useJobs } from '../jobs/jobs.tsx';
import { jobIdOf } from '../jobs/jobId.ts';
import { JobProgress } from '../jobs/JobProgress.tsx';
import { itemsOf } from '../ui/useMasterData.ts';
import { Empty, ErrorText, Loading, Notice } from '../ui/feedback.tsx';

interface ReconcileAnswer {
  found: number;
  fixed: number;
  drift?: DriftRow[];
  remaining?: DriftRow[];
}

export function DriftPanel({ store, onRepaired }: { store: Store; onRepaired(): void }) {
  const { jobs, follow } = useJobs();
  const [rows, setRows] = useState<DriftRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [repairError, setRepairError] = useState<string | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [repaired, setRepaired] = useState<string | null>(null);
  const [repairing, setRepairing] = useState(false);

  const load = useCallback(async () => {
    setRows(null);
    setError(null);
    try {
      const body = await api.get<unknown>(`/api/stores/${store.id}/drift`);
      const drift = (body as { drift?: unknown })?.drift;
      setRows((Array.isArray(drift) ? drift : itemsOf(body)) as DriftRow[]);
    } catch (caught) {
      setError(errorSentence(caught));
    }
  }, [store.id]);

  useEffect(() => {
    void load();
  }, [load]);

  const job = jobId ? jobs[jobId] : undefined;
  useEffect(() => {
    if (job?.state === 'done') {
      void load();
      onRepaired();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [job?.state, load]);

  async function repair() {
    setRepairError(null);
    setRepaired(null);
    setRepairing(true);
    try {
      const answer = await api.post<ReconcileAnswer>(`/api/stores/${store.id}/reconcile`, { dryRun: false });
      const id = jobIdOf(answer);
      if (id) {
        setJobId(id);
        follow(id);
        return;
      }
      const remaining = answer.remaining ?? [];
      setRows(remaining);
      onRepaired();
      setRepaired(
        remaining.length === 0
          ? `Repaired: ${answer.fixed} of ${answer.found} variant${answer.found === 1 ? '' : 's'} set right on the store.`
          : `Fixed ${answer.fixed} of ${answer.found}; ${remaining.length} still differ — see below.`,
      );
    } catch (caught) {
      setRepairError(errorSentence(caught));
    } finally {
      setRepairing(false);
    }
  }

  return (
    <div className="store-panel">
      <div className="toolbar">
        <button onClick={() => { setRepaired(null); void load(); }}>Check again</button>
        <button className="primary" onClick={repair} disabled={repairing || !rows || rows.length === 0}>
          {repairing ? 'Repairing…' : 'Repair'}
        </button>
      </div>
      <ErrorText error={repairError} />
      {repaired && <Notice>{repaired}</Notice>}
      {job && <JobProgress job={job} />}
      <ErrorText error={error} />
      {rows === null && !error && <Loading what="the store's quantities" />}
      {rows?.length === 0 && <Empty>No drift: every linked variant shows what it should.</Empty>}
      {rows && rows.length > 0 && (
        <div className="table-scroll card flush">
          <table className="list" data-testid="drift-table">
            <thead>
              <tr>
                <th>SKU</th>
                <th>Location</th>
                <th>Should show</th>
                <th>Store shows</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <tr key={`${row.sku}-${i}`}>
                  <td>{row.sku}</td>
                  <td>{row.location ?? ''}</td>
                  <td>{row.expected}</td>
                  <td className="warn-text">{row.store}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
