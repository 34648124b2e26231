// Stocking an inventory item at a location: `inventoryActivate` (creates the InventoryLevel,
// optionally with its first quantity; @idempotent required since 2026-04) and
// `inventoryBulkToggleActivation` (stock or unstock one item at several locations). An item with
// no level at a location reads null there and the quantity mutations refuse it
// (ITEM_NOT_STOCKED_AT_LOCATION). Texts follow the schema's enums and what Shopify answers.
import type { GraphQLResolveInfo } from 'graphql';
import { parseGid } from './gid.ts';
import { notEmulated, userError, type UserError } from './errors.ts';
import type { ShopifyContext } from './context.ts';
import { InventoryItemView, InventoryLevelView } from './catalog-views.ts';
import { requiredIdempotencyKey } from './inventory-mutations.ts';
import type { InventoryItemRecord, ShopStore } from './store.ts';

const QUANTITY_LIMIT = 1_000_000_000;

interface ActivateArgs {
  inventoryItemId: string;
  locationId: string;
  available?: number | null;
  onHand?: number | null;
  stockAtLegacyLocation?: boolean | null;
}

/** The level as it is now (a copy, so a replayed key answers what the first call answered). */
function levelView(store: ShopStore, item: InventoryItemRecord, locationId: number): InventoryLevelView | null {
  const level = item.levels.get(locationId);
  return level ? new InventoryLevelView(store, item, locationId, { ...level }) : null;
}

export function inventoryActivate(args: ActivateArgs, ctx: ShopifyContext, info: GraphQLResolveInfo) {
  const key = requiredIdempotencyKey(info);
  if (args.stockAtLegacyLocation) throw notEmulated('inventoryActivate(stockAtLegacyLocation: true) (no fulfillment-service locations)', info.fieldNodes);
  const print = `inventoryActivate:${JSON.stringify(args)}`;
  const earlier = ctx.idempotency.lookup(key, print);
  if (earlier === 'mismatch') {
    return { inventoryLevel: null, userErrors: [userError(null, 'The idempotency key was already used with different parameters.', 'IDEMPOTENCY_KEY_PARAMETER_MISMATCH')] };
  }
  if (earlier) return earlier.result;
  const result = activate(ctx, args);
  ctx.idempotency.remember(key, print, result);
  return result;
}

function activate(ctx: ShopifyContext, args: ActivateArgs) {
  const { store } = ctx;
  const refused = (errors: UserError[], item?: InventoryItemRecord, locationId?: number) => ({
    inventoryLevel: item && locationId !== undefined ? levelView(store, item, locationId) : null,
    userErrors: errors,
  });
  const item = store.inventoryItems.get(parseGid(args.inventoryItemId, 'InventoryItem') ?? -1);
  if (!item) return refused([userError(['inventoryItemId'], "The product couldn't be stocked because it wasn't found.", null)]);
  const locationId = parseGid(args.locationId, 'Location');
  const location = locationId === null ? undefined : store.locations.get(locationId);
  if (!location || locationId === null) return refused([userError(['locationId'], "The product couldn't be stocked because the location wasn't found.", null)]);
  const hasAvailable = args.available != null;
  const hasOnHand = args.onHand != null;
  if (hasAvailable && args.available! < 0) return refused([userError(['available'], 'Available must be greater than or equal to 0', null)]);
  if (hasAvailable && hasOnHand) {
    const message = `The product couldn't be stocked at ${location.name} because not allowed to set available and on_hand quantities at the same time.`;
    return refused([userError(['available'], message, null), userError(['onHand'], message, null)]);
  }
  const initial = hasAvailable ? args.available! : hasOnHand ? args.onHand! : 0;
  if (Math.abs(initial) > QUANTITY_LIMIT) {
    const field = hasAvailable ? 'available' : 'onHand';
    return refused([userError([field], `The product couldn't be stocked at ${location.name} because the quantity needs to be between -1 billion and 1 billion.`, null)]);
  }
  if (item.levels.has(locationId)) {
    // Already stocked: the level is answered as it is; a quantity is refused, never applied.
    if (hasAvailable) return refused([userError(['available'], 'Not allowed to set available quantity when the item is already active at the location.', null)], item, locationId);
    if (hasOnHand) return refused([userError(['onHand'], 'Not allowed to set an on_hand quantity when the item is already active at the location.', null)], item, locationId);
    return refused([], item, locationId);
  }
  const now = store.now();
  item.levels.set(locationId, { available: initial, committed: 0, updatedAt: now });
  item.updatedAt = now;
  if (initial !== 0) ctx.webhooks.inventoryLevelUpdated(item, locationId);
  return { inventoryLevel: levelView(store, item, locationId), userErrors: [] };
}

interface ToggleArgs {
  inventoryItemId: string;
  inventoryItemUpdates: Array<{ locationId: string; activate: boolean }>;
}

/** Stocks (at 0) or unstocks one item at several locations; the first refusal stops the call with nothing changed. */
export function inventoryBulkToggleActivation(args: ToggleArgs, ctx: ShopifyContext) {
  const { store } = ctx;
  const refused = (error: UserError) => ({ inventoryItem: null, inventoryLevels: null, userErrors: [error] });
  const item = store.inventoryItems.get(parseGid(args.inventoryItemId, 'InventoryItem') ?? -1);
  if (!item) return refused(userError(['inventoryItemId'], "The inventory item couldn't be found.", 'INVENTORY_ITEM_NOT_FOUND'));
  const stocked = new Set(item.levels.keys());
  const plan: Array<{ locationId: number; activate: boolean }> = [];
  for (const [index, update] of args.inventoryItemUpdates.entries()) {
    const locationId = parseGid(update.locationId, 'Location');
    const location = locationId === null ? undefined : store.locations.get(locationId);
    const field = ['inventoryItemUpdates', index, 'locationId'];
    if (!location || locationId === null) return refused(userError(field, "The quantity couldn't be updated because the location was not found.", 'LOCATION_NOT_FOUND'));
    if (update.activate) {
      stocked.add(locationId);
    } else if (stocked.has(locationId)) {
      if (stocked.size === 1) {
        return refused(userError(field, `The variant couldn't be unstocked from ${location.name} because products need to be stocked at a minimum of 1 location.`, 'CANNOT_DEACTIVATE_FROM_ONLY_LOCATION'));
      }
      if ((item.levels.get(locationId)?.committed ?? 0) > 0) {
        return refused(userError(field, 'Cannot unstock this inventory item from this location because it has committed quantities.', 'COMMITTED_INVENTORY_AT_LOCATION'));
      }
      stocked.delete(locationId);
    }
    plan.push({ locationId, activate: update.activate });
  }
  const now = store.now();
  const activated: InventoryLevelView[] = [];
  for (const { locationId, activate } of plan) {
    if (activate) {
      if (!item.levels.has(locationId)) item.levels.set(locationId, { available: 0, committed: 0, updatedAt: now });
      activated.push(levelView(store, item, locationId)!);
    } else {
      item.levels.delete(locationId);
    }
  }
  item.updatedAt = now;
  return { inventoryItem: new InventoryItemView(store, item), inventoryLevels: activated, userErrors: [] };
}
