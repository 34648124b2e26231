// Shared by the `--wait` store commands: run (or watch) the job, show progress on stderr, and turn
// a failed job into the one-line failure the CLI prints.
import type { DatabaseHandle } from '../../../db/handle.ts';
import type { JobView } from '../../../jobs/job.ts';
import { runJobUntilFinished } from '../../../jobs/wait-for-job.ts';
import { CliError } from '../../cli-error.ts';
import { note } from '../../output.ts';

export async function waitForJob(handle: DatabaseHandle, accountId: string, jobId: string, label: string): Promise<JobView> {
  const stop = new AbortController();
  const onSignal = () => stop.abort(new Error('interrupted'));
  process.once('SIGINT', onSignal);
  try {
    const job = await runJobUntilFinished(handle, accountId, jobId, {
      signal: stop.signal,
      onProgress: (view) => note(`${label}: ${view.state} ${view.progress.done}/${view.progress.total}`),
    });
    if (job.state === 'failed') throw new CliError(`${label} failed: ${job.error ?? 'unknown reason'}`);
    if (job.state !== 'done') throw new CliError(`${label} stopped before it finished (job ${jobId} resumes on the next run of a worker).`);
    return job;
  } finally {
    process.off('SIGINT', onSignal);
  }
}
