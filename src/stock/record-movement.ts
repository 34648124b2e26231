// The stock ledger's one write path. Each movement, the level it changes and the change mark the
// sync engine reads are written in one transaction (DESIGN rules 1, 2 and 5).
import type { DatabaseHandle } from '../db/handle.ts';
import type { MovementKind, StockMovementTable } from '../db/schema.ts';
import { query, runSteps, runStepsInTransaction, type SqlSteps } from '../db/sql-steps.ts';
import type { Executor } from '../db/transaction.ts';
import { newId, nowIso } from '../db/ids.ts';
import { invalid, notFound } from '../errors/domain-error.ts';
import { parseQuantity, quantityNumber } from '../catalog/decimal.ts';
import { MAIN_LOCATION_NAME } from '../accounts/locations.ts';
import { nameKey } from '../accounts/names.ts';
import { changeMarkSteps } from './change-marks.ts';
import { KIND_RULES, isMovementKind } from './movement-kinds.ts';
import { movementFromRow, type Movement } from './movement.ts';
import { recordMovementInOneStatement } from './one-statement-movement.ts';

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
  // On PostgreSQL a plain movement is one statement (one-statement-movement.ts); counts, transfers
  // and keyed movements read before they write, so they keep their transaction, as does anything
  // the one statement could not write (it is refused here with the precise reason).
  if (handle.dialect === 'postgres') {
    const written = await recordMovementInOneStatement(handle, accountId, input);
    if (written) return written;
  }
  return runStepsInTransaction(handle, () => movementSteps(accountId, input));
}

/** The same, inside a transaction the caller already holds (e.g. order intake with its own rows). */
export async function recordMovementIn(trx: Executor, accountId: string, input: MovementInput): Promise<MovementResult> {
  return runSteps(trx, movementSteps(accountId, input));
}

function* movementSteps(accountId: string, input: MovementInput): SqlSteps<MovementResult> {
  if (!isMovementKind(input.kind)) throw invalid(`"${input.kind}" is not a kind of stock movement.`);
  const kind = input.kind;
  const key = input.idempotencyKey?.trim() || null;
  if (key) {
    const replay = yield* replayOf(accountId, key);
    if (replay) return replay;
  }
  const variant = yield* resolveVariant(accountId, input);
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

  const location = yield* resolveMovementLocation(accountId, input.location);
  const destination = rule === 'move' ? yield* resolveDestination(accountId, input.toLocation, location.id) : undefined;

  let delta = quantityMilli;
  if (rule === 'out' || rule === 'move') delta = -quantityMilli;
  if (rule === 'set') delta = quantityMilli - (yield* lockLevel(accountId, variant.id, location.id));

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
  const row: StockMovementTable = { ...base, id: newId(), location_id: location.id, quantity_milli: delta, idempotency_key: key };
  // Another writer may have committed the same key since we looked: the unique index decides.
  if (!(yield* insertMovement(row))) {
    const replay = key ? yield* replayOf(accountId, key) : undefined;
    if (replay) return replay;
    throw new Error(`Stock movement with key ${key} conflicted but cannot be read`);
  }
  const onHand = yield* addToLevel(accountId, variant.id, location.id, delta, now);
  yield* changeMarkSteps(accountId, variant.id, location.id);

  let counterpart: Movement | undefined;
  if (destination) {
    const arriving: StockMovementTable = { ...base, id: newId(), location_id: destination.id, quantity_milli: quantityMilli, idempotency_key: null };
    yield* insertMovement(arriving);
    yield* addToLevel(accountId, variant.id, destination.id, quantityMilli, now);
    yield* changeMarkSteps(accountId, variant.id, destination.id);
    counterpart = movementFromRow(arriving);
  }
  return { movement: movementFromRow(row), counterpart, onHand: quantityNumber(onHand), replayed: false };
}

interface ResolvedVariant {
  id: string;
  productType: string | null;
  label: string;
}

type ResolvedRow = { id: string; sku: string | null; product_type: string | null; name: string };

// The movement path is hand-written SQL steps (db/sql-steps.ts): it is the hottest write in the system.
const VARIANT_SELECT = 'select v.id as id, v.sku as sku, p.product_type as product_type, p.name as name from variant v inner join product p on p.id = v.product_id where v.account_id = ?';

function* resolveVariant(accountId: string, input: MovementInput): SqlSteps<ResolvedVariant> {
  let rows: ResolvedRow[];
  let what: string;
  if (input.variantId) {
    rows = yield* query<ResolvedRow>(`${VARIANT_SELECT} and v.id = ?`, [accountId, input.variantId]);
    what = 'That variant does not exist.';
  } else if (input.sku?.trim()) {
    rows = yield* query<ResolvedRow>(`${VARIANT_SELECT} and v.sku_key = ?`, [accountId, nameKey(input.sku)]);
    what = `There is no variant with SKU "${input.sku.trim()}".`;
  } else if (input.code?.trim()) {
    const code = input.code.trim();
    rows = yield* query<ResolvedRow>(`${VARIANT_SELECT} and (v.sku_key = ? or v.barcode = ?) order by case when v.sku_key = ? then 0 else 1 end limit 1`, [accountId, nameKey(code), code, nameKey(code)]);
    what = `There is no variant with SKU or barcode "${code}".`;
  } else {
    throw invalid('Say which variant: a variant id, a SKU or a barcode.');
  }
  const found = rows[0];
  if (!found) throw notFound(what);
  return { id: found.id, productType: found.product_type, label: found.sku ?? found.name };
}

