// Logins: one row per person per account; the email is unique within an account.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import './auth-tables.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { newId, nowIso } from '../db/ids.ts';
import { DomainError } from '../errors/domain-error.ts';

export interface User {
  id: string;
  accountId: string;
  email: string;
  createdAt: string;
}

const MIN_PASSWORD_LENGTH = 8;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+$/;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function createUser(
  db: Kysely<Database>,
  input: { accountId: string; email: string; password: string },
): Promise<User> {
  const email = normaliseEmail(input.email);
  if (!EMAIL_PATTERN.test(email)) throw new DomainError('invalid_input', `"${input.email}" is not an email address.`);
  if (input.password.length < MIN_PASSWORD_LENGTH) {
    throw new DomainError('invalid_input', `A password needs at least ${MIN_PASSWORD_LENGTH} characters.`);
  }
  const existing = await db
    .selectFrom('auth_user')
    .select('id')
    .where('account_id', '=', input.accountId)
    .where('email', '=', email)
    .executeTakeFirst();
  if (existing) throw new DomainError('conflict', `A user with the email ${email} already exists.`);
  const user = { id: newId(), account_id: input.accountId, email, created_at: nowIso() };
  await db
    .insertInto('auth_user')
    .values({ ...user, password_hash: await hashPassword(input.password) })
    .execute();
  return { id: user.id, accountId: user.account_id, email, createdAt: user.created_at };
}

export async function listUsers(db: Kysely<Database>, accountId: string): Promise<User[]> {
  const rows = await db
    .selectFrom('auth_user')
    .select(['id', 'account_id', 'email', 'created_at'])
    .where('account_id', '=', accountId)
    .orderBy('email')
    .execute();
  return rows.map((row) => ({ id: row.id, accountId: row.account_id, email: row.email, createdAt: row.created_at }));
}

export async function findUser(db: Kysely<Database>, accountId: string, userId: string): Promise<User | undefined> {
  const row = await db
    .selectFrom('auth_user')
    .select(['id', 'account_id', 'email', 'created_at'])
    .where('account_id', '=', accountId)
    .where('id', '=', userId)
    .executeTakeFirst();
  return row && { id: row.id, accountId: row.account_id, email: row.email, createdAt: row.created_at };
}

/**
 * The user whose email and password match, or undefined. The same email may exist in several
 * accounts; the password picks the one. Every candidate is hashed so timing does not reveal
 * whether an email exists.
 */
export async function authenticate(db: Kysely<Database>, email: string, password: string): Promise<User | undefined> {
  const rows = await db
    .selectFrom('auth_user')
    .selectAll()
    .where('email', '=', normaliseEmail(email))
    .orderBy('created_at')
    .execute();
  if (rows.length === 0) {
    await verifyPassword(password, await dummyHash());
    return undefined;
  }
  for (const row of rows) {
    if (await verifyPassword(password, row.password_hash)) {
      return { id: row.id, accountId: row.account_id, email: row.email, createdAt: row.created_at };
    }
  }
  return undefined;
}

// A valid hash of a random password, so an unknown email costs the same as a wrong password.
// Made on first use, not at import (every CLI command imports this module).
let dummy: Promise<string> | undefined;
function dummyHash(): Promise<string> {
  dummy ??= hashPassword(newId());
  return dummy;
}
