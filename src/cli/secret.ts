// STOCKROOM_SECRET: at least 32 characters when set (the credentials key is derived from it).
import { CliError } from './cli-error.ts';

export const MIN_SECRET_LENGTH = 32;

export function readSecret(): string | undefined {
  const secret = process.env.STOCKROOM_SECRET;
  if (secret === undefined || secret === '') return undefined;
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new CliError(`STOCKROOM_SECRET must be at least ${MIN_SECRET_LENGTH} characters long (it has ${secret.length}).`);
  }
  return secret;
}
