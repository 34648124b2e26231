// The header's jobs indicator: how many jobs run now; opens the list of this session's jobs.
import { useState } from 'react';
import { useJobs } from './jobs.tsx';
import { JobProgress } from './JobProgress.tsx';

export function JobsIndicator() {
  const { jobs } = useJobs();
  const [open, setOpen] = useState(false);
  const list = Object.values(jobs).reverse();
  if (list.length === 0) return null;
  const running = list.filter((job) => job.state === 'queued' || job.state === 'running').length;
  const failed = list.filter((job) => job.state === 'failed' || (job.errors?.length ?? 0) > 0).length;
  const label =
    running > 0 ? `${running} job${running === 1 ? '' : 's'} running` : failed > 0 ? `${failed} job${failed === 1 ? '' : 's'} with failures` : 'Jobs finished';
  return (
    <div className="jobs-indicator">
      <button className={running ? 'jobs-button busy' : 'jobs-button'} onClick={() => setOpen(!open)} aria-expanded={open} data-testid="jobs-indicator">
        {running > 0 && <span className="spinner" aria-hidden="true" />} {label}
      </button>
      {open && (
        <div className="jobs-popover card" role="dialog" aria-label="Jobs">
          {list.map((job) => (
            <JobProgress key={job.id} job={job} />
          ))}
        </div>
      )}
    </div>
  );
}
