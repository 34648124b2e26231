// inventorySetQuantities / inventoryAdjustQuantities with the 2026-04+ contract:
// @idempotent(key:) required, changeFromQuantity required on every row (null skips the check),
// at most 250 rows, and a stale changeFromQuantity fails the whole call with nothing applied.
// Error texts and shapes follow vendor-specs/shopify/captures-2026-04.
import { Kind, type GraphQLResolveInfo, type ValueNode, type ASTNode } from 'graphql';
import { gid, parseGid } from './gid.ts';
import { shopifyError, userError, type UserError } from './errors.ts';
import type { ShopifyContext } from './context.ts';
import { InventoryItemView, LocationView, quantityOf } from './catalog-views.ts';
import type { InventoryItemRecord, LevelRecord, ShopStore } from './store.ts';

export const MAX_INVENTORY_ROWS = 250;
const QUANTITY_LIMIT = 1_000_000_000;

export const INVENTORY_REASONS = [
  'correction',
  'cycle_count_available',
  'damaged',
  'movement_canceled',
  'movement_created',
  'movement_received',
  'movement_updated',
  'other',
  'promotion',
  'quality_control',
  'received',
  'reservation_created',
  'reservation_deleted',
  'reservation_updated',
  'restock',
  'safety_stock',
  'shrinkage',
];

interface Change {
  name: string;
  delta: number;
  itemId: number;
  locationId: number;
  ledgerDocumentUri: string | null;
}

interface GroupRecord {
  id: number;
  createdAt: string;
  reason: string;
  referenceDocumentUri: string | null;
  changes: Change[];
}

class AdjustmentGroupView {
  readonly __typename = 'InventoryAdjustmentGroup';
  constructor(
    private readonly store: ShopStore,
    private readonly record: GroupRecord,
  ) {}
  get id() {
    return gid('InventoryAdjustmentGroup', this.record.id);
  }
  get createdAt() {
    return this.record.createdAt;
  }
  get reason() {
    return this.record.reason;
  }
  get referenceDocumentUri() {
    return this.record.referenceDocumentUri;
  }
  get app() {
    return null;
  }
  get staffMember() {
    return null;
  }
  changes(args: { inventoryItemIds?: string[] | null; locationIds?: string[] | null; quantityNames?: string[] | null }) {
    return this.record.changes
      .filter((c) => !args.quantityNames || args.quantityNames.includes(c.name))
      .filter((c) => !args.inventoryItemIds || args.inventoryItemIds.includes(gid('InventoryItem', c.itemId)))
      .filter((c) => !args.locationIds || args.locationIds.includes(gid('Location', c.locationId)))
      .map((c) => {
        const item = this.store.inventoryItems.get(c.itemId);
        const location = this.store.locations.get(c.locationId);
        return {
          __typename: 'InventoryChange',
          name: c.name,
          delta: c.delta,
          quantityAfterChange: null,
          ledgerDocumentUri: c.ledgerDocumentUri,
          item: item ? new InventoryItemView(this.store, item) : null,
          location: location ? new LocationView(this.store, location) : null,
        };
      });
  }
}

/** The location of the variable definition an argument came from (Shopify reports both). */
function argumentSourceNodes(info: GraphQLResolveInfo): ASTNode[] {
  const field = info.fieldNodes[0];
  const nodes: ASTNode[] = [field];
  const value: ValueNode | undefined = field.arguments?.find((a) => a.name.value === 'input')?.value;
  if (value?.kind === Kind.VARIABLE) {
    const definition = info.operation.variableDefinitions?.find((d) => d.variable.name.value === value.name.value);
    if (definition) nodes.push(definition);
  } else if (value) {
    nodes.push(value);
  }
  return nodes;
}

/** The checks Shopify makes before looking at the data; they fail the field with a top-level error. */
function checkContract(rows: object[], rowType: string, info: GraphQLResolveInfo): string {
  if (rows.length > MAX_INVENTORY_ROWS) {
    throw shopifyError(
      `The input array size of ${rows.length} is greater than the maximum allowed of ${MAX_INVENTORY_ROWS}.`,
      'MAX_INPUT_SIZE_EXCEEDED',
      argumentSourceNodes(info),
    );
  }
  if (rows.some((row) => !('changeFromQuantity' in row))) {
    throw shopifyError(
      `${rowType} must include the following argument: changeFromQuantity.`,
      'INVALID_FIELD_ARGUMENTS',
      argumentSourceNodes(info),
    );
  }
  return requiredIdempotencyKey(info);
}

