import type { DatabaseHandle } from '../db/handle.ts';
import type { MovementKind } from '../db/schema.ts';
import { notFound } from '../errors/domain-error.ts';
import { quantityNumber } from '../catalog/decimal.ts';
import { nameKey } from '../accounts/names.ts';
import { movementFromRow, type Movement } from './movement.ts';

export interface StockReport {
  sku: string;
  total: number;
  locations: { location: string; onHand: number }[];
}

/** `{ sku, total, locations: [{ location, onHand }] }` over every location of the account. */
export async function getStock(handle: DatabaseHandle, accountId: string, sku: string): Promise<StockReport> {
  const variant = await handle.db
    .selectFrom('variant')
    .select(['id', 'sku'])
    .where('account_id', '=', accountId)
    .where('sku_key', '=', nameKey(sku))
    .executeTakeFirst();
  if (!variant) throw notFound(`There is no variant with SKU "${sku.trim()}".`);
  const rows = await handle.db
    .selectFrom('location')
    .leftJoin('stock_level', (join) => join.onRef('stock_level.location_id', '=', 'location.id').on('stock_level.variant_id', '=', variant.id))
    .select(['location.name as name', 'stock_level.quantity_milli as milli'])
    .where('location.account_id', '=', accountId)
    .orderBy('location.created_at')
    .orderBy('location.id')
    .execute();
  const totalMilli = rows.reduce((sum, row) => sum + Number(row.milli ?? 0), 0);
  return {
    sku: variant.sku ?? sku.trim(),
    total: quantityNumber(totalMilli),
    locations: rows.map((row) => ({ location: row.name, onHand: quantityNumber(Number(row.milli ?? 0)) })),
  };
}

export interface MovementFilter {
  variantId?: string;
  locationId?: string;
  kind?: MovementKind;
  /** newest first; `before` is a movement id to page from */
  before?: string;
  limit?: number;
}

export async function listMovements(handle: DatabaseHandle, accountId: string, filter: MovementFilter = {}): Promise<Movement[]> {
  let query = handle.db.selectFrom('stock_movement').selectAll().where('account_id', '=', accountId);
  if (filter.variantId) query = query.where('variant_id', '=', filter.variantId);
  if (filter.locationId) query = query.where('location_id', '=', filter.locationId);
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.before) query = query.where('id', '<', filter.before);
  const rows = await query
    .orderBy('id', 'desc')
    .limit(Math.min(Math.max(filter.limit ?? 100, 1), 1000))
    .execute();
  return rows.map(movementFromRow);
}
