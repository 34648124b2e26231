// `stockroom store connect --platform P --url URL --credentials JSON [--name N]` → { "id": … }
import type { Command } from 'commander';
import { connectStore } from '../../../sync/stores/connect-store.ts';
import { withCliContext } from '../../cli-context.ts';
import { note, printResult } from '../../output.ts';
import { readSecret } from '../../secret.ts';

export function register(store: Command): void {
  store
    .command('connect')
    .description('check the credentials against the store and save it; prints { "id": … }')
    .requiredOption('--platform <platform>', 'shopify | woocommerce | bigcommerce')
    .requiredOption('--url <url>', "the store's origin")
    .requiredOption('--credentials <json>', 'e.g. {"accessToken":"…"}')
    .option('--name <name>', 'what to call it (default: the store\'s own name)')
    .option('--location <location>', 'local location whose stock it shows (default Main)')
    .option('--orders-location <location>', 'local location its orders take stock from (default: the shown location)')
    .option('--buffer <n>', 'safety buffer in units (default 0)')
    .option('--attribute-policy <policy>', 'merge | skip (default merge)')
    .action(async (opts: { platform: string; url: string; credentials: string; name?: string; location?: string; ordersLocation?: string; buffer?: string; attributePolicy?: string }, command: Command) => {
      const secret = readSecret();
      await withCliContext(command, async ({ handle, account, options }) => {
        const result = await connectStore(
          handle,
          account.id,
          {
            platform: opts.platform,
            url: opts.url,
            credentials: opts.credentials,
            name: opts.name,
            location: opts.location,
            ordersLocation: opts.ordersLocation,
            buffer: opts.buffer,
            attributePolicy: opts.attributePolicy,
          },
          { secret },
        );
        if (result.webhookNote) note(result.webhookNote);
        printResult(options, { id: result.id }, () => `Connected ${result.name} (${result.platform}) as store ${result.id}.`);
      });
    });
}