/** The key of this field's @idempotent directive, required on the 2026-04+ inventory mutations. */
export function requiredIdempotencyKey(info: GraphQLResolveInfo): string {
  const directive = info.fieldNodes[0].directives?.find((d) => d.name.value === 'idempotent');
  const keyNode = directive?.arguments?.find((a) => a.name.value === 'key')?.value;
  let key: unknown;
  if (keyNode?.kind === Kind.VARIABLE) key = info.variableValues[keyNode.name.value];
  else if (keyNode?.kind === Kind.STRING) key = keyNode.value;
  if (typeof key !== 'string' || key.length === 0) {
    throw shopifyError(
      'The @idempotent directive is required for this mutation but was not provided.',
      'BAD_REQUEST',
      info.fieldNodes,
    );
  }
  return key;
}

function checkReason(reason: string, errors: UserError[]): void {
  if (!INVENTORY_REASONS.includes(reason)) {
    errors.push(
      userError(['input', 'reason'], `The specified reason is invalid. Valid values are: ${INVENTORY_REASONS.join(', ')}.`, 'INVALID_REASON'),
    );
  }
}

/** What each mutation says of an item with no inventory level at the location (texts of the schema's enums). */
const NOT_STOCKED = {
  set: 'The specified inventory item is not stocked at the location.',
  adjust: 'The inventory item is not stocked at the location.',
};

interface Target {
  item: InventoryItemRecord;
  locationId: number;
  level: LevelRecord;
}

/** Each row's item and its level at the location; an item not stocked there has none and is refused. */
function findTargets(
  store: ShopStore,
  rows: Array<{ inventoryItemId: string; locationId: string }>,
  listName: string,
  notStocked: string,
  errors: UserError[],
): Array<Target | null> {
  return rows.map((row, i) => {
    const item = store.inventoryItems.get(parseGid(row.inventoryItemId, 'InventoryItem') ?? -1);
    const locationId = parseGid(row.locationId, 'Location');
    if (!item) {
      errors.push(userError(['input', listName, i, 'inventoryItemId'], 'The specified inventory item could not be found.', 'INVALID_INVENTORY_ITEM'));
      return null;
    }
    if (locationId === null || !store.locations.has(locationId)) {
      errors.push(userError(['input', listName, i, 'locationId'], 'The specified location could not be found.', 'INVALID_LOCATION'));
      return null;
    }
    const level = item.levels.get(locationId);
    if (!level) {
      errors.push(userError(['input', listName, i, 'inventoryItemId'], notStocked, 'ITEM_NOT_STOCKED_AT_LOCATION'));
      return null;
    }
    return { item, locationId, level };
  });
}

function staleError(listName: string, i: number): UserError {
  return userError(
    ['input', listName, i, 'changeFromQuantity'],
    'The changeFromQuantity argument no longer matches the persisted quantity.',
    'CHANGE_FROM_QUANTITY_STALE',
  );
}

function fingerprint(field: string, args: unknown): string {
  return `${field}:${JSON.stringify(args)}`;
}

/** Applies a delta to a named quantity; on_hand moves with available (committed is untouched). */
function applyDelta(level: LevelRecord, delta: number, now: string): void {
  level.available += delta;
  level.updatedAt = now;
}

function finish(ctx: ShopifyContext, input: { reason: string; referenceDocumentUri?: string | null }, changes: Change[], touched: Map<string, { item: InventoryItemRecord; locationId: number }>) {
  if (changes.length === 0) return { inventoryAdjustmentGroup: null, userErrors: [] };
  const record: GroupRecord = {
    id: ctx.store.nextId('InventoryAdjustmentGroup'),
    createdAt: ctx.store.now(),
    reason: input.reason,
    referenceDocumentUri: input.referenceDocumentUri ?? null,
    changes,
  };
  for (const { item, locationId } of touched.values()) {
    item.updatedAt = record.createdAt;
    ctx.webhooks.inventoryLevelUpdated(item, locationId);
  }
  return { inventoryAdjustmentGroup: new AdjustmentGroupView(ctx.store, record), userErrors: [] };
}

