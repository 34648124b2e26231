// BigCommerce payloads as the connector reads them (fields from the v3 OpenAPI files in
// vendor-specs/bigcommerce and BigCommerce's v2 Orders reference). Parsed, never cast; unknown
// fields are ignored, and fields the connector does not need are optional.
import { z } from 'zod';

const money = z.union([z.number(), z.string()]).nullable().optional();
const text = z.string().nullable().optional();

export const optionValueSchema = z.object({
  id: z.number().optional(),
  option_id: z.number().optional(),
  label: z.string(),
  option_display_name: z.string(),
});

export const variantSchema = z.object({
  id: z.number(),
  product_id: z.number(),
  sku: text,
  price: money,
  calculated_price: money,
  weight: z.number().nullable().optional(),
  upc: text,
  gtin: text,
  inventory_level: z.number().nullable().optional(),
  option_values: z.array(optionValueSchema).default([]),
});

export const productSchema = z.object({
  id: z.number(),
  name: z.string(),
  sku: text,
  description: text,
  price: money,
  weight: z.number().nullable().optional(),
  upc: text,
  gtin: text,
  is_visible: z.boolean().optional(),
  inventory_tracking: z.enum(['none', 'product', 'variant']).optional(),
  inventory_level: z.number().nullable().optional(),
  base_variant_id: z.number().nullable().optional(),
  custom_url: z.object({ url: z.string() }).passthrough().nullable().optional(),
  date_modified: text,
  variants: z.array(variantSchema).optional(),
});

export const paginationSchema = z.object({
  total: z.number().optional(),
  count: z.number().optional(),
  per_page: z.number().optional(),
  current_page: z.number().optional(),
  total_pages: z.number().optional(),
});

/** A v3 collection: `{ data: [...], meta: { pagination } }`. */
export function collection<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), meta: z.object({ pagination: paginationSchema.optional() }).passthrough().optional() });
}

/** A v3 single object: `{ data: {...} }`. */
export function single<T extends z.ZodType>(item: T) {
  return z.object({ data: item });
}

export const locationSchema = z.object({
  id: z.number(),
  code: z.string().optional(),
  label: z.string(),
  enabled: z.boolean().optional(),
});

export const locationItemSchema = z.object({
  identity: z.object({ sku: text, variant_id: z.number().nullable().optional(), product_id: z.number() }),
  available_to_sell: z.number().optional(),
  total_inventory_onhand: z.number().optional(),
});

export const transactionSchema = z.object({ transaction_id: z.string().optional() }).passthrough();

export const orderSchema = z.object({
  id: z.number(),
  status_id: z.number(),
  status: z.string().optional(),
  date_modified: z.string(),
  date_created: z.string().optional(),
  items_total: z.number().optional(),
  refunded_amount: z.union([z.string(), z.number()]).optional(),
});

export const orderProductSchema = z.object({
  id: z.number(),
  order_id: z.number().optional(),
  product_id: z.number().nullable().optional(),
  variant_id: z.number().nullable().optional(),
  sku: text,
  quantity: z.number(),
  quantity_refunded: z.number().optional(),
});

export const storeSchema = z.object({ name: z.string(), currency: z.string().optional() }).passthrough();

export const hookSchema = z.object({ id: z.number(), scope: z.string() });

/** v3 errors (application/problem+json). */
export const v3ErrorSchema = z.object({
  status: z.number().optional(),
  title: z.string().optional(),
  errors: z.record(z.string(), z.unknown()).nullable().optional(),
});

/** v2 errors: `[{ status, message }]`. */
export const v2ErrorSchema = z.array(z.object({ status: z.number().optional(), message: z.string() }));

export const webhookPayloadSchema = z.object({
  scope: z.string(),
  data: z.object({
    type: z.string().optional(),
    id: z.union([z.number(), z.string()]),
    inventory: z.object({ product_id: z.number().optional(), variant_id: z.number().optional() }).passthrough().optional(),
  }),
  hash: z.string().optional(),
  created_at: z.number().optional(),
  producer: z.string().optional(),
});

export type BcVariant = z.infer<typeof variantSchema>;
export type BcProduct = z.infer<typeof productSchema>;
export type BcLocation = z.infer<typeof locationSchema>;
export type BcLocationItem = z.infer<typeof locationItemSchema>;
export type BcOrder = z.infer<typeof orderSchema>;
export type BcOrderProduct = z.infer<typeof orderProductSchema>;

export const productOptionSchema = z.object({
  id: z.number(),
  display_name: z.string(),
  option_values: z.array(z.object({ id: z.number(), label: z.string() })).default([]),
});

export type BcProductOption = z.infer<typeof productOptionSchema>;
