// `stockroom store drift ID` → [{ "sku", "location", "expected", "store" }]: every linked variant
// whose store quantity differs from what it should be (read from the store now).
import type { Command } from 'commander';
import { storeDrift } from '../../../sync/reconcile/reconcile-service.ts';
import { withCliContext } from '../../cli-context.ts';
import { printResult } from '../../output.ts';
import { readSecret } from '../../secret.ts';

export function register(store: Command): void {
  store
    .command('drift')
    .description('every linked variant whose store quantity differs from what it should be: [{ sku, location, expected, store }]')
    .argument('<id>', 'store id')
    .action(async (id: string, _opts: unknown, command: Command) => {
      const secret = readSecret();
      await withCliContext(command, async ({ handle, account, options }) => {
        const drift = await storeDrift(handle, account.id, id, { secret });
        printResult(options, drift, () =>
          drift.length === 0 ? 'No drift: the store shows what it should.' : drift.map((d) => `${d.sku ?? '(no SKU)'} at ${d.location}: store ${d.store}, expected ${d.expected}`).join('\n'),
        );
      });
    });
}
