// WooCommerce REST v3 payloads as the connector reads them (fields from the official examples in
// vendor-specs/woocommerce/examples). Parsed, never cast; unknown fields are ignored.
import { z } from 'zod';

const manageStock = z.union([z.boolean(), z.literal('parent')]);
const quantity = z.number().nullable().optional();
const money = z.string().nullable().optional();

export const attributeSchema = z.object({
  id: z.number().optional(),
  name: z.string(),
  position: z.number().optional(),
  visible: z.boolean().optional(),
  variation: z.boolean().optional(),
  options: z.array(z.string()).default([]),
});

export const productSchema = z.object({
  id: z.number(),
  name: z.string(),
  slug: z.string().nullable().optional(),
  type: z.string(),
  status: z.string(),
  description: z.string().nullable().optional(),
  sku: z.string().nullable().optional(),
  global_unique_id: z.string().nullable().optional(),
  regular_price: money,
  price: money,
  weight: z.string().nullable().optional(),
  manage_stock: manageStock.optional(),
  stock_quantity: quantity,
  parent_id: z.number().optional(),
  attributes: z.array(attributeSchema).default([]),
  variations: z.array(z.number()).default([]),
  date_modified_gmt: z.string().nullable().optional(),
});

export const variationSchema = z.object({
  id: z.number(),
  sku: z.string().nullable().optional(),
  global_unique_id: z.string().nullable().optional(),
  regular_price: money,
  price: money,
  weight: z.string().nullable().optional(),
  manage_stock: manageStock.optional(),
  stock_quantity: quantity,
  attributes: z.array(z.object({ id: z.number().optional(), name: z.string(), option: z.string() })).default([]),
});

export const orderSchema = z.object({
  id: z.number(),
  number: z.union([z.string(), z.number()]).optional(),
  status: z.string(),
  date_modified_gmt: z.string().nullable().optional(),
  date_modified: z.string().nullable().optional(),
  line_items: z
    .array(
      z.object({
        id: z.number(),
        product_id: z.number().nullable().optional(),
        variation_id: z.number().nullable().optional(),
        quantity: z.number(),
        sku: z.string().nullable().optional(),
      }),
    )
    .default([]),
});

export const wooErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  data: z.object({ status: z.number().optional(), resource_id: z.number().optional() }).passthrough().nullable().optional(),
});

const batchItem = z.object({ id: z.number(), error: wooErrorSchema.optional() }).passthrough();

export const batchResponseSchema = z.union([
  z.object({
    create: z.array(batchItem).optional(),
    update: z.array(batchItem).optional(),
    delete: z.array(batchItem).optional(),
  }),
  // WooCommerce answers an empty batch with [].
  z.array(z.never()),
]);

export const webhookSchema = z.object({ id: z.number(), topic: z.string() });

export type WooProduct = z.infer<typeof productSchema>;
export type WooVariation = z.infer<typeof variationSchema>;
export type WooOrder = z.infer<typeof orderSchema>;
export type WooBatchItem = z.infer<typeof batchItem>;
export type WooError = z.infer<typeof wooErrorSchema>;
