import type { DatabaseHandle } from '../db/handle.ts';
import type { Executor } from '../db/transaction.ts';
import { inTransaction } from '../db/transaction.ts';
import { newId, nowIso } from '../db/ids.ts';
import { DomainError, invalid, notFound } from '../errors/domain-error.ts';
import { MAIN_LOCATION_NAME } from './locations.ts';
import { nameKey } from './names.ts';

export const DEFAULT_ACCOUNT_NAME = 'Default';

export interface Account {
  id: string;
  name: string;
  currency: string;
}

/** Creates an account with its Main location. */
export async function createAccount(handle: DatabaseHandle, input: { name: string; currency?: string }): Promise<Account> {
  const name = input.name.trim();
  if (!name) throw invalid('An account needs a name.');
  return inTransaction(handle, async (trx) => {
    const existing = await trx.selectFrom('account').select('id').where('name', '=', name).executeTakeFirst();
    if (existing) throw new DomainError('conflict', `An account named "${name}" already exists.`);
    return insertAccount(trx, name, input.currency ?? 'GBP');
  });
}

async function insertAccount(trx: Executor, name: string, currency: string): Promise<Account> {
  const account = { id: newId(), name, currency };
  const now = nowIso();
  await trx.insertInto('account').values({ ...account, created_at: now }).execute();
  await trx
    .insertInto('location')
    .values({ id: newId(), account_id: account.id, name: MAIN_LOCATION_NAME, name_key: nameKey(MAIN_LOCATION_NAME), created_at: now })
    .execute();
  return account;
}

/** On an empty database, creates the default account with its Main location; returns the first account. */
export async function ensureDefaultAccount(handle: DatabaseHandle): Promise<Account> {
  const first = await firstAccount(handle.db);
  if (first) return first;
  try {
    return await inTransaction(handle, async (trx) => (await firstAccount(trx)) ?? insertAccount(trx, DEFAULT_ACCOUNT_NAME, 'GBP'));
  } catch (error) {
    // Another process created it at the same moment (the unique account name decided): use theirs.
    const created = await firstAccount(handle.db);
    if (created) return created;
    throw error;
  }
}

async function firstAccount(db: Executor): Promise<Account | undefined> {
  return db.selectFrom('account').select(['id', 'name', 'currency']).orderBy('created_at').orderBy('id').limit(1).executeTakeFirst();
}

export async function findAccountByName(handle: DatabaseHandle, name: string): Promise<Account | undefined> {
  return handle.db.selectFrom('account').select(['id', 'name', 'currency']).where('name', '=', name.trim()).executeTakeFirst();
}

export async function getAccount(handle: DatabaseHandle, id: string): Promise<Account> {
  const account = await handle.db.selectFrom('account').select(['id', 'name', 'currency']).where('id', '=', id).executeTakeFirst();
  if (!account) throw notFound('That account does not exist.');
  return account;
}
