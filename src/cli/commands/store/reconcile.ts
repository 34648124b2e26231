// `stockroom store reconcile ID [--dry-run] [--wait]`: repair drift. --dry-run shows the drift and
// changes nothing; --wait repairs it here and now; without either, the sync loop (a worker, or
// the next `stockroom sync`) is asked to do it.
import type { Command } from 'commander';
import { reconcileNow, requestStoreReconcile } from '../../../sync/reconcile/reconcile-service.ts';
import { withCliContext } from '../../cli-context.ts';
import { note, printResult } from '../../output.ts';
import { readSecret } from '../../secret.ts';

export function register(store: Command): void {
  store
    .command('reconcile')
    .description('repair drift: --dry-run shows it first; --wait repairs it here and prints { found, fixed, remaining }')
    .argument('<id>', 'store id')
    .option('--dry-run', 'show the drift, change nothing', false)
    .option('--wait', 'repair it in this process and print the result', false)
    .action(async (id: string, opts: { dryRun: boolean; wait: boolean }, command: Command) => {
      const secret = readSecret();
      await withCliContext(command, async ({ handle, account, options }) => {
        if (!opts.dryRun && !opts.wait) {
          await requestStoreReconcile(handle, account.id, id);
          printResult(options, { requested: true }, () => 'Reconcile requested: the next sync round (a worker, or `stockroom sync`) repairs the drift.');
          return;
        }
        note(opts.dryRun ? 'Reading the store…' : 'Taking in orders, reading the store and repairing…');
        const result = await reconcileNow(handle, account.id, id, { dryRun: opts.dryRun, secret });
        const view = { dryRun: result.dryRun, found: result.found, fixed: result.fixed, drift: result.drift, remaining: result.remaining };
        printResult(options, view, () => {
          const lines = result.drift.map((d) => `${d.sku ?? '(no SKU)'} at ${d.location}: store ${d.store}, expected ${d.expected}`);
          const head = result.dryRun ? `Drift found: ${result.found} (dry run, nothing changed).` : `Drift found: ${result.found}, fixed: ${result.fixed}, remaining: ${result.remaining.length}.`;
          return [head, ...lines].join('\n');
        });
      });
    });
}
