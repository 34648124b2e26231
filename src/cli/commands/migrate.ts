// `stockroom migrate`: bring the database schema up to date.
import type { Command } from 'commander';
import { openDatabase } from '../../db/handle.ts';
import { migrateToLatest } from '../../db/migrator.ts';
import { ensureDefaultAccount } from '../../accounts/accounts.ts';
import { globalOptions } from '../global-options.ts';
import { printResult } from '../output.ts';

export function register(program: Command): void {
  program
    .command('migrate')
    .description('bring the database schema up to date')
    .action(async (_options, command: Command) => {
      const options = globalOptions(command);
      const handle = await openDatabase({ dataDir: options.data, url: process.env.DATABASE_URL || undefined, migrate: false });
      try {
        const applied = await migrateToLatest(handle.db);
        await ensureDefaultAccount(handle);
        printResult(options, { applied, dialect: handle.dialect }, () =>
          applied.length === 0 ? 'The database schema is up to date.' : `Applied ${applied.length} migration(s): ${applied.join(', ')}`,
        );
      } finally {
        await handle.close();
      }
    });
}
