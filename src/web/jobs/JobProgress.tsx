// One job's progress bar, per-item results and the reason for each failure.
import type { Job } from '../api/types.ts';
import { jobKindLabels } from './jobs.tsx';

function resultLine(result: unknown): string {
  if (typeof result === 'string') return result;
  const r = result as { name?: string; productId?: string; sku?: string; outcome?: string; status?: string; action?: string };
  const what = r.name ?? r.sku ?? r.productId ?? '';
  const how = r.outcome ?? r.status ?? r.action ?? 'done';
  return `${what} — ${how}`;
}

export function JobProgress({ job }: { job: Job }) {
  const { done, total } = job.progress ?? { done: 0, total: 0 };
  const percent = total > 0 ? Math.round((done / total) * 100) : job.state === 'done' ? 100 : 0;
  const stateText = { queued: 'Waiting to start', running: 'Running', done: 'Finished', failed: 'Failed' }[job.state] ?? job.state;
  return (
    <div className="job" data-testid="job-progress" data-state={job.state}>
      <div className="job-head">
        <strong>{jobKindLabels[job.kind] ?? job.kind}</strong>
        <span className={`badge ${job.state}`}>{stateText}</span>
      </div>
      <div className="bar" role="progressbar" aria-valuemin={0} aria-valuemax={total} aria-valuenow={done} aria-label="Job progress">
        <span style={{ width: `${percent}%` }} />
      </div>
      <p className="muted small">
        {done} of {total} done{job.errors?.length ? `, ${job.errors.length} failed` : ''}
      </p>
      {job.errors?.length > 0 && (
        <ul className="job-errors">
          {job.errors.map((e, i) => (
            <li key={i} className="error">
              {e.item}: {e.reason}
            </li>
          ))}
        </ul>
      )}
      {Array.isArray(job.results) && job.results.length > 0 && (
        <details>
          <summary>{job.results.length} result{job.results.length === 1 ? '' : 's'}</summary>
          <ul className="job-results">
            {job.results.slice(0, 200).map((r, i) => (
              <li key={i}>{resultLine(r)}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
