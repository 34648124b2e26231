// Product groups, brands, suppliers and tax groups: named master data, unique by name per account.
// "Unallocated" is not a row: it is the system group every product missing an allocation field is
// in (see missing-fields.ts), so it can never be stale.
import type { DatabaseHandle } from '../db/handle.ts';
import { inTransaction, type Executor } from '../db/transaction.ts';
import { newId, nowIso } from '../db/ids.ts';
import { DomainError, invalid, notFound } from '../errors/domain-error.ts';
import { nameKey } from '../accounts/names.ts';
import { parseScaled, formatScaled } from './decimal.ts';
import { refreshDerivedColumns } from './missing-fields.ts';

export type MasterKind = 'product_group' | 'brand' | 'supplier' | 'tax_group';

export const MASTER_LABELS: Record<MasterKind, { one: string; column: 'product_group_id' | 'brand_id' | 'supplier_id' | 'tax_group_id' }> = {
  product_group: { one: 'product group', column: 'product_group_id' },
  brand: { one: 'brand', column: 'brand_id' },
  supplier: { one: 'supplier', column: 'supplier_id' },
  tax_group: { one: 'tax group', column: 'tax_group_id' },
};

export const UNALLOCATED_GROUP_ID = 'unallocated';
export const UNALLOCATED_GROUP_NAME = 'Unallocated';

export interface MasterItem {
  id: string;
  name: string;
  /** tax groups only: the rate in percent as a decimal string ("20", "8.875") */
  rate?: string;
  /** the system group Unallocated */
  system?: boolean;
}

export interface MasterInput {
  name?: string;
  /** tax groups: percent, e.g. "20" or 8.875 */
  rate?: string | number;
}

/** Percent with up to 4 decimals → parts per million. */
export function parseRate(value: string | number): number {
  const ppm = parseScaled(value, 4, 'tax rate') * 100;
  if (ppm < 0 || ppm > 100_000_000) throw invalid('A tax rate must be between 0 and 1000 percent.');
  return ppm;
}

export function formatRate(ppm: number): string {
  return formatScaled(ppm / 100, 4, { trimZeros: true });
}

export async function listMasterData(handle: DatabaseHandle, accountId: string, kind: MasterKind): Promise<MasterItem[]> {
  const items = await listIn(handle.db, accountId, kind);
  if (kind === 'product_group') return [{ id: UNALLOCATED_GROUP_ID, name: UNALLOCATED_GROUP_NAME, system: true }, ...items];
  return items;
}

async function listIn(db: Executor, accountId: string, kind: MasterKind): Promise<MasterItem[]> {
  if (kind === 'tax_group') {
    const rows = await db.selectFrom('tax_group').select(['id', 'name', 'rate_ppm']).where('account_id', '=', accountId).orderBy('name_key').execute();
    return rows.map((row) => ({ id: row.id, name: row.name, rate: formatRate(Number(row.rate_ppm)) }));
  }
  return db.selectFrom(kind).select(['id', 'name']).where('account_id', '=', accountId).orderBy('name_key').execute();
}

export async function getMasterItem(db: Executor, accountId: string, kind: MasterKind, id: string): Promise<MasterItem> {
  const row = await db.selectFrom(kind).selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound(`That ${MASTER_LABELS[kind].one} does not exist.`);
  return kind === 'tax_group' ? { id: row.id, name: row.name, rate: formatRate(Number((row as { rate_ppm: number }).rate_ppm)) } : { id: row.id, name: row.name };
}

export async function createMasterItem(handle: DatabaseHandle, accountId: string, kind: MasterKind, input: MasterInput): Promise<MasterItem> {
  const name = requireName(kind, input.name);
  const ratePpm = kind === 'tax_group' ? requireRate(input.rate) : undefined;
  return inTransaction(handle, async (trx) => {
    await refuseDuplicate(trx, accountId, kind, name);
    return insertMasterItem(trx, accountId, kind, name, ratePpm);
  });
}

