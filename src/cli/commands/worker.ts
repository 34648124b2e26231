// `stockroom worker`: a background worker only — runs jobs and the periodic sync work until
// stopped. Several may run against one PostgreSQL database (with REDIS_URL, sharing one bullmq queue).
import type { Command } from 'commander';
import { runWorker } from '../../jobs/worker.ts';
import { openCliDatabase, resolveAccount } from '../cli-context.ts';
import { globalOptions } from '../global-options.ts';
import { note } from '../output.ts';
import { readSecret } from '../secret.ts';
import { untilStopSignal } from '../stop-signal.ts';

export function register(program: Command): void {
  program
    .command('worker')
    .description('a background worker only (several may run against one PostgreSQL)')
    .action(async (_opts: unknown, command: Command) => {
      const options = globalOptions(command);
      if (!readSecret()) note('STOCKROOM_SECRET is not set: stores cannot be reached until it is (32+ characters).');
      const handle = await openCliDatabase(options);
      const stop = new AbortController();
      try {
        await resolveAccount(handle, options);
        const done = runWorker({
          handle,
          signal: stop.signal,
          onListening: (engine) => note(`Worker running (jobs: ${engine === 'bullmq' ? 'bullmq queue on REDIS_URL' : 'embedded, from the database'}); stop it with Ctrl-C.`),
        });
        await Promise.race([untilStopSignal(), done]);
        note('Stopping…');
        stop.abort();
        await done;
      } finally {
        stop.abort();
        await handle.close();
      }
    });
}
