// PostgreSQL's path for a plain movement (sale, return, receipt, adjustment, channel order or
// refund; no idempotency key): the variant and location lookups, the movement, its level and its
// change mark in ONE statement of data-modifying CTEs — one round trip and one WAL flush, atomic
// without BEGIN/COMMIT. When the statement finds nothing to write (an unknown variant or location,
// a fraction of a whole-unit product) it writes nothing and answers null, and the caller runs the
// full path, which says precisely what is wrong.
import type { DatabaseHandle } from '../db/handle.ts';
import type { StockMovementTable } from '../db/schema.ts';
import { postgresText } from '../db/raw-sql.ts';
import { newId, nowIso } from '../db/ids.ts';
import { parseQuantity, quantityNumber } from '../catalog/decimal.ts';
import { MAIN_LOCATION_NAME } from '../accounts/locations.ts';
import { nameKey } from '../accounts/names.ts';
import { KIND_RULES, isMovementKind } from './movement-kinds.ts';
import { movementFromRow } from './movement.ts';
import type { MovementInput, MovementResult } from './record-movement.ts';

interface Target {
  /** SQL choosing the variant (aliases v and p), with `?` placeholders */
  where: string;
  parameters: unknown[];
}

function variantTarget(accountId: string, input: MovementInput): Target | null {
  if (input.variantId) return { where: 'v.account_id = ? and v.id = ?', parameters: [accountId, input.variantId] };
  if (input.sku?.trim()) return { where: 'v.account_id = ? and v.sku_key = ?', parameters: [accountId, nameKey(input.sku)] };
  const code = input.code?.trim();
  if (code) {
    return {
      where: 'v.account_id = ? and (v.sku_key = ? or v.barcode = ?) order by case when v.sku_key = ? then 0 else 1 end',
      parameters: [accountId, nameKey(code), code, nameKey(code)],
    };
  }
  return null;
}

function locationTarget(accountId: string, idOrName: string | null | undefined): Target {
  if (!idOrName?.trim()) {
    return {
      where: 'account_id = ? order by case when name_key = ? then 0 else 1 end, created_at, id',
      parameters: [accountId, nameKey(MAIN_LOCATION_NAME)],
    };
  }
  return { where: 'account_id = ? and (id = ? or name_key = ?)', parameters: [accountId, idOrName.trim(), nameKey(idOrName)] };
}

const FOREIGN_KEY_VIOLATION = '23503';

// The statement comes in six shapes (variant by id, SKU or code; default or named location), each
// a named prepared statement, so each pooled connection plans it once.
const statementNames = new Map<string, string>();

function statementName(statement: string): string {
  let name = statementNames.get(statement);
  if (!name) {
    name = `stockroom_movement_${statementNames.size + 1}`;
    statementNames.set(statement, name);
  }
  return name;
}

/** The signed change, or null when the input needs the full path (to be refused there, in its usual order). */
function plainDelta(input: MovementInput): number | null {
  if (input.idempotencyKey?.trim() || !isMovementKind(input.kind)) return null;
  const rule = KIND_RULES[input.kind];
  let quantityMilli: number;
  try {
    quantityMilli = parseQuantity(input.quantity);
  } catch {
    return null;
  }
  if (rule === 'in') return quantityMilli > 0 ? quantityMilli : null;
  if (rule === 'out') return quantityMilli > 0 ? -quantityMilli : null;
  if (rule === 'signed') return quantityMilli !== 0 ? quantityMilli : null;
  return null; // counts read the level first; transfers write two legs
}

export async function recordMovementInOneStatement(handle: DatabaseHandle, accountId: string, input: MovementInput): Promise<MovementResult | null> {
  const delta = plainDelta(input);
  const variant = variantTarget(accountId, input);
  if (delta === null || !variant) return null;
  const location = locationTarget(accountId, input.location);
  const now = nowIso();
  const id = newId();
  const statement = `with target as (
      select v.id as variant_id, loc.id as location_id
      from variant v
      inner join product p on p.id = v.product_id
      cross join lateral (select id from location where ${location.where} limit 1) loc
      where (p.product_type = 'per_unit' or cast(? as boolean)) and ${variant.where}
      limit 1
    ),
    movement as (
      insert into stock_movement (id, account_id, variant_id, location_id, kind, quantity_milli, counted_milli, actor, reason, reference, idempotency_key, created_at)
      select ?, ?, variant_id, location_id, ?, ?, null, ?, ?, ?, null, ? from target returning id
    ),
    level as (
      insert into stock_level (account_id, variant_id, location_id, quantity_milli, updated_at)
      select ?, variant_id, location_id, ?, ? from target
      on conflict (variant_id, location_id) do update set quantity_milli = stock_level.quantity_milli + excluded.quantity_milli, updated_at = excluded.updated_at
      returning quantity_milli
    ),
    mark as (
      insert into stock_change_mark (account_id, variant_id, location_id, generation)
      select ?, variant_id, location_id, 1 from target
      on conflict (variant_id, location_id) do update set generation = stock_change_mark.generation + 1
      returning generation
    )
    select target.variant_id, target.location_id, (select quantity_milli from level) as quantity_milli, (select count(*) from movement) + (select count(*) from mark) as written
    from target`;
  const parameters = [
    ...location.parameters,
    delta % 1000 === 0,
    ...variant.parameters,
    id,
    accountId,
    input.kind,
    delta,
    input.actor ?? null,
    input.reason ?? null,
    input.reference ?? null,
    now,
    accountId,
    delta,
    now,
    accountId,
  ];
  const prepared = handle.postgresPrepared;
  if (!prepared) return null;
  let written: { variant_id: string; location_id: string; quantity_milli: number | string } | undefined;
  try {
    [written] = await prepared.query(statementName(statement), postgresText(statement), parameters);
  } catch (error) {
    // The variant or location was deleted between the statement's lookup and its insert: nothing
    // was written, and the full path says which one is gone.
    if ((error as { code?: string }).code === FOREIGN_KEY_VIOLATION) return null;
    throw error;
  }
  if (!written) return null;
  const row: StockMovementTable = {
    id,
    account_id: accountId,
    variant_id: written.variant_id,
    location_id: written.location_id,
    kind: input.kind as StockMovementTable['kind'],
    quantity_milli: delta,
    counted_milli: null,
    actor: input.actor ?? null,
    reason: input.reason ?? null,
    reference: input.reference ?? null,
    idempotency_key: null,
    created_at: now,
  };
  return { movement: movementFromRow(row), onHand: quantityNumber(Number(written.quantity_milli)), replayed: false };
}
