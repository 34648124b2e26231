// Bearer secrets (session cookies, API tokens): random, shown to the holder once, stored only as
// a SHA-256 hash so a leaked database does not hand out working credentials.
import { createHash, randomBytes } from 'node:crypto';

export function newSecretToken(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

export function hashSecretToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
