import { z } from 'zod';

export const pageInfoSchema = z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullish() });

const quantitySchema = z.object({ name: z.string(), quantity: z.number().int() });

export const inventoryItemSchema = z.object({
  id: z.string(),
  tracked: z.boolean(),
  inventoryLevel: z.object({ quantities: z.array(quantitySchema) }).nullish(),
});

export const variantSchema = z.object({
  id: z.string(),
  sku: z.string().nullish(),
  barcode: z.string().nullish(),
  price: z.union([z.string(), z.number()]).nullish(),
  selectedOptions: z.array(z.object({ name: z.string(), value: z.string() })),
  inventoryItem: inventoryItemSchema,
});

export const optionSchema = z.object({ name: z.string(), position: z.number().int().nullish(), values: z.array(z.string()) });

export const productStatusSchema = z.enum(['ACTIVE', 'ARCHIVED', 'DRAFT', 'UNLISTED']);

/** A product as ProductFields selects it. */
export const productSchema = z.object({
  id: z.string(),
  handle: z.string(),
  title: z.string(),
  descriptionHtml: z.string().nullish(),
  status: productStatusSchema,
  updatedAt: z.string().nullish(),
  options: z.array(optionSchema),
  variants: z.object({ pageInfo: pageInfoSchema, nodes: z.array(variantSchema) }),
});

export type ShopifyProduct = z.infer<typeof productSchema>;
export type ShopifyVariant = z.infer<typeof variantSchema>;
export type ShopifyInventoryItem = z.infer<typeof inventoryItemSchema>;

export const productByIdResult = z.object({ product: productSchema.nullable() });
export const productsByHandleResult = z.object({
  products: z.object({ nodes: z.array(z.object({ id: z.string(), handle: z.string() })) }),
});
export const productVariantsPageResult = z.object({
  product: z.object({ variants: z.object({ pageInfo: pageInfoSchema, nodes: z.array(variantSchema) }) }).nullable(),
});
export const variantsBySkuResult = z.object({
  productVariants: z.object({
    nodes: z.array(z.object({ id: z.string(), sku: z.string().nullish(), product: z.object({ id: z.string() }) })),
  }),
});
