// The options every command takes (CONTRACT.md, General).
import type { Command } from 'commander';

export interface GlobalOptions {
  /** One JSON document on stdout; human text on stderr. */
  json: boolean;
  /** The folder of the SQLite file (ignored when DATABASE_URL is set). */
  data: string;
  /** The account to act on; default: the default account. */
  account?: string;
}

export function addGlobalOptions(program: Command): Command {
  return program
    .option('--json', 'print one JSON document on stdout (human text goes to stderr)', false)
    .option('--data <dir>', 'folder of the SQLite database (unless DATABASE_URL names PostgreSQL)', './data')
    .option('--account <name>', 'act on this account instead of the default one');
}

/** The global options as seen from inside any (sub)command's action. */
export function globalOptions(command: Command): GlobalOptions {
  const all = command.optsWithGlobals<{ json?: boolean; data?: string; account?: string }>();
  return { json: all.json ?? false, data: all.data ?? './data', account: all.account };
}
