// `stockroom store local-products ID` → [{ "productId", "name", "preselected", "fits" }]
import type { Command } from 'commander';
import { listLocalProducts } from '../../../sync/publish/local-products.ts';
import { withCliContext } from '../../cli-context.ts';
import { printResult } from '../../output.ts';
import { readSecret } from '../../secret.ts';

export function register(store: Command): void {
  store
    .command('local-products')
    .description('local products not linked to the store, preselected by their Ecommerce flag, and whether each fits')
    .argument('<id>', 'store id')
    .action(async (id: string, _opts: unknown, command: Command) => {
      const secret = readSecret();
      await withCliContext(command, async ({ handle, account, options }) => {
        const rows = (await listLocalProducts(handle, account.id, id, { secret })).map(({ productId, name, preselected, fits }) => ({ productId, name, preselected, fits }));
        printResult(options, rows, () =>
          rows.length === 0 ? 'Every local product is on this store.' : rows.map((r) => `${r.preselected ? '[x]' : '[ ]'} ${r.productId}  ${r.name}  — ${r.fits}`).join('\n'),
        );
      });
    });
}
