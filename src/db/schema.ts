// The core tables as Kysely sees them. Other modules add their tables by module augmentation:
//   declare module '../db/schema.ts' { interface Database { store: StoreTable } }
import type { Generated } from 'kysely';

// Conventions (both dialects): ids are text made in code (src/db/ids.ts); timestamps are ISO-8601
// UTC text; flags are integers 0/1; money is integer minor units; quantities are integer
// thousandths (`quantity_milli`).

export interface AccountTable {
  id: string;
  name: string;
  currency: string;
  created_at: string;
}

export interface LocationTable {
  id: string;
  account_id: string;
  name: string;
  /** lower-cased, trimmed name: unique per account */
  name_key: string;
  created_at: string;
}

/** product_group, brand and supplier share this shape: a named row of master data. */
export interface NamedMasterTable {
  id: string;
  account_id: string;
  name: string;
  /** lower-cased, trimmed name: unique per account */
  name_key: string;
  created_at: string;
}

export interface TaxGroupTable extends NamedMasterTable {
  /** the rate in parts per million of the price (20% = 200000) */
  rate_ppm: number;
}

export type ProductType = 'fixed' | 'per_unit';
export type ProductStatus = 'active' | 'draft' | 'archived';

export interface ProductTable {
  id: string;
  account_id: string;
  handle: string;
  name: string;
  description: string;
  product_group_id: string | null;
  brand_id: string | null;
  supplier_id: string | null;
  tax_group_id: string | null;
  product_type: ProductType | null;
  unit: string | null;
  ecommerce: number;
  status: ProductStatus;
  /** JSON text: [{ "name": "Color", "values": ["Red", "Blue"] }, …] — at most 5, in order */
  attributes: string;
  /**
   * Bit mask of missing allocation fields (see catalog/missing-fields.ts), recomputed in the same
   * transaction as every catalogue write, so listing can filter on it through an index.
   */
  missing_mask: number;
  /** 1 when missing_mask > 0: the product is in the system group Unallocated (0005) */
  unallocated: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface VariantTable {
  id: string;
  account_id: string;
  product_id: string;
  position: number;
  sku: string | null;
  /** trimmed, lower-cased SKU: unique per account (null when the variant has no SKU) */
  sku_key: string | null;
  barcode: string | null;
  /** JSON text: the attribute values in the product's attribute order, e.g. ["Red","M"] */
  option_values: string;
  /** trimmed, lower-cased values joined: unique per product */
  combination_key: string;
  price_minor: number;
  cost_price_minor: number | null;
  weight_grams: number | null;
  created_at: string;
  updated_at: string;
  // Copies for the variant grid (0005), kept in step by catalog/missing-fields.ts:
  product_name: Generated<string>;
  product_group_id: Generated<string | null>;
  ecommerce: Generated<number>;
  /** the product is in Unallocated */
  unallocated: Generated<number>;
  /** the product's missing fields, except cost price, which is this variant's own */
  missing_mask: Generated<number>;
  /** the product's status (0012), for the listing's status filter */
  product_status: Generated<ProductStatus>;
}

export type MovementKind =
  | 'opening'
  | 'sale'
  | 'return'
  | 'receipt'
  | 'adjustment'
  | 'count'
  | 'transfer'
  | 'channel_order'
  | 'channel_refund';

export interface StockMovementTable {
  id: string;
  account_id: string;
  variant_id: string;
  location_id: string;
  kind: MovementKind;
  /** the signed change this movement made to the level at its location */
  quantity_milli: number;
  /** for a count: the quantity counted */
  counted_milli: number | null;
  actor: string | null;
  reason: string | null;
  reference: string | null;
  /** unique per account when set: a replay of the same key changes nothing */
  idempotency_key: string | null;
  created_at: string;
}

export interface StockLevelTable {
  account_id: string;
  variant_id: string;
  location_id: string;
  quantity_milli: number;
  updated_at: string;
}

export interface StockChangeMarkTable {
  account_id: string;
  variant_id: string;
  location_id: string;
  generation: number;
}

export interface Database {
  account: AccountTable;
  location: LocationTable;
  product_group: NamedMasterTable;
  brand: NamedMasterTable;
  supplier: NamedMasterTable;
  tax_group: TaxGroupTable;
  product: ProductTable;
  variant: VariantTable;
  stock_movement: StockMovementTable;
  stock_level: StockLevelTable;
  stock_change_mark: StockChangeMarkTable;
}