export async function insertMasterItem(trx: Executor, accountId: string, kind: MasterKind, name: string, ratePpm?: number): Promise<MasterItem> {
  const id = newId();
  const row = { id, account_id: accountId, name, name_key: nameKey(name), created_at: nowIso() };
  if (kind === 'tax_group') {
    await trx.insertInto('tax_group').values({ ...row, rate_ppm: ratePpm ?? 0 }).execute();
    return { id, name, rate: formatRate(ratePpm ?? 0) };
  }
  await trx.insertInto(kind).values(row).execute();
  return { id, name };
}

export async function updateMasterItem(handle: DatabaseHandle, accountId: string, kind: MasterKind, id: string, input: MasterInput): Promise<MasterItem> {
  refuseSystemGroup(kind, id);
  return inTransaction(handle, async (trx) => {
    const current = await getMasterItem(trx, accountId, kind, id);
    const name = input.name === undefined ? current.name : requireName(kind, input.name);
    if (nameKey(name) !== nameKey(current.name)) await refuseDuplicate(trx, accountId, kind, name);
    await trx.updateTable(kind).set({ name, name_key: nameKey(name) }).where('account_id', '=', accountId).where('id', '=', id).execute();
    if (kind === 'tax_group' && input.rate !== undefined) {
      await trx.updateTable('tax_group').set({ rate_ppm: requireRate(input.rate) }).where('account_id', '=', accountId).where('id', '=', id).execute();
    }
    return getMasterItem(trx, accountId, kind, id);
  });
}

/** Deleting an item clears it from its products, which may put them in Unallocated. */
export async function deleteMasterItem(handle: DatabaseHandle, accountId: string, kind: MasterKind, id: string): Promise<void> {
  refuseSystemGroup(kind, id);
  await inTransaction(handle, async (trx) => {
    await getMasterItem(trx, accountId, kind, id);
    const column = MASTER_LABELS[kind].column;
    const affected = await trx.selectFrom('product').select('id').where('account_id', '=', accountId).where(column, '=', id).execute();
    await trx.updateTable('product').set({ [column]: null, updated_at: nowIso() }).where('account_id', '=', accountId).where(column, '=', id).execute();
    await refreshDerivedColumns(trx, accountId, affected.map((row) => row.id));
    await trx.deleteFrom(kind).where('account_id', '=', accountId).where('id', '=', id).execute();
  });
}

/** The item with this name (case-insensitive), created if missing. For imports. */
export async function findOrCreateByName(trx: Executor, accountId: string, kind: MasterKind, rawName: string): Promise<string> {
  const name = requireName(kind, rawName);
  const found = await trx.selectFrom(kind).select('id').where('account_id', '=', accountId).where('name_key', '=', nameKey(name)).executeTakeFirst();
  if (found) return found.id;
  return (await insertMasterItem(trx, accountId, kind, name, 0)).id;
}

/** Checks that an id given for a product's field belongs to this account. */
export async function requireMasterId(db: Executor, accountId: string, kind: MasterKind, id: string): Promise<void> {
  await getMasterItem(db, accountId, kind, id);
}

function requireName(kind: MasterKind, raw: string | undefined): string {
  const name = (raw ?? '').trim();
  if (!name) throw invalid(`A ${MASTER_LABELS[kind].one} needs a name.`);
  if (name.length > 200) throw invalid(`A ${MASTER_LABELS[kind].one} name can be at most 200 characters.`);
  if (kind === 'product_group' && nameKey(name) === nameKey(UNALLOCATED_GROUP_NAME)) {
    throw invalid('"Unallocated" is the system group for products missing details; choose another name.');
  }
  return name;
}

function requireRate(raw: string | number | undefined): number {
  if (raw === undefined || raw === '') throw invalid('A tax group needs a rate (percent, e.g. 20).');
  return parseRate(raw);
}

function refuseSystemGroup(kind: MasterKind, id: string): void {
  if (kind === 'product_group' && id === UNALLOCATED_GROUP_ID) {
    throw invalid('Unallocated is a system group: it cannot be renamed or deleted.');
  }
}

async function refuseDuplicate(db: Executor, accountId: string, kind: MasterKind, name: string): Promise<void> {
  const found = await db.selectFrom(kind).select('id').where('account_id', '=', accountId).where('name_key', '=', nameKey(name)).executeTakeFirst();
  if (found) throw new DomainError('conflict', `A ${MASTER_LABELS[kind].one} named "${name}" already exists.`);
}
