// `stockroom store import ID [--wait]` → with --wait { "linked", "created", "skipped": [{ "sku", "reason" }] }
import type { Command } from 'commander';
import { startImport } from '../../../sync/import/start-import.ts';
import type { ImportSummary } from '../../../sync/import/import-job.ts';
import { withCliContext } from '../../cli-context.ts';
import { printResult } from '../../output.ts';
import { waitForJob } from './wait-progress.ts';

export function register(store: Command): void {
  store
    .command('import')
    .description("import the store's catalogue (a background job; --wait runs it here and prints the summary)")
    .argument('<id>', 'store id')
    .option('--wait', 'wait for it to finish and print { linked, created, skipped }', false)
    .action(async (id: string, opts: { wait: boolean }, command: Command) => {
      await withCliContext(command, async ({ handle, account, options }) => {
        const { jobId } = await startImport(handle, account.id, id);
        if (!opts.wait) {
          printResult(options, { jobId }, () => `Import started as job ${jobId}.`);
          return;
        }
        const job = await waitForJob(handle, account.id, jobId, 'import');
        const summary = job.summary as ImportSummary;
        printResult(options, summary, () =>
          [`Linked ${summary.linked}, created ${summary.created}, skipped ${summary.skipped.length}.`, ...summary.skipped.map((s) => `  skipped ${s.sku || '(no SKU)'}: ${s.reason}`)].join('\n'),
        );
      });
    });
}
