// `stockroom store select ID --product PID …`: save the selection a later `store publish ID` uses.
import type { Command } from 'commander';
import { saveSelection } from '../../../sync/publish/selection.ts';
import { withCliContext } from '../../cli-context.ts';
import { printResult } from '../../output.ts';

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export function register(store: Command): void {
  store
    .command('select')
    .description('save which local products to publish to the store (replaces the saved selection)')
    .argument('<id>', 'store id')
    .option('--product <pid>', 'a product id (repeat for more)', collect, [] as string[])
    .action(async (id: string, opts: { product: string[] }, command: Command) => {
      await withCliContext(command, async ({ handle, account, options }) => {
        const productIds = await saveSelection(handle, account.id, id, opts.product);
        printResult(options, { productIds }, () => `Saved a selection of ${productIds.length} product(s).`);
      });
    });
}
