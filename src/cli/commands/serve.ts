// `stockroom serve [--port N]`: the API, the web app and the background worker in one process.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import type { DatabaseHandle } from '../../db/handle.ts';
import { CliError } from '../cli-error.ts';
import { openCliDatabase, resolveAccount } from '../cli-context.ts';
import { globalOptions } from '../global-options.ts';
import { note, printResult } from '../output.ts';
import { readSecret } from '../secret.ts';
import { untilStopSignal } from '../stop-signal.ts';

const WORKER_ENTRY = new URL('../../jobs/worker.ts', import.meta.url);

/** Starts the background worker when this build has one (src/jobs/worker.ts); resolves when it stops. */
async function startWorker(handle: DatabaseHandle, signal: AbortSignal): Promise<{ stopped: Promise<void> } | undefined> {
  if (!existsSync(fileURLToPath(WORKER_ENTRY))) return undefined;
  const { runWorker } = (await import(WORKER_ENTRY.href)) as {
    runWorker(options: { handle: DatabaseHandle; signal: AbortSignal }): Promise<void>;
  };
  return { stopped: runWorker({ handle, signal }) };
}

export function register(program: Command): void {
  program
    .command('serve')
    .description('API + web app + background worker in one process')
    .option('--port <n>', 'port to listen on (0: a free one)', process.env.PORT ?? '3000')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--no-worker', 'do not run the background worker in this process')
    .option('--trust-proxy', 'behind a TLS-terminating proxy: trust X-Forwarded-* headers', false)
    .action(async (opts: { port: string; host: string; worker: boolean; trustProxy: boolean }, command: Command) => {
      const options = globalOptions(command);
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`--port must be a port number, not "${opts.port}".`);
      const secret = readSecret();
      // Loaded here, not at the top: the web server's modules would slow every other command's start.
      const { startServer } = await import('../../http/server.ts');
      const { createLogger } = await import('../../http/logger.ts');
      const handle = await openCliDatabase(options);
      const stopWorker = new AbortController();
      let worker: { stopped: Promise<void> } | undefined;
      try {
        await resolveAccount(handle, options);
        const server = await startServer({ handle, port, host: opts.host, secret, trustProxy: opts.trustProxy, logger: createLogger({ level: process.env.LOG_LEVEL ?? 'info' }) });
        if (opts.worker) worker = await startWorker(handle, stopWorker.signal);
        printResult(options, { url: server.url, worker: worker !== undefined }, () => `Stockroom at ${server.url}`);
        if (!secret) note('STOCKROOM_SECRET is not set: connecting stores is disabled until it is (32+ characters).');
        await untilStopSignal();
        note('Stopping…');
        stopWorker.abort();
        await server.close();
        await worker?.stopped;
      } finally {
        stopWorker.abort();
        await handle.close();
      }
    });
}
