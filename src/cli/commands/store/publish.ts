// `stockroom store publish ID (--flagged | --product PID …) [--dry-run] [--wait]`
// → { "created": [{ productId, name }], "blocked": [{ productId, name, reason }], "failed": [{ productId, name, reason }] }
import type { Command } from 'commander';
import { startPublish } from '../../../sync/publish/publish-plan.ts';
import type { PublishReport } from '../../../sync/publish/publish-job.ts';
import { withCliContext } from '../../cli-context.ts';
import { printResult } from '../../output.ts';
import { readSecret } from '../../secret.ts';
import { waitForJob } from './wait-progress.ts';

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function human(report: PublishReport, dryRun: boolean): string {
  const verb = dryRun ? 'would create' : 'created';
  return [
    `${verb} ${report.created.length}, blocked ${report.blocked.length}, failed ${report.failed.length}.`,
    ...report.created.map((p) => `  ${verb}: ${p.name}`),
    ...report.blocked.map((p) => `  blocked: ${p.name} — ${p.reason}`),
    ...report.failed.map((p) => `  failed: ${p.name} — ${p.reason}`),
  ].join('\n');
}

export function register(store: Command): void {
  store
    .command('publish')
    .description('create local products on the store as drafts, with their stock (without --product or --flagged: the saved selection)')
    .argument('<id>', 'store id')
    .option('--flagged', 'every unlinked product with the Ecommerce flag', false)
    .option('--product <pid>', 'a product id (repeat for more)', collect, [] as string[])
    .option('--dry-run', 'show what would be created and what is blocked; change nothing', false)
    .option('--wait', 'wait for the job to finish and print what it did', false)
    .action(async (id: string, opts: { flagged: boolean; product: string[]; dryRun: boolean; wait: boolean }, command: Command) => {
      const secret = readSecret();
      await withCliContext(command, async ({ handle, account, options }) => {
        const { plan, jobId } = await startPublish(handle, account.id, id, { flagged: opts.flagged, productIds: opts.product, dryRun: opts.dryRun }, { secret });
        if (opts.dryRun || jobId === null) {
          printResult(options, plan, () => human(plan, opts.dryRun));
          return;
        }
        if (!opts.wait) {
          printResult(options, { jobId }, () => `Publishing ${plan.created.length} product(s) as job ${jobId}.`);
          return;
        }
        const job = await waitForJob(handle, account.id, jobId, 'publish');
        const report = job.summary as PublishReport;
        printResult(options, report, () => human(report, false));
        if (report.failed.length > 0) process.exitCode = 1;
      });
    });
}
