import { sql } from 'kysely';
import type { DatabaseHandle } from '../db/handle.ts';
import type { Executor } from '../db/transaction.ts';
import { inTransaction } from '../db/transaction.ts';
import { newId, nowIso } from '../db/ids.ts';
import { DomainError, invalid, notFound } from '../errors/domain-error.ts';
import { nameKey } from './names.ts';

export const MAIN_LOCATION_NAME = 'Main';

export interface Location {
  id: string;
  name: string;
}

export async function listLocations(handle: DatabaseHandle, accountId: string): Promise<Location[]> {
  return handle.db.selectFrom('location').select(['id', 'name']).where('account_id', '=', accountId).orderBy('created_at').orderBy('id').execute();
}

export async function createLocation(handle: DatabaseHandle, accountId: string, input: { name: string }): Promise<Location> {
  const name = requireName(input.name);
  return inTransaction(handle, async (trx) => {
    await refuseDuplicate(trx, accountId, name);
    const location = { id: newId(), name };
    await trx.insertInto('location').values({ ...location, account_id: accountId, name_key: nameKey(name), created_at: nowIso() }).execute();
    return location;
  });
}

export async function renameLocation(handle: DatabaseHandle, accountId: string, id: string, input: { name: string }): Promise<Location> {
  const name = requireName(input.name);
  return inTransaction(handle, async (trx) => {
    await getLocationIn(trx, accountId, id);
    await refuseDuplicate(trx, accountId, name, id);
    await trx.updateTable('location').set({ name, name_key: nameKey(name) }).where('account_id', '=', accountId).where('id', '=', id).execute();
    return { id, name };
  });
}

export async function deleteLocation(handle: DatabaseHandle, accountId: string, id: string): Promise<void> {
  await inTransaction(handle, async (trx) => {
    await getLocationIn(trx, accountId, id);
    const used = await trx.selectFrom('stock_movement').select('id').where('account_id', '=', accountId).where('location_id', '=', id).limit(1).executeTakeFirst();
    if (used) throw new DomainError('conflict', 'This location has stock movements, so it cannot be deleted.');
    const count = await trx.selectFrom('location').select((eb) => eb.fn.countAll<number>().as('n')).where('account_id', '=', accountId).executeTakeFirstOrThrow();
    if (Number(count.n) <= 1) throw new DomainError('conflict', 'An account needs at least one location.');
    await trx.deleteFrom('stock_change_mark').where('location_id', '=', id).execute();
    await trx.deleteFrom('stock_level').where('location_id', '=', id).execute();
    await trx.deleteFrom('location').where('account_id', '=', accountId).where('id', '=', id).execute();
  });
}

export async function getLocationIn(db: Executor, accountId: string, id: string): Promise<Location> {
  const location = await db.selectFrom('location').select(['id', 'name']).where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
  if (!location) throw notFound('That location does not exist.');
  return location;
}

/**
 * A location by id or by name (case-insensitive); without either, Main (or the account's first
 * location if Main was renamed).
 */
export async function resolveLocation(db: Executor, accountId: string, idOrName?: string | null): Promise<Location> {
  if (idOrName === undefined || idOrName === null || idOrName.trim() === '') {
    const main = await db
      .selectFrom('location')
      .select(['id', 'name'])
      .where('account_id', '=', accountId)
      .orderBy(sqlMainFirst)
      .orderBy('created_at')
      .orderBy('id')
      .limit(1)
      .executeTakeFirst();
    if (!main) throw notFound('This account has no location.');
    return main;
  }
  const key = nameKey(idOrName);
  const found = await db
    .selectFrom('location')
    .select(['id', 'name'])
    .where('account_id', '=', accountId)
    .where((eb) => eb.or([eb('id', '=', idOrName.trim()), eb('name_key', '=', key)]))
    .limit(1)
    .executeTakeFirst();
  if (!found) throw notFound(`There is no location "${idOrName.trim()}".`);
  return found;
}

const sqlMainFirst = sql`case when name_key = ${nameKey(MAIN_LOCATION_NAME)} then 0 else 1 end`;

function requireName(raw: string): string {
  const name = (raw ?? '').trim();
  if (!name) throw invalid('A location needs a name.');
  if (name.length > 100) throw invalid('A location name can be at most 100 characters.');
  return name;
}

async function refuseDuplicate(db: Executor, accountId: string, name: string, exceptId?: string): Promise<void> {
  let query = db.selectFrom('location').select('id').where('account_id', '=', accountId).where('name_key', '=', nameKey(name));
  if (exceptId) query = query.where('id', '<>', exceptId);
  if (await query.executeTakeFirst()) throw new DomainError('conflict', `A location named "${name}" already exists.`);
}