interface SetInput {
  name: string;
  reason: string;
  referenceDocumentUri?: string | null;
  quantities: Array<{ inventoryItemId: string; locationId: string; quantity: number; changeFromQuantity?: number | null }>;
}

export function inventorySetQuantities(args: { input: SetInput }, ctx: ShopifyContext, info: GraphQLResolveInfo) {
  const { input } = args;
  const key = checkContract(input.quantities, 'InventoryQuantityInput', info);
  const print = fingerprint('inventorySetQuantities', args);
  const earlier = ctx.idempotency.lookup(key, print);
  if (earlier === 'mismatch') {
    return { inventoryAdjustmentGroup: null, userErrors: [userError(null, 'The idempotency key was already used with different parameters.', 'IDEMPOTENCY_KEY_PARAMETER_MISMATCH')] };
  }
  if (earlier) return earlier.result;

  const result = setQuantities(ctx, input, 'quantities');
  ctx.idempotency.remember(key, print, result);
  return result;
}

interface SetOnHandInput {
  reason: string;
  referenceDocumentUri?: string | null;
  setQuantities: SetInput['quantities'];
}

/** The older on_hand-only form: the same rules, rows under `setQuantities`. */
export function inventorySetOnHandQuantities(args: { input: SetOnHandInput }, ctx: ShopifyContext, info: GraphQLResolveInfo) {
  const { input } = args;
  const key = checkContract(input.setQuantities, 'InventorySetQuantityInput', info);
  const print = fingerprint('inventorySetOnHandQuantities', args);
  const earlier = ctx.idempotency.lookup(key, print);
  if (earlier === 'mismatch') {
    return { inventoryAdjustmentGroup: null, userErrors: [userError(null, 'The idempotency key was already used with different parameters.', 'IDEMPOTENCY_KEY_PARAMETER_MISMATCH')] };
  }
  if (earlier) return earlier.result;
  const result = setQuantities(ctx, { name: 'on_hand', reason: input.reason, referenceDocumentUri: input.referenceDocumentUri, quantities: input.setQuantities }, 'setQuantities');
  ctx.idempotency.remember(key, print, result);
  return result;
}

function setQuantities(ctx: ShopifyContext, input: SetInput, listName: string) {
  const { store } = ctx;
  const errors: UserError[] = [];
  if (input.name !== 'available' && input.name !== 'on_hand') {
    errors.push(userError(['input', 'name'], "The quantity name must be either 'available' or 'on_hand'.", 'INVALID_NAME'));
  }
  checkReason(input.reason, errors);
  const targets = findTargets(store, input.quantities, listName, NOT_STOCKED.set, errors);
  input.quantities.forEach((row, i) => {
    if (row.quantity > QUANTITY_LIMIT) errors.push(userError(['input', listName, i, 'quantity'], "The quantity can't be higher than 1,000,000,000.", 'INVALID_QUANTITY_TOO_HIGH'));
    else if (row.quantity < -QUANTITY_LIMIT) errors.push(userError(['input', listName, i, 'quantity'], "The quantity can't be lower than -1,000,000,000.", 'INVALID_QUANTITY_TOO_LOW'));
    else if (input.name === 'on_hand' && row.quantity < 0) errors.push(userError(['input', listName, i, 'quantity'], "The quantity can't be negative.", 'INVALID_QUANTITY_NEGATIVE'));
  });
  const pairs = new Map<string, number[]>();
  input.quantities.forEach((row, i) => {
    const pair = `${row.inventoryItemId}|${row.locationId}`;
    pairs.set(pair, [...(pairs.get(pair) ?? []), i]);
  });
  for (const indexes of pairs.values()) {
    if (indexes.length > 1) {
      for (const i of indexes) {
        errors.push(userError(['input', listName, i, 'locationId'], 'The combination of inventoryItemId and locationId must be unique.', 'NO_DUPLICATE_INVENTORY_ITEM_ID_GROUP_ID_PAIR'));
      }
    }
  }
  if (errors.length === 0) {
    input.quantities.forEach((row, i) => {
      const target = targets[i]!;
      const current = quantityOf(target.level, input.name);
      if (row.changeFromQuantity != null && row.changeFromQuantity !== current) errors.push(staleError(listName, i));
    });
  }
  if (errors.length) return { inventoryAdjustmentGroup: null, userErrors: errors };

  const now = store.now();
  const changes: Change[] = [];
  const touched = new Map<string, { item: InventoryItemRecord; locationId: number }>();
  input.quantities.forEach((row, i) => {
    const target = targets[i]!;
    const delta = row.quantity - quantityOf(target.level, input.name);
    if (delta === 0) return;
    applyDelta(target.level, delta, now);
    changes.push({ name: 'available', delta, itemId: target.item.id, locationId: target.locationId, ledgerDocumentUri: null });
    changes.push({ name: 'on_hand', delta, itemId: target.item.id, locationId: target.locationId, ledgerDocumentUri: null });
    touched.set(`${target.item.id}|${target.locationId}`, target);
  });
  return finish(ctx, input, changes, touched);
}

