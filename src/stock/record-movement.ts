// The stock ledger's one write path. Each movement, the level it changes and the change mark the
// sync engine reads are written in one transaction (DESIGN rules 1, 2 and 5).
import { sql } from 'kysely';
import type { DatabaseHandle } from '../db/handle.ts';
import type { MovementKind } from '../db/schema.ts';
import { inTransaction, type Executor } from '../db/transaction.ts';
import { newId, nowIso } from '../db/ids.ts';
import { invalid, notFound } from '../errors/domain-error.ts';
import { parseQuantity, quantityNumber } from '../catalog/decimal.ts';
import { resolveLocation } from '../accounts/locations.ts';
import { nameKey } from '../accounts/names.ts';
import { markStockChanged } from './change-marks.ts';
import { KIND_RULES, isMovementKind } from './movement-kinds.ts';
import { movementFromRow, type Movement } from './movement.ts';

export interface MovementInput {
  /** the variant, by id … */
  variantId?: string;
  /** … or by SKU (trimmed, case-insensitive) … */
  sku?: string;
  /** … or by SKU or barcode (what a till scans) */
  code?: string;
  kind: MovementKind | string;
  /** as a person enters it: positive for sale/return/receipt, signed for adjustment, the counted level for count */
  quantity: number | string;
  /** location id or name; default Main. For a transfer, where the stock leaves. */
  location?: string | null;
  /** for a transfer: where the stock arrives */
  toLocation?: string | null;
  actor?: string | null;
  reason?: string | null;
  reference?: string | null;
  /** a replay with the same key returns the first movement and changes nothing */
  idempotencyKey?: string | null;
}

export interface MovementResult {
  movement: Movement;
  /** for a transfer, the arriving leg */
  counterpart?: Movement;
  /** the level at the movement's location after it */
  onHand: number;
  /** true when the idempotency key had been seen: nothing was written */
  replayed: boolean;
}

export async function recordMovement(handle: DatabaseHandle, accountId: string, input: MovementInput): Promise<MovementResult> {
  return inTransaction(handle, (trx) => recordMovementIn(trx, accountId, input));
}

