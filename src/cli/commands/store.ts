// `stockroom store …`: connect and configure stores, import, publish, read the sync log.
// One file per subcommand in ./store/; add one with ONE line in `subcommands`.
import type { Command } from 'commander';

export interface StoreSubcommand {
  register(store: Command): void;
}

const subcommands: StoreSubcommand[] = [
  await import('./store/connect.ts'),
  await import('./store/set.ts'),
  await import('./store/list.ts'),
  await import('./store/import.ts'),
  await import('./store/local-products.ts'),
  await import('./store/select.ts'),
  await import('./store/publish.ts'),
  await import('./store/log.ts'),
  await import('./store/drift.ts'),
  await import('./store/reconcile.ts'),
];

export function register(program: Command): void {
  const store = program.command('store').description('connected online stores: connect, import, publish, sync log');
  for (const subcommand of subcommands) subcommand.register(store);
}
