// Products: create, read, change (incl. the full variant list), delete.
import { createProduct, getProduct, updateProduct } from '../../catalog/products.ts';
import { deleteLocalProduct } from '../../sync/stores/delete-local-product.ts';
import type { ApiRouter } from '../route-registry.ts';
import { idParams } from '../api-schemas.ts';
import { productCreateInput, productPatchInput, productView } from '../product-schemas.ts';
import { listProducts } from '../../catalog/listing.ts';
import { bulkEdit } from '../../catalog/bulk-edit.ts';
import { z } from 'zod';
import { money } from '../api-schemas.ts';
import { listQuery, pageOf, productListItem } from '../listing-schemas.ts';

export function register(router: ApiRouter): void {
  const { handle } = router.context;

  router.add({
    method: 'GET',
    url: '/api/products',
    summary: 'A page of products, sorted and filtered; each says which fields it is missing',
    description: 'Archived products are left out unless `status` is `archived` or `all`.',
    tags: ['products'],
    query: listQuery,
    response: pageOf(productListItem),
    handler: async ({ caller, query }) => listProducts(handle, caller.accountId, query),
  });

  router.add({
    method: 'POST',
    url: '/api/products',
    summary: 'Create a product with its attributes (at most 5) and variants',
    tags: ['products'],
    status: 201,
    body: productCreateInput,
    response: productView,
    handler: async ({ caller, body }) => createProduct(handle, caller.accountId, body),
  });

  router.add({
    method: 'POST',
    url: '/api/products/bulk-edit',
    summary: 'Apply one change to many products, all or nothing (e.g. finishing Unallocated products, archiving or restoring many)',
    description:
      'Every chosen product must exist, or nothing is changed (404 with `details.productIds`). `status` follows the rules of `PATCH /api/products/{id}`: `"archived"` archives (kept with its stock history and store links, left out of publishing, of the default lists and of the till\'s lookup), `"active"` restores, `"draft"` marks a draft.',
    tags: ['products'],
    body: z.strictObject({
      productIds: z.array(z.string()).min(1),
      changes: z.strictObject({
        productGroupId: z.string().nullable().optional(),
        brandId: z.string().nullable().optional(),
        supplierId: z.string().nullable().optional(),
        productType: z.enum(['fixed', 'per_unit']).nullable().optional(),
        unit: z.string().nullable().optional(),
        taxGroupId: z.string().nullable().optional(),
        costPrice: money.nullable().optional().describe('sets the cost price of every variant of each product'),
        ecommerce: z.boolean().optional(),
        status: z.enum(['active', 'draft', 'archived']).optional().describe('"archived" archives the products, "active" restores them'),
      }),
    }),
    response: z.object({ updated: z.number() }),
    handler: async ({ caller, body }) => bulkEdit(handle, caller.accountId, body.productIds, body.changes),
  });

  router.add({
    method: 'GET',
    url: '/api/products/:id',
    summary: 'One product with its variants, stock on hand and missing fields',
    tags: ['products'],
    params: idParams,
    response: productView,
    handler: async ({ caller, params }) => getProduct(handle, caller.accountId, params.id),
  });

  router.add({
    method: 'PATCH',
    url: '/api/products/:id',
    summary: 'Change a product; `variants`, when given, is the full new list',
    description:
      'A variant left out of `variants` is deleted, unless it has stock movements (409 `has_history`). `status: "archived"` archives the product (kept with its history and store links, left out of publishing); `status: "active"` restores it.',
    errors: { 409: '`has_history`: a variant left out has stock movements, which the ledger keeps; `duplicate_sku` or `conflict`: a SKU or handle another product has.' },
    tags: ['products'],
    params: idParams,
    body: productPatchInput,
    response: productView,
    handler: async ({ caller, params, body }) => updateProduct(handle, caller.accountId, params.id, body),
  });

  router.add({
    method: 'DELETE',
    url: '/api/products/:id',
    summary: 'Delete a product that has no stock history and is on no store; otherwise archive it',
    description:
      'Deletes the product with its variants when none has a stock movement and it is linked to no store. Otherwise nothing is deleted and the answer is 409 `has_history`, whose message offers archiving instead: `PATCH /api/products/{id}` with `{ "status": "archived" }` keeps the product, its stock history (`GET /api/stock/movements?variantId=…`) and its store links, and `{ "status": "active" }` restores it.',
    errors: { 409: '`has_history`: the product has stock movements (`details.movements`) or is on a store (`details.stores`); archive it instead.' },
    tags: ['products'],
    params: idParams,
    handler: async ({ caller, params }) => {
      await deleteLocalProduct(handle, caller.accountId, params.id);
    },
  });
}