/** The same, inside a transaction the caller already holds (e.g. order intake with its own rows). */
export async function recordMovementIn(trx: Executor, accountId: string, input: MovementInput): Promise<MovementResult> {
  if (!isMovementKind(input.kind)) throw invalid(`"${input.kind}" is not a kind of stock movement.`);
  const kind = input.kind;
  const key = input.idempotencyKey?.trim() || null;
  if (key) {
    const replay = await replayOf(trx, accountId, key);
    if (replay) return replay;
  }
  const variant = await resolveVariant(trx, accountId, input);
  const quantityMilli = parseQuantity(input.quantity);
  if (variant.productType !== 'per_unit' && quantityMilli % 1000 !== 0) {
    throw invalid(`"${variant.label}" is sold in whole units, so its quantity cannot be ${input.quantity}.`);
  }
  const rule = KIND_RULES[kind];
  if ((rule === 'in' || rule === 'out' || rule === 'move') && quantityMilli <= 0) {
    throw invalid(`A ${kind.replace('_', ' ')} needs a quantity above 0.`);
  }
  if (rule === 'signed' && quantityMilli === 0) throw invalid('An adjustment of 0 changes nothing.');
  if (rule === 'set' && quantityMilli < 0) throw invalid('A count cannot be below 0.');

  const location = await resolveLocation(trx, accountId, input.location);
  const destination = rule === 'move' ? await resolveDestination(trx, accountId, input.toLocation, location.id) : undefined;

  let delta = quantityMilli;
  if (rule === 'out' || rule === 'move') delta = -quantityMilli;
  if (rule === 'set') delta = quantityMilli - (await lockLevel(trx, accountId, variant.id, location.id));

  const now = nowIso();
  const base = {
    account_id: accountId,
    variant_id: variant.id,
    kind,
    counted_milli: rule === 'set' ? quantityMilli : null,
    actor: input.actor ?? null,
    reason: input.reason ?? null,
    reference: input.reference ?? null,
    created_at: now,
  };
  const row = { ...base, id: newId(), location_id: location.id, quantity_milli: delta, idempotency_key: key };
  if (key) {
    // Another writer may have committed the same key since we looked: let the unique index decide.
    const inserted = await trx
      .insertInto('stock_movement')
      .values(row)
      .onConflict((oc) => oc.columns(['account_id', 'idempotency_key']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) {
      const replay = await replayOf(trx, accountId, key);
      if (replay) return replay;
      throw new Error(`Stock movement with key ${key} conflicted but cannot be read`);
    }
  } else {
    await trx.insertInto('stock_movement').values(row).execute();
  }
  const onHand = await addToLevel(trx, accountId, variant.id, location.id, delta, now);
  await markStockChanged(trx, accountId, variant.id, location.id);

  let counterpart: Movement | undefined;
  if (destination) {
    const arriving = { ...base, id: newId(), location_id: destination.id, quantity_milli: quantityMilli, idempotency_key: null };
    await trx.insertInto('stock_movement').values(arriving).execute();
    await addToLevel(trx, accountId, variant.id, destination.id, quantityMilli, now);
    await markStockChanged(trx, accountId, variant.id, destination.id);
    counterpart = movementFromRow(arriving);
  }
  return { movement: movementFromRow(row), counterpart, onHand: quantityNumber(onHand), replayed: false };
}

interface ResolvedVariant {
  id: string;
  productType: string | null;
  label: string;
}

async function resolveVariant(trx: Executor, accountId: string, input: MovementInput): Promise<ResolvedVariant> {
  let query = trx
    .selectFrom('variant')
    .innerJoin('product', 'product.id', 'variant.product_id')
    .select(['variant.id as id', 'variant.sku as sku', 'product.product_type as productType', 'product.name as name'])
    .where('variant.account_id', '=', accountId);
  let what: string;
  if (input.variantId) {
    query = query.where('variant.id', '=', input.variantId);
    what = 'That variant does not exist.';
  } else if (input.sku?.trim()) {
    query = query.where('variant.sku_key', '=', nameKey(input.sku));
    what = `There is no variant with SKU "${input.sku.trim()}".`;
  } else if (input.code?.trim()) {
    const code = input.code.trim();
    query = query.where((eb) => eb.or([eb('variant.sku_key', '=', nameKey(code)), eb('variant.barcode', '=', code)])).orderBy(sql`case when variant.sku_key = ${nameKey(code)} then 0 else 1 end`);
    what = `There is no variant with SKU or barcode "${code}".`;
  } else {
    throw invalid('Say which variant: a variant id, a SKU or a barcode.');
  }
  const found = await query.limit(1).executeTakeFirst();
  if (!found) throw notFound(what);
  return { id: found.id, productType: found.productType, label: found.sku ?? found.name };
}

async function resolveDestination(trx: Executor, accountId: string, toLocation: string | null | undefined, fromId: string) {
  if (!toLocation?.trim()) throw invalid('A transfer needs the location the stock goes to.');
  const destination = await resolveLocation(trx, accountId, toLocation);
  if (destination.id === fromId) throw invalid('A transfer needs two different locations.');
  return destination;
}

async function replayOf(trx: Executor, accountId: string, key: string): Promise<MovementResult | undefined> {
  const existing = await trx
    .selectFrom('stock_movement')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
  if (!existing) return undefined;
  const level = await trx
    .selectFrom('stock_level')
    .select('quantity_milli')
    .where('variant_id', '=', existing.variant_id)
    .where('location_id', '=', existing.location_id)
    .executeTakeFirst();
  return { movement: movementFromRow(existing), onHand: quantityNumber(Number(level?.quantity_milli ?? 0)), replayed: true };
}

/** Adds `delta` to the level (creating it at 0) and returns the new level; atomic on both dialects. */
async function addToLevel(trx: Executor, accountId: string, variantId: string, locationId: string, delta: number, now: string): Promise<number> {
  const row = await trx
    .insertInto('stock_level')
    .values({ account_id: accountId, variant_id: variantId, location_id: locationId, quantity_milli: delta, updated_at: now })
    .onConflict((oc) =>
      oc.columns(['variant_id', 'location_id']).doUpdateSet({
        quantity_milli: sql`stock_level.quantity_milli + ${delta}`,
        updated_at: now,
      }),
    )
    .returning('quantity_milli')
    .executeTakeFirstOrThrow();
  return Number(row.quantity_milli);
}

/**
 * Reads the level while holding its row lock until the transaction ends (an upsert that changes
 * nothing takes the lock on PostgreSQL; SQLite's BEGIN IMMEDIATE already serialises writers), so a
 * count's difference is computed against a level no one else can change meanwhile.
 */
async function lockLevel(trx: Executor, accountId: string, variantId: string, locationId: string): Promise<number> {
  const row = await trx
    .insertInto('stock_level')
    .values({ account_id: accountId, variant_id: variantId, location_id: locationId, quantity_milli: 0, updated_at: nowIso() })
    .onConflict((oc) => oc.columns(['variant_id', 'location_id']).doUpdateSet({ quantity_milli: sql`stock_level.quantity_milli` }))
    .returning('quantity_milli')
    .executeTakeFirstOrThrow();
  return Number(row.quantity_milli);
}
