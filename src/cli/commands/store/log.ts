// `stockroom store log ID [--kind K] [--outcome ok|partial|failed] [--limit N]`: the store's sync log, newest first.
import type { Command } from 'commander';
import { listSyncLog } from '../../../sync/sync-log/sync-log.ts';
import { getStoreRow } from '../../../sync/stores/store-view.ts';
import { CliError } from '../../cli-error.ts';
import { withCliContext } from '../../cli-context.ts';
import { printResult } from '../../output.ts';

export function register(store: Command): void {
  store
    .command('log')
    .description("the store's sync log, newest first: [{ kind, items, outcome, durationMs, error, at }]")
    .argument('<id>', 'store id')
    .option('--kind <kind>', 'only this kind (import, publish, product-update, stock-push, orders, reconcile, connect)')
    .option('--outcome <outcome>', 'ok | partial | failed')
    .option('--limit <n>', 'how many (default 50)', '50')
    .action(async (id: string, opts: { kind?: string; outcome?: string; limit: string }, command: Command) => {
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new CliError(`--limit must be a whole number from 1 to 1000, not "${opts.limit}".`);
      if (opts.outcome !== undefined && !['ok', 'partial', 'failed'].includes(opts.outcome)) throw new CliError(`--outcome must be ok, partial or failed, not "${opts.outcome}".`);
      await withCliContext(command, async ({ handle, account, options }) => {
        await getStoreRow(handle.db, account.id, id);
        const entries = await listSyncLog(handle, account.id, { storeId: id, kind: opts.kind, outcome: opts.outcome as 'ok' | undefined, limit });
        printResult(options, entries, () =>
          entries.length === 0 ? 'Nothing logged yet.' : entries.map((e) => `${e.at}  ${e.kind}  ${e.outcome}  ${e.items} item(s)  ${e.durationMs} ms${e.error ? `  ${e.error}` : ''}`).join('\n'),
        );
      });
    });
}