function* resolveMovementLocation(accountId: string, idOrName: string | null | undefined): SqlSteps<{ id: string; name: string }> {
  if (!idOrName?.trim()) {
    const rows = yield* query<{ id: string; name: string }>(
      'select id, name from location where account_id = ? order by case when name_key = ? then 0 else 1 end, created_at, id limit 1',
      [accountId, nameKey(MAIN_LOCATION_NAME)],
    );
    if (!rows[0]) throw notFound('This account has no location.');
    return rows[0];
  }
  const rows = yield* query<{ id: string; name: string }>('select id, name from location where account_id = ? and (id = ? or name_key = ?) limit 1', [
    accountId,
    idOrName.trim(),
    nameKey(idOrName),
  ]);
  if (!rows[0]) throw notFound(`There is no location "${idOrName.trim()}".`);
  return rows[0];
}

function* resolveDestination(accountId: string, toLocation: string | null | undefined, fromId: string): SqlSteps<{ id: string; name: string }> {
  if (!toLocation?.trim()) throw invalid('A transfer needs the location the stock goes to.');
  const destination = yield* resolveMovementLocation(accountId, toLocation);
  if (destination.id === fromId) throw invalid('A transfer needs two different locations.');
  return destination;
}

function* replayOf(accountId: string, key: string): SqlSteps<MovementResult | undefined> {
  const [existing] = yield* query<StockMovementTable>('select * from stock_movement where account_id = ? and idempotency_key = ?', [accountId, key]);
  if (!existing) return undefined;
  const [level] = yield* query<{ quantity_milli: number }>('select quantity_milli from stock_level where variant_id = ? and location_id = ?', [existing.variant_id, existing.location_id]);
  return { movement: movementFromRow(existing), onHand: quantityNumber(Number(level?.quantity_milli ?? 0)), replayed: true };
}

const MOVEMENT_COLUMNS = 'id, account_id, variant_id, location_id, kind, quantity_milli, counted_milli, actor, reason, reference, idempotency_key, created_at';
const INSERT_MOVEMENT = `insert into stock_movement (${MOVEMENT_COLUMNS}) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

const UPSERT_LEVEL =
  'insert into stock_level (account_id, variant_id, location_id, quantity_milli, updated_at) values (?, ?, ?, ?, ?) on conflict (variant_id, location_id) do update set quantity_milli = stock_level.quantity_milli + excluded.quantity_milli, updated_at = excluded.updated_at returning quantity_milli';

function movementValues(row: StockMovementTable): unknown[] {
  return [row.id, row.account_id, row.variant_id, row.location_id, row.kind, row.quantity_milli, row.counted_milli, row.actor, row.reason, row.reference, row.idempotency_key, row.created_at];
}

/** Inserts the movement; false when its idempotency key was already taken (nothing inserted). */
function* insertMovement(row: StockMovementTable): SqlSteps<boolean> {
  const values = movementValues(row);
  if (row.idempotency_key === null) {
    yield* query(INSERT_MOVEMENT, values);
    return true;
  }
  const inserted = yield* query(`${INSERT_MOVEMENT} on conflict (account_id, idempotency_key) do nothing returning id`, values);
  return inserted.length > 0;
}

/** Adds `delta` to the level (creating it) and returns the new level; atomic on both dialects. */
function* addToLevel(accountId: string, variantId: string, locationId: string, delta: number, now: string): SqlSteps<number> {
  const [row] = yield* query<{ quantity_milli: number }>(UPSERT_LEVEL, [accountId, variantId, locationId, delta, now]);
  return Number(row.quantity_milli);
}

/**
 * Reads the level while holding its row lock until the transaction ends (an upsert that changes
 * nothing takes the lock on PostgreSQL; SQLite's BEGIN IMMEDIATE already serialises writers), so a
 * count's difference is computed against a level no one else can change meanwhile.
 */
function* lockLevel(accountId: string, variantId: string, locationId: string): SqlSteps<number> {
  const [row] = yield* query<{ quantity_milli: number }>(
    'insert into stock_level (account_id, variant_id, location_id, quantity_milli, updated_at) values (?, ?, ?, 0, ?) on conflict (variant_id, location_id) do update set quantity_milli = stock_level.quantity_milli returning quantity_milli',
    [accountId, variantId, locationId, nowIso()],
  );
  return Number(row.quantity_milli);
}
