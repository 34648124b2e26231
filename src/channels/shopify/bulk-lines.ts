// The lines of our two export queries. Products come without a parent; variants name theirs
// in __parentId (connections are flattened into separate lines; plain objects stay inline).
import { z } from 'zod';
import { optionSchema, productStatusSchema, variantSchema } from './payloads/product.ts';

export const productLineSchema = z.object({
  id: z.string(),
  handle: z.string(),
  title: z.string(),
  descriptionHtml: z.string().nullish(),
  status: productStatusSchema,
  updatedAt: z.string().nullish(),
  options: z.array(optionSchema),
});

export const variantLineSchema = variantSchema.extend({ __parentId: z.string() });

export const quantityLineSchema = z.object({
  __parentId: z.string(),
  id: z.string(),
  sku: z.string().nullish(),
  inventoryItem: variantSchema.shape.inventoryItem,
});

export function hasParent(line: unknown): boolean {
  return typeof line === 'object' && line !== null && '__parentId' in line;
}
