// Which of the store's own locations Stockroom reads and writes quantities at (`store set
// --remote-location`). The store is asked for its locations, so only one it has can be chosen.
// What was known of the quantities at the old location says nothing of the new one: every link
// forgets it and is marked for the pusher, which writes each quantity there (stocking items the
// location does not stock yet, where the platform needs that).
import { sql } from 'kysely';
import { ChannelError, type RemoteLocation } from '../../channels/channel.ts';
import type { DatabaseHandle } from '../../db/handle.ts';
import { nowIso } from '../../db/ids.ts';
import type { Executor } from '../../db/transaction.ts';
import { invalid } from '../../errors/domain-error.ts';
import { openStoreChannel } from './store-channel.ts';

/** The store's location with this id or name (case-insensitive). */
export async function findRemoteLocation(handle: DatabaseHandle, accountId: string, storeId: string, wanted: string, secret?: string): Promise<RemoteLocation> {
  const { channel, store } = await openStoreChannel(handle.db, accountId, storeId, { secret });
  let locations: RemoteLocation[];
  try {
    locations = (await channel.identify()).locations;
  } catch (error) {
    if (error instanceof ChannelError) throw invalid(`Could not ask ${store.name} for its locations: ${error.message}`);
    throw error;
  }
  const key = wanted.trim().toLowerCase();
  const found = locations.find((location) => location.id === wanted.trim()) ?? locations.find((location) => location.name.trim().toLowerCase() === key);
  if (!found) {
    const names = locations.map((location) => `${location.name} (${location.id})`).join(', ') || 'none';
    throw invalid(`${store.name} has no location "${wanted}"; its locations are: ${names}.`);
  }
  return found;
}

/** Points the store at another of its locations; every link forgets the old location's quantity and is marked dirty. */
export async function moveToRemoteLocation(trx: Executor, storeId: string, remoteLocationId: string): Promise<void> {
  const now = nowIso();
  await trx.updateTable('store').set({ remote_location_id: remoteLocationId, updated_at: now }).where('id', '=', storeId).execute();
  await trx
    .updateTable('variant_link')
    .set({ last_known_remote_qty: null, dirty: 1, dirty_generation: sql`dirty_generation + 1`, updated_at: now })
    .where('store_id', '=', storeId)
    .execute();
}
