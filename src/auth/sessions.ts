// Browser sessions: the cookie holds a random token; the table holds its SHA-256 hash and expiry.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import './auth-tables.ts';
import { hashSecretToken, newSecretToken } from './secret-token.ts';

export const SESSION_LIFETIME_MS = 14 * 24 * 60 * 60 * 1000;

export interface Session {
  token: string;
  expiresAt: Date;
}

export interface Caller {
  accountId: string;
  userId: string;
  via: 'session' | 'token';
}

export async function startSession(db: Kysely<Database>, user: { id: string; accountId: string }, now = new Date()): Promise<Session> {
  const token = newSecretToken('srs');
  const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
  await db
    .insertInto('auth_session')
    .values({
      token_hash: hashSecretToken(token),
      account_id: user.accountId,
      user_id: user.id,
      created_at: now.toISOString(),
      expires_at: expiresAt.toISOString(),
    })
    .execute();
  return { token, expiresAt };
}

/** The caller a session token stands for, or undefined when it is unknown or expired. */
export async function resolveSession(db: Kysely<Database>, token: string, now = new Date()): Promise<Caller | undefined> {
  const row = await db
    .selectFrom('auth_session')
    .select(['account_id', 'user_id', 'expires_at'])
    .where('token_hash', '=', hashSecretToken(token))
    .executeTakeFirst();
  if (!row) return undefined;
  if (row.expires_at <= now.toISOString()) {
    await endSession(db, token);
    return undefined;
  }
  return { accountId: row.account_id, userId: row.user_id, via: 'session' };
}

export async function endSession(db: Kysely<Database>, token: string): Promise<void> {
  await db.deleteFrom('auth_session').where('token_hash', '=', hashSecretToken(token)).execute();
}
