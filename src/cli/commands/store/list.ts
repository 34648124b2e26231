// `stockroom store list`: the connected stores and their state.
import type { Command } from 'commander';
import { storeViews } from '../../../sync/stores/store-view.ts';
import { withCliContext } from '../../cli-context.ts';
import { printResult } from '../../output.ts';

export function register(store: Command): void {
  store
    .command('list')
    .description('the connected stores and their state')
    .action(async (_opts: unknown, command: Command) => {
      await withCliContext(command, async ({ handle, account, options }) => {
        const views = await storeViews(handle.db, account.id);
        printResult(options, views, () =>
          views.length === 0
            ? 'No stores connected.'
            : views
                .map((v) => `${v.id}  ${v.platform}  ${v.name}  ${v.state}  ${v.linkedVariants} linked variants, ${v.pendingStock} to push${v.lastError ? `  (${v.lastError})` : ''}`)
                .join('\n'),
        );
      });
    });
}
