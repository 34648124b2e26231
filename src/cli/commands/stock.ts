// `stockroom stock move` and `stockroom stock show`.
import type { Command } from 'commander';
import { recordMovement } from '../../stock/record-movement.ts';
import { getStock } from '../../stock/stock-query.ts';
import { resolveLocation } from '../../accounts/locations.ts';
import { CliError } from '../cli-error.ts';
import { withCliContext } from '../cli-context.ts';
import { printResult } from '../output.ts';

const CLI_KINDS = ['sale', 'return', 'receipt', 'adjustment', 'count'] as const;

export function register(program: Command): void {
  const stock = program.command('stock').description('stock movements and quantities');

  stock
    .command('move')
    .description('record a stock movement at a location (default Main)')
    .requiredOption('--sku <sku>', 'the variant')
    .requiredOption('--qty <quantity>', 'quantity (decimal for per-unit products; signed for an adjustment; the counted level for a count)')
    .requiredOption('--kind <kind>', CLI_KINDS.join(' | '))
    .option('--location <location>', 'location name or id (default Main)')
    .option('--reason <text>', 'why')
    .option('--reference <text>', 'a reference (receipt number, order…)')
    .action(async (opts: { sku: string; qty: string; kind: string; location?: string; reason?: string; reference?: string }, command: Command) => {
      if (!(CLI_KINDS as readonly string[]).includes(opts.kind)) {
        throw new CliError(`--kind must be one of ${CLI_KINDS.join(', ')}, not "${opts.kind}".`);
      }
      await withCliContext(command, async ({ handle, account, options }) => {
        const result = await recordMovement(handle, account.id, {
          sku: opts.sku,
          kind: opts.kind,
          quantity: opts.qty,
          location: opts.location,
          reason: opts.reason,
          reference: opts.reference,
          actor: 'cli',
        });
        const report = await getStock(handle, account.id, opts.sku);
        const location = await resolveLocation(handle.db, account.id, result.movement.locationId);
        const value = {
          id: result.movement.id,
          sku: report.sku,
          kind: result.movement.kind,
          change: result.movement.quantity,
          location: location.name,
          onHand: result.onHand,
          total: report.total,
        };
        printResult(options, value, () => `${value.kind} ${value.change} of ${value.sku} at ${value.location}: ${value.onHand} on hand (${value.total} in all).`);
      });
    });

  stock
    .command('show')
    .description('stock of one SKU at every location: { sku, total, locations: [{ location, onHand }] }')
    .requiredOption('--sku <sku>', 'the variant')
    .action(async (opts: { sku: string }, command: Command) => {
      await withCliContext(command, async ({ handle, account, options }) => {
        const report = await getStock(handle, account.id, opts.sku);
        printResult(options, report, () =>
          [`${report.sku}: ${report.total} in all`, ...report.locations.map((row) => `  ${row.location}: ${row.onHand}`)].join('\n'),
        );
      });
    });
}
