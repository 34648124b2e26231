// Drift (DESIGN rule 9): every quantity the store holds, read in pages (bulk where the platform
// has one), compared with what it should show for every linked variant.
import type { DatabaseHandle } from '../../db/handle.ts';
import type { QuantityReading } from '../../channels/channel.ts';
import type { SyncStore } from '../engine-loop/store-channel.ts';
import { desiredQuantity, onHandAt } from '../push/desired-quantity.ts';

/** One linked variant whose store quantity differs from what it should be (CONTRACT `store drift`). */
export interface DriftEntry {
  sku: string | null;
  /** The local location whose stock the store shows. */
  location: string;
  expected: number;
  store: number;
}

export interface DriftReading {
  entries: DriftEntry[];
  /** Link id → what the store holds, for every linked variant the store tracks. */
  remote: Map<string, number>;
  /** Link ids of the entries. */
  driftLinkIds: string[];
}

const MAX_PAGES = 100_000;

export async function readStoreQuantities(store: SyncStore): Promise<Map<string, QuantityReading>> {
  const readings = new Map<string, QuantityReading>();
  let cursor: string | null = null;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const result = await store.channel.readQuantities(cursor);
    for (const reading of result.readings) readings.set(reading.inventoryRef, reading);
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }
  return readings;
}

export async function readDrift(handle: DatabaseHandle, store: SyncStore): Promise<DriftReading> {
  const readings = await readStoreQuantities(store);
  const { row } = store;
  const location = await handle.db.selectFrom('location').select('name').where('id', '=', row.location_id).executeTakeFirst();
  const links = await handle.db
    .selectFrom('variant_link')
    .leftJoin('variant', 'variant.id', 'variant_link.variant_id')
    .select(['variant_link.id', 'variant_link.variant_id', 'variant_link.inventory_ref', 'variant.sku'])
    .where('variant_link.store_id', '=', row.id)
    .orderBy('variant.sku')
    .execute();
  const levels = await onHandAt(handle.db, row.account_id, row.location_id, links.map((l) => l.variant_id));
  const result: DriftReading = { entries: [], remote: new Map(), driftLinkIds: [] };
  for (const link of links) {
    const quantity = readings.get(link.inventory_ref)?.quantity;
    if (quantity === null || quantity === undefined) continue; // not tracked on the store
    result.remote.set(link.id, quantity);
    const expected = desiredQuantity(levels.get(link.variant_id) ?? 0, row.buffer);
    if (expected !== quantity) {
      result.entries.push({ sku: link.sku ?? null, location: location?.name ?? row.location_id, expected, store: quantity });
      result.driftLinkIds.push(link.id);
    }
  }
  return result;
}
