// Opening the database for a command: the SQLite file under --data (or DATABASE_URL), migrated,
// with the default account and its Main location on a new database, and the account to act on.
import type { Command } from 'commander';
import { openDatabase, type DatabaseHandle } from '../db/handle.ts';
import { ensureDefaultAccount, findAccountByName, type Account } from '../accounts/accounts.ts';
import { CliError } from './cli-error.ts';
import { globalOptions, type GlobalOptions } from './global-options.ts';

export interface CliContext {
  handle: DatabaseHandle;
  account: Account;
  options: GlobalOptions;
}

export async function openCliDatabase(options: GlobalOptions): Promise<DatabaseHandle> {
  return openDatabase({ dataDir: options.data, url: process.env.DATABASE_URL || undefined });
}

export async function resolveAccount(handle: DatabaseHandle, options: GlobalOptions): Promise<Account> {
  const defaultAccount = await ensureDefaultAccount(handle);
  if (options.account === undefined) return defaultAccount;
  const named = await findAccountByName(handle, options.account);
  if (!named) throw new CliError(`There is no account named "${options.account}".`);
  return named;
}

/**
 * Runs `fn` with the database open and the account resolved, and closes the database after,
 * whatever happens. The usual body of a command's action.
 */
export async function withCliContext<T>(command: Command, fn: (context: CliContext) => Promise<T>): Promise<T> {
  const options = globalOptions(command);
  const handle = await openCliDatabase(options);
  try {
    const account = await resolveAccount(handle, options);
    return await fn({ handle, account, options });
  } finally {
    await handle.close();
  }
}
