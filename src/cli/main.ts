// The `stockroom` command line. Each command group is a module exporting `register(program)`;
// add a group with ONE line in `commandModules`. Shared plumbing: global-options.ts (the
// options every command takes), cli-context.ts (`withCliContext`: database + account),
// output.ts (`printResult`, `note`), cli-error.ts (`CliError`; failures become one stderr line).
import { Command } from 'commander';
import { addGlobalOptions } from './global-options.ts';
import { exitWithFailure } from './cli-error.ts';

export interface CommandModule {
  register(program: Command): void;
}

const commandModules: CommandModule[] = [
  await import('./commands/serve.ts'),
  await import('./commands/migrate.ts'),
  await import('./commands/user.ts'),
  await import('./commands/product.ts'),
  await import('./commands/stock.ts'),
  await import('./commands/emulate.ts'),
  await import('./commands/store.ts'),
  await import('./commands/job.ts'),
  await import('./commands/worker.ts'),
  await import('./commands/sync.ts'),
];

const program = addGlobalOptions(new Command('stockroom'))
  .description('Stockroom: retail inventory that keeps the till and online stores in step')
  .showHelpAfterError(false)
  .configureOutput({ outputError: (text, write) => write(text.trim().split('\n')[0] + '\n') });

for (const module of commandModules) module.register(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  exitWithFailure(error);
}
