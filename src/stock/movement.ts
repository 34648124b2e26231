import type { MovementKind, StockMovementTable } from '../db/schema.ts';
import { quantityNumber } from '../catalog/decimal.ts';

/** A ledger entry as the rest of the system sees it (quantities as decimal numbers). */
export interface Movement {
  id: string;
  variantId: string;
  locationId: string;
  kind: MovementKind;
  /** the signed change to the level at the location */
  quantity: number;
  /** for a count, the quantity counted */
  counted: number | null;
  actor: string | null;
  reason: string | null;
  reference: string | null;
  idempotencyKey: string | null;
  createdAt: string;
}

export function movementFromRow(row: StockMovementTable): Movement {
  return {
    id: row.id,
    variantId: row.variant_id,
    locationId: row.location_id,
    kind: row.kind,
    quantity: quantityNumber(Number(row.quantity_milli)),
    counted: row.counted_milli === null ? null : quantityNumber(Number(row.counted_milli)),
    actor: row.actor,
    reason: row.reason,
    reference: row.reference,
    idempotencyKey: row.idempotency_key,
    createdAt: row.created_at,
  };
}
