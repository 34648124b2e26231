// `stockroom store set ID [--buffer N] [--attribute-policy merge|skip] [--location L] [--orders-location L] [--remote-location R]`
import type { Command } from 'commander';
import { updateStoreSettings } from '../../../sync/stores/store-settings.ts';
import { CliError } from '../../cli-error.ts';
import { withCliContext } from '../../cli-context.ts';
import { printResult } from '../../output.ts';

export function register(store: Command): void {
  store
    .command('set')
    .description("a store's settings: safety buffer, attribute policy, shown location, orders location")
    .argument('<id>', 'store id')
    .option('--buffer <n>', 'safety buffer in units (0 or more)')
    .option('--attribute-policy <policy>', 'merge | skip')
    .option('--location <location>', 'local location whose stock the store shows')
    .option('--orders-location <location>', 'local location its orders take stock from')
    .option('--remote-location <location>', "the store's own location (id or name) its quantities are read and written at")
    .option('--name <name>', 'rename it')
    .action(async (id: string, opts: { buffer?: string; attributePolicy?: string; location?: string; ordersLocation?: string; remoteLocation?: string; name?: string }, command: Command) => {
      if (Object.values(opts).every((value) => value === undefined)) {
        throw new CliError('Say what to change: --buffer, --attribute-policy, --location, --orders-location, --remote-location or --name.');
      }
      await withCliContext(command, async ({ handle, account, options }) => {
        const view = await updateStoreSettings(handle, account.id, id, opts);
        printResult(options, view, () =>
          `${view.name}: buffer ${view.buffer}, attribute policy ${view.attributePolicy}, shows ${view.location}, orders from ${view.ordersLocation}.`,
        );
      });
    });
}
