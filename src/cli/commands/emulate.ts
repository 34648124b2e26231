// `stockroom emulate <platform>`: run a store emulator (emulators/<platform>/index.ts) until killed.
// Its first stdout line is `{ "url", "credentials" }`, exactly what `store connect` takes.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { CliError } from '../cli-error.ts';
import { note } from '../output.ts';
import { untilStopSignal } from '../stop-signal.ts';

const PLATFORMS = ['shopify', 'woocommerce', 'bigcommerce'] as const;
type Platform = (typeof PLATFORMS)[number];

interface EmulatorModule {
  start(options?: { port?: number; seed?: string; faults?: string; delayMs?: number }): Promise<{
    url: string;
    credentials: Record<string, string>;
    close(): Promise<void>;
  }>;
}

function emulatorEntry(platform: Platform): string {
  return fileURLToPath(new URL(`../../../emulators/${platform}/index.ts`, import.meta.url));
}

export function register(program: Command): void {
  program
    .command('emulate')
    .argument('<platform>', PLATFORMS.join(' | '))
    .description('serve a stand-in of a store platform on 127.0.0.1; prints { url, credentials } first')
    .option('--port <n>', 'port (0: a free one)', '0')
    .option('--seed <seed>', 'demo | empty | gen:N | a JSON file', 'empty')
    .option('--faults <profile>', 'none | flaky | a JSON fault settings object', 'none')
    .action(async (platform: string, opts: { port: string; seed: string; faults: string }) => {
      if (!(PLATFORMS as readonly string[]).includes(platform)) {
        throw new CliError(`Unknown platform "${platform}"; choose one of ${PLATFORMS.join(', ')}.`);
      }
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`--port must be a port number, not "${opts.port}".`);
      const entry = emulatorEntry(platform as Platform);
      if (!existsSync(entry)) throw new CliError(`The ${platform} emulator is not part of this build (no emulators/${platform}/index.ts).`);
      const module = (await import(entry)) as Partial<EmulatorModule>;
      if (typeof module.start !== 'function') throw new CliError(`emulators/${platform}/index.ts does not export start().`);
      const emulator = await module.start({ port, seed: opts.seed, faults: opts.faults });
      process.stdout.write(`${JSON.stringify({ url: emulator.url, credentials: emulator.credentials })}\n`);
      note(`${platform} emulator at ${emulator.url} (Ctrl-C to stop)`);
      await untilStopSignal();
      await emulator.close();
    });
}