interface AdjustInput {
  name: string;
  reason: string;
  referenceDocumentUri?: string | null;
  changes: Array<{ inventoryItemId: string; locationId: string; delta: number; changeFromQuantity?: number | null; ledgerDocumentUri?: string | null }>;
}

const ADJUSTABLE_NAMES = ['available', 'on_hand'];
const OTHER_KNOWN_NAMES = ['damaged', 'incoming', 'quality_control', 'reserved', 'safety_stock'];

export function inventoryAdjustQuantities(args: { input: AdjustInput }, ctx: ShopifyContext, info: GraphQLResolveInfo) {
  const { input } = args;
  const key = checkContract(input.changes, 'InventoryChangeInput', info);
  const print = fingerprint('inventoryAdjustQuantities', args);
  const earlier = ctx.idempotency.lookup(key, print);
  if (earlier === 'mismatch') {
    return { inventoryAdjustmentGroup: null, userErrors: [userError(null, 'The idempotency key was already used with different parameters.', 'IDEMPOTENCY_KEY_PARAMETER_MISMATCH')] };
  }
  if (earlier) return earlier.result;
  if (OTHER_KNOWN_NAMES.includes(input.name)) {
    throw shopifyError(`not emulated: inventoryAdjustQuantities for the quantity name "${input.name}" (only available and on_hand are held)`, 'NOT_EMULATED', info.fieldNodes);
  }
  const result = adjustQuantities(ctx, input);
  ctx.idempotency.remember(key, print, result);
  return result;
}

function adjustQuantities(ctx: ShopifyContext, input: AdjustInput) {
  const { store } = ctx;
  const errors: UserError[] = [];
  if (!ADJUSTABLE_NAMES.includes(input.name)) {
    errors.push(userError(['input', 'name'], `The quantity name '${input.name}' is not valid.`, 'INVALID_QUANTITY_NAME'));
  }
  checkReason(input.reason, errors);
  const targets = findTargets(store, input.changes, 'changes', NOT_STOCKED.adjust, errors);
  input.changes.forEach((row, i) => {
    if (Math.abs(row.delta) > QUANTITY_LIMIT) {
      errors.push(
        row.delta > 0
          ? userError(['input', 'changes', i, 'delta'], "The quantity can't be higher than 1,000,000,000.", 'INVALID_QUANTITY_TOO_HIGH')
          : userError(['input', 'changes', i, 'delta'], "The quantity can't be lower than -1,000,000,000.", 'INVALID_QUANTITY_TOO_LOW'),
      );
    }
  });
  if (errors.length === 0) {
    input.changes.forEach((row, i) => {
      const target = targets[i]!;
      const current = quantityOf(target.level, input.name);
      if (row.changeFromQuantity != null && row.changeFromQuantity !== current) errors.push(staleError('changes', i));
    });
  }
  if (errors.length) return { inventoryAdjustmentGroup: null, userErrors: errors };

  const now = store.now();
  const changes: Change[] = [];
  const touched = new Map<string, { item: InventoryItemRecord; locationId: number }>();
  input.changes.forEach((row, i) => {
    const target = targets[i]!;
    if (row.delta === 0) return;
    applyDelta(target.level, row.delta, now);
    const ledger = row.ledgerDocumentUri ?? null;
    changes.push({ name: 'available', delta: row.delta, itemId: target.item.id, locationId: target.locationId, ledgerDocumentUri: ledger });
    changes.push({ name: 'on_hand', delta: row.delta, itemId: target.item.id, locationId: target.locationId, ledgerDocumentUri: ledger });
    touched.set(`${target.item.id}|${target.locationId}`, target);
  });
  return finish(ctx, input, changes, touched);
}
