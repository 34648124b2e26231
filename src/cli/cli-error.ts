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

/** Bad rows listed in a DomainError's details (e.g. CSV import) as `line N: reason`. */
function detailLines(details: unknown): string[] {
  const rows = (details as { errors?: unknown[]; rows?: unknown[] } | null)?.errors ?? (details as { rows?: unknown[] } | null)?.rows;
  if (!Array.isArray(rows)) return [];
  return rows.map((row) => {
    const { line, message, reason } = row as { line?: number; message?: string; reason?: string };
    return line !== undefined ? `line ${line}: ${message ?? reason}` : String(message ?? reason ?? JSON.stringify(row));
  });
}

/** The one line to print for any failure. */
export function failureLine(error: unknown): string {
  if (error instanceof CliError) return error.message;
  if (error instanceof DomainError) {
    const lines = detailLines(error.details);
    return lines.length > 0 ? `${error.message} ${lines.join('; ')}` : error.message;
  }
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
