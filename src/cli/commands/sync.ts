// `stockroom sync [--until-idle]`: poll every store for new orders, push pending changes, run due
// jobs. Without --until-idle it runs until stopped (Ctrl-C); with it, returns when nothing is left.
import type { Command } from 'commander';
import { runDueJobs } from '../../jobs/job-runner.ts';
import { leaseMsFromEnv } from '../../jobs/job-runner.ts';
import { processHolder, runSyncLoop, syncUntilIdle, type SyncRoundResult } from '../../sync/engine-loop/sync-loop.ts';
import { withCliContext } from '../cli-context.ts';
import { note, printResult } from '../output.ts';
import { readSecret } from '../secret.ts';
import { untilStopSignal } from '../stop-signal.ts';
import { CliError } from '../cli-error.ts';

export function register(program: Command): void {
  program
    .command('sync')
    .description('poll every store for new orders, push pending changes, run due jobs; --until-idle returns when nothing is left')
    .option('--until-idle', 'return when nothing is left to do', false)
    .action(async (opts: { untilIdle: boolean }, command: Command) => {
      if (!readSecret()) throw new CliError('STOCKROOM_SECRET is not set (32+ characters): the stores cannot be reached without it.');
      await withCliContext(command, async ({ handle, options }) => {
        const jobHandlers = (await import('../../jobs/job-handlers.ts')).jobHandlers;
        const runJobs = () => runDueJobs(handle, jobHandlers, { owner: processHolder, leaseMs: leaseMsFromEnv() });
        let lastFailure = '';
        const onStoreError = (store: { name: string }, error: unknown) => {
          lastFailure = `${store.name}: ${error instanceof Error ? error.message : String(error)}`;
          note(`sync: ${lastFailure}`);
        };
        if (!opts.untilIdle) {
          const stop = new AbortController();
          const loop = runSyncLoop(handle, stop.signal, { onStoreError });
          const jobs = (async () => {
            while (!stop.signal.aborted) {
              await runJobs();
              await new Promise((resolve) => setTimeout(resolve, 500));
            }
          })();
          note('Syncing; stop with Ctrl-C.');
          await untilStopSignal();
          stop.abort();
          await Promise.all([loop, jobs]);
          return;
        }
        let jobsRun = await runJobs();
        const result = await syncUntilIdle(handle, {
          onStoreError,
          onProgress: (round: SyncRoundResult, n: number) => {
            if (round.requests + round.ordersChanged + round.reconciled > 0) {
              note(`round ${n}: ${round.ordersChanged} order(s) taken in, ${round.pushed} quantity(ies) pushed in ${round.requests} request(s), ${round.reconciled} reconciled`);
            }
          },
        });
        jobsRun += await runJobs();
        if (result.failing) throw new CliError(`Sync stopped because a store keeps failing (${lastFailure}); the work left is kept.`);
        if (!result.idle) throw new CliError('Sync did not become idle in time; run it again (the work left is kept).');
        const summary = { idle: true, rounds: result.rounds, jobs: jobsRun, ...result.totals };
        printResult(options, summary, () => `Idle after ${result.rounds} round(s): ${result.totals.ordersChanged} order(s) taken in, ${result.totals.pushed} quantity(ies) pushed in ${result.totals.requests} request(s), ${jobsRun} job(s) run.`);
      });
    });
}
