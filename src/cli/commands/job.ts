// `stockroom job list|show|retry`: background jobs, their per-item results, retry of failed items.
import type { Command } from 'commander';
import { getJob, listJobs, retryJob } from '../../jobs/job-store.ts';
import { withCliContext } from '../cli-context.ts';
import { printResult } from '../output.ts';
import { waitForJob } from './store/wait-progress.ts';

export function register(program: Command): void {
  const job = program.command('job').description('background jobs (imports, publishes…)');

  job
    .command('list')
    .description('recent jobs, newest first')
    .action(async (_opts: unknown, command: Command) => {
      await withCliContext(command, async ({ handle, account, options }) => {
        const jobs = await listJobs(handle, account.id);
        printResult(options, jobs, () =>
          jobs.length === 0 ? 'No jobs.' : jobs.map((j) => `${j.id}  ${j.kind}  ${j.state}  ${j.progress.done}/${j.progress.total}${j.error ? `  ${j.error}` : ''}`).join('\n'),
        );
      });
    });

  job
    .command('show')
    .description('a job with its progress, results and per-item errors')
    .argument('<id>', 'job id')
    .action(async (id: string, _opts: unknown, command: Command) => {
      await withCliContext(command, async ({ handle, account, options }) => {
        const view = await getJob(handle, account.id, id);
        printResult(options, view, () =>
          [`${view.kind} ${view.state} ${view.progress.done}/${view.progress.total}${view.error ? ` — ${view.error}` : ''}`, ...view.errors.map((e) => `  failed ${e.label ?? e.item}: ${e.reason}`)].join('\n'),
        );
      });
    });

  job
    .command('retry')
    .description('run a finished job again for its failed items only')
    .argument('<id>', 'job id')
    .option('--wait', 'run it here and wait for it', false)
    .action(async (id: string, opts: { wait: boolean }, command: Command) => {
      await withCliContext(command, async ({ handle, account, options }) => {
        await retryJob(handle, account.id, id);
        const view = opts.wait ? await waitForJob(handle, account.id, id, 'retry') : await getJob(handle, account.id, id);
        printResult(options, view, () => `Job ${id} ${view.state}; ${view.errors.length} item(s) failed.`);
      });
    });
}
