// `store set`: a store's safety buffer, attribute policy and location mapping. A change to what
// the store should show (buffer, shown location, the store's own location) marks every link of
// the store for the pusher.
import type { DatabaseHandle } from '../../db/handle.ts';
import { nowIso } from '../../db/ids.ts';
import { inTransaction } from '../../db/transaction.ts';
import { resolveLocation } from '../../accounts/locations.ts';
import { invalid } from '../../errors/domain-error.ts';
import { markStoreStockDirty } from './mark-links-dirty.ts';
import { parseAttributePolicy, parseBuffer } from './store-input.ts';
import { findRemoteLocation, moveToRemoteLocation } from './remote-location.ts';
import { getStoreRow, getStoreView, type StoreView } from './store-view.ts';
import type { StoreTable } from './store-tables.ts';
import type { Updateable } from 'kysely';

export interface StoreSettingsInput {
  buffer?: number | string;
  attributePolicy?: string;
  /** id or name */
  location?: string;
  /** id or name */
  ordersLocation?: string;
  /** id or name of one of the store's own locations: where its quantities are read and written */
  remoteLocation?: string;
  name?: string;
}

export async function updateStoreSettings(
  handle: DatabaseHandle,
  accountId: string,
  storeId: string,
  input: StoreSettingsInput,
  options: { secret?: string } = {},
): Promise<StoreView> {
  const changes: Updateable<StoreTable> = {};
  if (input.buffer !== undefined) changes.buffer = parseBuffer(input.buffer);
  if (input.attributePolicy !== undefined) changes.attribute_policy = parseAttributePolicy(input.attributePolicy);
  if (input.name !== undefined) {
    if (input.name.trim() === '') throw invalid('A store name cannot be empty.');
    changes.name = input.name.trim();
  }
  // Asked of the store before the transaction: a refusal writes nothing.
  const remoteLocation = input.remoteLocation === undefined ? null : await findRemoteLocation(handle, accountId, storeId, input.remoteLocation, options.secret);
  await inTransaction(handle, async (trx) => {
    const store = await getStoreRow(trx, accountId, storeId);
    if (input.location !== undefined) changes.location_id = (await resolveLocation(trx, accountId, input.location)).id;
    if (input.ordersLocation !== undefined) changes.orders_location_id = (await resolveLocation(trx, accountId, input.ordersLocation)).id;
    const shownChanged =
      (changes.buffer !== undefined && changes.buffer !== Number(store.buffer)) ||
      (changes.location_id !== undefined && changes.location_id !== store.location_id);
    if (Object.keys(changes).length > 0) {
      await trx.updateTable('store').set({ ...changes, updated_at: nowIso() }).where('id', '=', storeId).execute();
    }
    if (remoteLocation && remoteLocation.id !== store.remote_location_id) await moveToRemoteLocation(trx, storeId, remoteLocation.id);
    else if (shownChanged) await markStoreStockDirty(trx, storeId);
  });
  return getStoreView(handle.db, accountId, storeId);
}
