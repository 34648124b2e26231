// The shapes of products and variants in the API (input checked here for shape; the catalogue
// checks the rules — ≤ 5 attributes, values matching, unique SKUs — with its own sentences).
import { z } from 'zod';
import { money } from './api-schemas.ts';

export const attributeInput = z.strictObject({ name: z.string(), values: z.array(z.string()) });

export const variantInput = z.strictObject({
  id: z.string().optional(),
  sku: z.string().nullable().optional(),
  barcode: z.string().nullable().optional(),
  price: money.optional(),
  costPrice: money.nullable().optional(),
  weight: z.union([z.string(), z.number()]).nullable().optional().describe('kilograms'),
  values: z.array(z.string()).optional().describe("one value per attribute, in the product's attribute order"),
});

const productFields = {
  name: z.string(),
  handle: z.string().optional(),
  description: z.string().optional(),
  productGroupId: z.string().nullable().optional(),
  brandId: z.string().nullable().optional(),
  supplierId: z.string().nullable().optional(),
  taxGroupId: z.string().nullable().optional(),
  productType: z.enum(['fixed', 'per_unit']).nullable().optional(),
  unit: z.string().nullable().optional(),
  ecommerce: z.boolean().optional(),
  status: z.enum(['active', 'draft', 'archived']).optional(),
  attributes: z.array(attributeInput).optional(),
  variants: z.array(variantInput),
};

export const productCreateInput = z.strictObject(productFields);

export const productPatchInput = z.strictObject({
  ...productFields,
  name: productFields.name.optional(),
  variants: productFields.variants.optional().describe('the full new list: with id = update, without = add, left out = delete'),
});

export const variantPatchInput = variantInput.omit({ id: true });

export const missingField = z.enum(['group', 'brand', 'supplier', 'productType', 'taxGroup', 'costPrice']);

export const variantView = z.object({
  id: z.string(),
  productId: z.string(),
  position: z.number(),
  sku: z.string().nullable(),
  barcode: z.string().nullable(),
  values: z.array(z.string()),
  price: z.string(),
  costPrice: z.string().nullable(),
  weight: z.string().nullable(),
  onHand: z.number(),
});

export const productView = z.object({
  id: z.string(),
  handle: z.string(),
  name: z.string(),
  description: z.string(),
  productGroupId: z.string().nullable(),
  brandId: z.string().nullable(),
  supplierId: z.string().nullable(),
  taxGroupId: z.string().nullable(),
  productType: z.enum(['fixed', 'per_unit']).nullable(),
  unit: z.string().nullable(),
  ecommerce: z.boolean(),
  status: z.enum(['active', 'draft', 'archived']),
  attributes: z.array(z.object({ name: z.string(), values: z.array(z.string()) })),
  variants: z.array(variantView),
  missingFields: z.array(missingField),
  unallocated: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
