// API tokens for scripts: `Authorization: Bearer <token>`. The token is returned once, at creation;
// only its SHA-256 hash is kept.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import './auth-tables.ts';
import { newId } from '../db/ids.ts';
import { hashSecretToken, newSecretToken } from './secret-token.ts';
import type { Caller } from './sessions.ts';

export interface ApiTokenSummary {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export async function createApiToken(
  db: Kysely<Database>,
  input: { accountId: string; userId: string; name: string },
): Promise<ApiTokenSummary & { token: string }> {
  const token = newSecretToken('srt');
  const row = {
    id: newId(),
    account_id: input.accountId,
    user_id: input.userId,
    name: input.name,
    token_hash: hashSecretToken(token),
    created_at: new Date().toISOString(),
  };
  await db.insertInto('api_token').values(row).execute();
  return { id: row.id, name: row.name, createdAt: row.created_at, lastUsedAt: null, token };
}

export async function listApiTokens(db: Kysely<Database>, accountId: string): Promise<ApiTokenSummary[]> {
  const rows = await db
    .selectFrom('api_token')
    .select(['id', 'name', 'created_at', 'last_used_at'])
    .where('account_id', '=', accountId)
    .orderBy('created_at')
    .execute();
  return rows.map((row) => ({ id: row.id, name: row.name, createdAt: row.created_at, lastUsedAt: row.last_used_at }));
}

/** True when a token of this account was deleted. */
export async function revokeApiToken(db: Kysely<Database>, accountId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom('api_token').where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** `last_used_at` is refreshed at most this often, so a busy script does not write on every call. */
const LAST_USED_RESOLUTION_MS = 5 * 60 * 1000;

export async function resolveApiToken(db: Kysely<Database>, token: string, now = new Date()): Promise<Caller | undefined> {
  const row = await db
    .selectFrom('api_token')
    .select(['id', 'account_id', 'user_id', 'last_used_at'])
    .where('token_hash', '=', hashSecretToken(token))
    .executeTakeFirst();
  if (!row) return undefined;
  if (row.last_used_at === null || Date.parse(row.last_used_at) < now.getTime() - LAST_USED_RESOLUTION_MS) {
    await db.updateTable('api_token').set({ last_used_at: now.toISOString() }).where('id', '=', row.id).execute();
  }
  return { accountId: row.account_id, userId: row.user_id, via: 'token' };
}
