// The account's display name, for login answers.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

export async function findAccountName(db: Kysely<Database>, accountId: string): Promise<string> {
  const row = await db.selectFrom('account').select('name').where('id', '=', accountId).executeTakeFirst();
  return row?.name ?? '';
}
