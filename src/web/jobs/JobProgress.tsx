// One job's progress bar, per-item results and the reason for each failure.
import type { Job, JobResult } from '../api/types.ts';
import { jobKindLabels } from './jobs.tsx';

const itemStates: Record<string, string> = { done: 'done', failed: 'failed', pending: 'waiting', running: 'working on it', skipped: 'skipped' };

function resultLine(result: JobResult): string {
  const what = result.label ?? result.item;
  const how = result.state ? itemStates[result.state] ?? result.state : 'done';
  return result.reason ? `${what} — ${how}: ${result.reason}` : `${what} — ${how}`;
}

export function JobProgress({ job }: { job: Job }) {
  const { done, total } = job.progress ?? { done: 0, total: 0 };
  const percent = total > 0 ? Math.round((done / total) * 100) : job.state === 'done' ? 100 : 0;
  const withFailures = job.state === 'done' && (job.errors?.length ?? 0) > 0;
  const stateText = withFailures ? 'Finished with failures' : ({ queued: 'Waiting to start', running: 'Running', done: 'Finished', failed: 'Failed' }[job.state] ?? job.state);
  return (
    <div className="job" data-testid="job-progress" data-state={job.state}>
      <div className="job-head">
        <strong>{jobKindLabels[job.kind] ?? job.kind}</strong>
        <span className={`badge ${withFailures ? 'partial' : job.state}`}>{stateText}</span>
      </div>
      <div className="bar" role="progressbar" aria-valuemin={0} aria-valuemax={total} aria-valuenow={done} aria-label="Job progress">
        <span style={{ width: `${percent}%` }} />
      </div>
      <p className="muted small">
        {done} of {total} done{job.errors?.length ? `, ${job.errors.length} failed` : ''}
      </p>
      {job.error && <p className="error">{job.error}</p>}
      {job.errors?.length > 0 && (
        <ul className="job-errors">
          {job.errors.map((e, i) => (
            <li key={i} className="error">
              {e.label ?? e.item}: {e.reason}
            </li>
          ))}
        </ul>
      )}
      {Array.isArray(job.results) && job.results.length > 0 && (
        <details open={job.results.length <= 10}>
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
