// `stockroom product import-csv FILE` and `export-csv FILE`: the catalogue CSV (CONTRACT.md).
import type { Command } from 'commander';
import { importCatalogCsv } from '../../catalog/csv/import.ts';
import { exportCatalogCsv } from '../../catalog/csv/export.ts';
import { withCliContext } from '../cli-context.ts';
import { printResult } from '../output.ts';

export function register(program: Command): void {
  const product = program.command('product').description('the catalogue');

  product
    .command('import-csv')
    .argument('<file>', 'the catalogue CSV')
    .description('create and update products from a CSV; a bad row is reported with its line number and nothing is written')
    .action(async (file: string, _options, command: Command) => {
      await withCliContext(command, async ({ handle, account, options }) => {
        const result = await importCatalogCsv(handle, account.id, file);
        printResult(options, result, () =>
          [
            `Products: ${result.products.created} created, ${result.products.updated} updated, ${result.products.unchanged} unchanged.`,
            `Variants: ${result.variants.created} created, ${result.variants.updated} updated, ${result.variants.unchanged} unchanged.`,
            `Opening balances: ${result.openingBalances}.`,
            ...(result.createdMasterData.length > 0 ? [`Created: ${result.createdMasterData.map((item) => `${item.kind.replace('_', ' ')} "${item.name}"`).join(', ')}.`] : []),
          ].join('\n'),
        );
      });
    });

  product
    .command('export-csv')
    .argument('<file>', 'where to write the catalogue CSV')
    .description('write every product and variant in the import format (export → import changes nothing)')
    .action(async (file: string, _options, command: Command) => {
      await withCliContext(command, async ({ handle, account, options }) => {
        const result = await exportCatalogCsv(handle, account.id, file);
        printResult(options, { file, ...result }, () => `Wrote ${result.products} products (${result.variants} variants) to ${file}.`);
      });
    });
}
