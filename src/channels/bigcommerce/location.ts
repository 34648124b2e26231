// The store's name and inventory locations, and which location this connection reads and writes:
// the mapped one, or BigCommerce's default (id 1, code BC-LOCATION-1, the first one listed).
import { ChannelError, type RemoteLocation, type StoreIdentity } from '../channel.ts';
import { collection, locationSchema, storeSchema, type BcLocation } from './payloads.ts';
import type { BcRestClient } from './rest-client.ts';

export function defaultLocation(locations: BcLocation[]): BcLocation | undefined {
  return locations.find((l) => l.code === 'BC-LOCATION-1') ?? locations.find((l) => l.id === 1) ?? locations[0];
}

export async function readLocations(client: BcRestClient): Promise<BcLocation[]> {
  const answer = await client.request('GET', '/v3/inventory/locations', collection(locationSchema), { query: { limit: 250 } });
  return answer.data;
}

export async function readIdentity(client: BcRestClient, origin: string, storeHash: string): Promise<StoreIdentity> {
  let name: string | null = null;
  let currency: string | null = null;
  try {
    const store = await client.request('GET', '/v2/store', storeSchema);
    name = store.name;
    currency = store.currency ?? null;
  } catch (error) {
    // Every real store answers /v2/store; a stand-in that lacks it still proves the token below.
    if (!(error instanceof ChannelError && error.code === 'not_found')) throw error;
  }
  const locations = await readLocations(client);
  const fallback = defaultLocation(locations);
  const remote: RemoteLocation[] = locations.map((l) => ({ id: String(l.id), name: l.label, isDefault: l === fallback }));
  return { name: name ?? `BigCommerce store ${storeHash} (${new URL(origin).host})`, currency, locations: remote };
}

/** Resolves the connection's location id once (the default needs a request). */
export function createLocationResolver(client: BcRestClient, mapped: string | null): () => Promise<number> {
  let resolved: Promise<number> | null = null;
  return () => {
    resolved ??= (async () => {
      if (mapped !== null) {
        const id = Number(mapped);
        if (!Number.isInteger(id) || id < 1) throw new ChannelError('invalid', `"${mapped}" is not a BigCommerce location id (a whole number).`, false);
        return id;
      }
      const found = defaultLocation(await readLocations(client));
      if (!found) throw new ChannelError('protocol', 'The BigCommerce store lists no inventory locations.');
      return found.id;
    })().catch((error: unknown) => {
      resolved = null;
      throw error;
    });
    return resolved;
  };
}

