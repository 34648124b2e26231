// setQuantities: one inventorySetQuantities call per batch (2026-04+ rules: changeFromQuantity on
// every row, null skipping the check; @idempotent with the engine's key). Shopify applies such a
// call all or nothing, so any stale row means nothing was written. Rows refused because the item
// is not stocked at the location are stocked there with their quantity (stocking.ts); the other
// rows are then written once more on their own.
import { ChannelError, type QuantityWrite, type QuantityWriteResult } from '../channel.ts';
import type { GraphqlClient } from './graphql-client.ts';
import { inventorySetQuantities } from './operations/inventory.ts';
import { inventorySetQuantitiesResult } from './payloads/inventory.ts';
import type { UserError } from './payloads/user-errors.ts';
import { activateAt, isNotStocked } from './stocking.ts';

export const QUANTITY_BATCH_SIZE = 250;

const STALE_CODES = new Set(['CHANGE_FROM_QUANTITY_STALE', 'COMPARE_QUANTITY_STALE']);

export interface QuantityDeps {
  client: GraphqlClient;
  locationId: () => Promise<string>;
}

function rowIndex(error: UserError): number | null {
  const field = error.field ?? [];
  const at = field.indexOf('quantities');
  if (at < 0 || at + 1 >= field.length) return null;
  const index = Number(field[at + 1]);
  return Number.isInteger(index) ? index : null;
}

function checkWrites(writes: QuantityWrite[]): void {
  if (writes.length > QUANTITY_BATCH_SIZE) {
    throw new ChannelError('invalid', `Shopify takes at most ${QUANTITY_BATCH_SIZE} quantities per request; ${writes.length} were given.`, false);
  }
  const seen = new Set<string>();
  for (const write of writes) {
    if (seen.has(write.inventoryRef)) {
      throw new ChannelError('invalid', `The same inventory item (${write.inventoryRef}) appears twice in one quantity write.`, false);
    }
    seen.add(write.inventoryRef);
    if (!Number.isInteger(write.quantity) || write.quantity < 0) {
      throw new ChannelError('invalid', `Shopify takes whole, non-negative quantities; ${write.quantity} was given for ${write.inventoryRef}.`, false);
    }
  }
}

/**
 * `stockMissing` is false when writing the rest of a call: items not stocked by then are reported,
 * so a call stocks each item at most once. Every re-send has fewer rows, so the recursion ends.
 */
export async function setQuantities(deps: QuantityDeps, writes: QuantityWrite[], key: string, stockMissing = true): Promise<QuantityWriteResult> {
  checkWrites(writes);
  if (writes.length === 0) return { applied: [], stale: [], failed: [] };
  const locationId = await deps.locationId();
  const input = {
    name: 'available',
    reason: 'correction',
    referenceDocumentUri: `gid://stockroom/StockSync/${encodeURIComponent(key)}`,
    quantities: writes.map((write) => ({
      inventoryItemId: write.inventoryRef,
      locationId,
      quantity: write.quantity,
      changeFromQuantity: write.expected,
    })),
  };
  const data = await deps.client.request(inventorySetQuantities, { key, input }, inventorySetQuantitiesResult);
  const payload = data.inventorySetQuantities;
  if (!payload) throw new ChannelError('protocol', 'Shopify returned nothing for a quantity write.');
  const errors = payload.userErrors;
  const refs = writes.map((write) => write.inventoryRef);
  if (errors.length === 0) return { applied: refs, stale: [], failed: [] };

  if (errors.some((error) => error.code && STALE_CODES.has(error.code))) {
    // Nothing was written: every row goes back to the engine, which takes in orders and recomputes.
    return { applied: [], stale: refs, failed: [] };
  }
  const codes = new Set(errors.map((error) => error.code));
  if (codes.has('IDEMPOTENCY_CONCURRENT_REQUEST')) {
    throw new ChannelError('unavailable', 'Shopify is still applying an earlier attempt of this stock update; it will be retried.', true, 1000);
  }
  if (codes.has('IDEMPOTENCY_KEY_PARAMETER_MISMATCH') || codes.has('IDEMPOTENCY_PREVIOUS_ATTEMPT_FAILED')) {
    throw new ChannelError('invalid', `Shopify refused the stock update key "${key}": ${errors[0].message}`, false);
  }

  const refused = new Map<number, string>();
  const notStocked = new Set<number>();
  for (const error of errors) {
    const index = rowIndex(error);
    if (index === null || index >= writes.length) continue;
    if (stockMissing && isNotStocked(error)) notStocked.add(index);
    else refused.set(index, error.message);
  }
  for (const index of notStocked) if (refused.has(index)) notStocked.delete(index);
  if (refused.size === 0 && notStocked.size === 0) {
    const reason = errors.map((error) => error.message).join('; ');
    return { applied: [], stale: [], failed: refs.map((inventoryRef) => ({ inventoryRef, reason })) };
  }
  const failed = [...refused].map(([index, reason]) => ({ inventoryRef: refs[index], reason }));
  // The call changed nothing. Items not stocked here are stocked with their quantity; the rows
  // Shopify did not object to (and items someone stocked meanwhile) are written once more, alone.
  const activation = await activateAt(deps.client, locationId, writes.filter((_, index) => notStocked.has(index)), key);
  failed.push(...activation.failed);
  const rest = [...writes.filter((_, index) => !refused.has(index) && !notStocked.has(index)), ...activation.stockedMeanwhile];
  if (rest.length === 0) return { applied: activation.applied, stale: [], failed };
  const retried = await setQuantities(deps, rest, `${key}/without-refused`, false);
  return { applied: [...activation.applied, ...retried.applied], stale: retried.stale, failed: [...failed, ...retried.failed] };
}
