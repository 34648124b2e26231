// Stocking items at the mapped location. Shopify keeps a quantity only where an inventory item is
// stocked (has an InventoryLevel); inventorySetQuantities refuses any other row with
// ITEM_NOT_STOCKED_AT_LOCATION. Such an item holds nothing there, so nothing a shopper bought can
// be overwritten: it is stocked with `inventoryActivate(available:)`, which writes the quantity in
// the same call (one request per item; Shopify has no batch form at one location).
import type { QuantityWrite } from '../channel.ts';
import type { GraphqlClient } from './graphql-client.ts';
import { inventoryActivate } from './operations/inventory.ts';
import { inventoryActivateResult } from './payloads/inventory.ts';
import type { UserError } from './payloads/user-errors.ts';

export const NOT_STOCKED_CODE = 'ITEM_NOT_STOCKED_AT_LOCATION';
/** Activations in flight at once within one quantity write (the store's governor still paces them). */
const ACTIVATIONS_IN_FLIGHT = 4;

export function isNotStocked(error: UserError): boolean {
  return error.code === NOT_STOCKED_CODE || /not stocked at the location/i.test(error.message);
}

export interface ActivationOutcome {
  /** Stocked by this call with their quantity. */
  applied: string[];
  /** Stocked meanwhile by someone else (Shopify answered the level and refused our quantity): write them as usual. */
  stockedMeanwhile: QuantityWrite[];
  failed: Array<{ inventoryRef: string; reason: string }>;
}

/** The numeric tail of a GID, to keep derived idempotency keys short. */
function idTail(gid: string): string {
  return gid.slice(gid.lastIndexOf('/') + 1);
}

async function activateOne(client: GraphqlClient, locationId: string, write: QuantityWrite, key: string, outcome: ActivationOutcome): Promise<void> {
  const data = await client.request(
    inventoryActivate,
    { key: `${key}/activate/${idTail(write.inventoryRef)}`, inventoryItemId: write.inventoryRef, locationId, available: write.quantity },
    inventoryActivateResult,
  );
  const payload = data.inventoryActivate;
  const errors = payload?.userErrors ?? [];
  if (payload && errors.length === 0 && payload.inventoryLevel) {
    outcome.applied.push(write.inventoryRef);
  } else if (payload?.inventoryLevel) {
    // Shopify answers the level it has when the item was already stocked there.
    outcome.stockedMeanwhile.push(write);
  } else {
    const reason = errors.map((error) => error.message).join('; ') || 'Shopify returned nothing.';
    outcome.failed.push({ inventoryRef: write.inventoryRef, reason: `Shopify would not stock this item at the store's location: ${reason}` });
  }
}

/** Stocks each item at the location with its quantity; `key` is the quantity write's own key. */
export async function activateAt(client: GraphqlClient, locationId: string, writes: QuantityWrite[], key: string): Promise<ActivationOutcome> {
  const outcome: ActivationOutcome = { applied: [], stockedMeanwhile: [], failed: [] };
  let next = 0;
  let stopped = false;
  const worker = async () => {
    while (next < writes.length && !stopped) {
      const write = writes[next++];
      try {
        await activateOne(client, locationId, write, key, outcome);
      } catch (error) {
        stopped = true; // the caller retries the whole write under the same keys
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(ACTIVATIONS_IN_FLIGHT, writes.length) }, worker));
  return outcome;
}
