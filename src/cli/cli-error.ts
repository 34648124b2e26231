// How a command fails: one line on stderr a person understands, a non-zero exit, no stack trace.
import { ZodError } from 'zod';
import { DomainError } from '../errors/domain-error.ts';

/** A failure whose message is already the sentence to show. */
export class CliError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 1) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}

interface RowFailure {
  line?: number;
  message?: string;
}

/** Every bad row a DomainError lists in `details.errors` (CSV import), as `line N: reason`. */
function rowFailures(details: unknown): string[] {
  const errors = (details as { errors?: unknown } | null)?.errors;
  if (!Array.isArray(errors)) return [];
  return errors.map((entry: RowFailure) => (entry.line !== undefined ? `line ${entry.line}: ${entry.message}` : String(entry.message)));
}

/** The one line to print for any failure. */
export function failureLine(error: unknown): string {
  if (error instanceof CliError) return error.message;
  if (error instanceof DomainError && error.code === 'csv_invalid') {
    // Name every bad row, not just the first few the message shows.
    const rows = rowFailures(error.details);
    return rows.length > 3 ? `The file has ${rows.length} bad rows, so nothing was imported: ${rows.join('; ')}.` : error.message;
  }
  if (error instanceof DomainError) return error.message;
  if (error instanceof ZodError) return error.issues[0]?.message ?? 'The input is not valid.';
  const code = (error as { code?: string } | null)?.code;
  if (code === 'ECONNREFUSED') return `Could not connect to the database: ${(error as Error).message}`;
  if (code === 'ENOENT') return (error as Error).message.replace(/^ENOENT: /, '');
  return error instanceof Error ? error.message.split('\n')[0] : String(error);
}

export function exitWithFailure(error: unknown): never {
  const line = failureLine(error).replace(/\s*\n\s*/g, ' ');
  process.stderr.write(`stockroom: ${line}\n`);
  process.exit(error instanceof CliError ? error.exitCode : 1);
}
