// Command output: with --json one JSON document on stdout, otherwise human text on stdout;
// notes and progress always on stderr so stdout stays parseable.
import type { GlobalOptions } from './global-options.ts';

export function printResult(options: Pick<GlobalOptions, 'json'>, value: unknown, human: () => string): void {
  if (options.json) process.stdout.write(`${JSON.stringify(value)}\n`);
  else process.stdout.write(`${human()}\n`);
}

export function note(text: string): void {
  process.stderr.write(`${text}\n`);
}
