import type { Selectable } from 'kysely';
import type { ProductStatus, ProductTable, ProductType, VariantTable } from '../db/schema.ts';
import { formatMoney, formatWeightKg, quantityNumber } from './decimal.ts';
import { missingFieldsOf, type MissingField } from './missing-fields.ts';
import type { Attribute } from './product-input.ts';

/** A variant as the API and the sync engine see it (money as decimal strings, weight in kg). */
export interface Variant {
  id: string;
  productId: string;
  position: number;
  sku: string | null;
  barcode: string | null;
  values: string[];
  price: string;
  costPrice: string | null;
  weight: string | null;
  /** stock on hand over every location */
  onHand: number;
}

export interface Product {
  id: string;
  handle: string;
  name: string;
  description: string;
  productGroupId: string | null;
  brandId: string | null;
  supplierId: string | null;
  taxGroupId: string | null;
  productType: ProductType | null;
  unit: string | null;
  ecommerce: boolean;
  status: ProductStatus;
  attributes: Attribute[];
  variants: Variant[];
  missingFields: MissingField[];
  unallocated: boolean;
  createdAt: string;
  updatedAt: string;
}

export function variantFromRow(row: Selectable<VariantTable>, onHandMilli: number): Variant {
  return {
    id: row.id,
    productId: row.product_id,
    position: row.position,
    sku: row.sku,
    barcode: row.barcode,
    values: JSON.parse(row.option_values) as string[],
    price: formatMoney(Number(row.price_minor)),
    costPrice: row.cost_price_minor === null ? null : formatMoney(Number(row.cost_price_minor)),
    weight: row.weight_grams === null ? null : formatWeightKg(Number(row.weight_grams)),
    onHand: quantityNumber(onHandMilli),
  };
}

export function productFromRow(row: Selectable<ProductTable>, variants: Variant[]): Product {
  const missingFields = missingFieldsOf(row.missing_mask);
  return {
    id: row.id,
    handle: row.handle,
    name: row.name,
    description: row.description,
    productGroupId: row.product_group_id,
    brandId: row.brand_id,
    supplierId: row.supplier_id,
    taxGroupId: row.tax_group_id,
    productType: row.product_type,
    unit: row.unit,
    ecommerce: row.ecommerce === 1,
    status: row.status,
    attributes: JSON.parse(row.attributes) as Attribute[],
    variants,
    missingFields,
    unallocated: missingFields.length > 0,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
