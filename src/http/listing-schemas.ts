// The query string of the product and variant grids, and their rows.
import { z } from 'zod';
import { missingField, variantView } from './product-schemas.ts';
import { COUNT_CAP } from '../catalog/listing-total.ts';
import { LIST_STATUSES } from '../catalog/listing-status.ts';

export const listQuery = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  sort: z.string().regex(/^\w+(:(asc|desc))?$/, 'must look like name:asc').optional().describe('field:asc|desc'),
  q: z.string().optional().describe('text in name, handle, SKU or barcode'),
  productGroup: z.string().optional().describe('a product group id, or "unallocated"'),
  ecommerce: z.enum(['true', 'false']).transform((value) => value === 'true').optional(),
  missing: z
    .string()
    .transform((value) => value.split(',').map((field) => field.trim()).filter(Boolean))
    .pipe(z.array(missingField))
    .optional()
    .describe('comma-separated: items missing any of group, brand, supplier, productType, taxGroup, costPrice'),
  status: z
    .enum(LIST_STATUSES)
    .default('active')
    .describe(
      'active (default): every product that is not archived, drafts included; archived: only archived products; all: every product. ' +
        'With variants, the status of the variant\'s product. Archived products are kept for their stock history and restored with PATCH status "active".',
    ),
});

const named = z.object({ id: z.string(), name: z.string() }).nullable();

export const productListItem = z.object({
  id: z.string(),
  handle: z.string(),
  name: z.string(),
  productGroup: named,
  brand: named,
  supplier: named,
  taxGroup: named,
  productType: z.enum(['fixed', 'per_unit']).nullable(),
  unit: z.string().nullable(),
  ecommerce: z.boolean(),
  status: z.enum(['active', 'draft', 'archived']),
  variantCount: z.number(),
  onHand: z.number(),
  missingFields: z.array(missingField),
  unallocated: z.boolean(),
  updatedAt: z.string(),
});

export const variantListItem = variantView
  .pick({ id: true, productId: true, sku: true, barcode: true, values: true, price: true, costPrice: true, weight: true, onHand: true })
  .extend({
    productName: z.string(),
    handle: z.string(),
    productGroup: named,
    brand: named,
    ecommerce: z.boolean(),
    status: z.enum(['active', 'draft', 'archived']).describe("the product's status"),
    missingFields: z.array(missingField),
    unallocated: z.boolean(),
  });

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().describe('how many items match when totalIsExact; otherwise more than this many match'),
    totalIsExact: z
      .boolean()
      .describe(
        `false only when a text search (q) matches more than ${COUNT_CAP.toLocaleString('en')} items: counting stops there, and more than total match ` +
          `(${COUNT_CAP.toLocaleString('en')}, or the items up to the end of this page if that is more); the page that reaches the last match has the exact total again`,
      ),
    page: z.number(),
    pageSize: z.number(),
  });
}
