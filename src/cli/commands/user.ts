// `stockroom user add EMAIL`: create a login; the password is read from stdin.
import type { Command } from 'commander';
import { createUser } from '../../auth/users.ts';
import { withCliContext } from '../cli-context.ts';
import { printResult } from '../output.ts';
import { readStdinLine } from '../stdin.ts';

export function register(program: Command): void {
  const user = program.command('user').description('logins');
  user
    .command('add')
    .argument('<email>', 'the login email')
    .description('create a login (password on stdin)')
    .action(async (email: string, _options, command: Command) => {
      const password = await readStdinLine('Password: ');
      await withCliContext(command, async ({ handle, account, options }) => {
        const created = await createUser(handle.db, { accountId: account.id, email, password });
        printResult(options, { id: created.id, email: created.email, account: account.name }, () => `Created user ${created.email} in ${account.name}.`);
      });
    });
}
