// Products: create, read, change (incl. the full variant list), delete.
import { createProduct, deleteProduct, getProduct, updateProduct } from '../../catalog/products.ts';
import type { ApiRouter } from '../route-registry.ts';
import { idParams } from '../api-schemas.ts';
import { productCreateInput, productPatchInput, productView } from '../product-schemas.ts';
import { listProducts } from '../../catalog/listing.ts';
import { listQuery, pageOf, productListItem } from '../listing-schemas.ts';

export function register(router: ApiRouter): void {
  const { handle } = router.context;

  router.add({
    method: 'GET',
    url: '/api/products',
    summary: 'A page of products, sorted and filtered; each says which fields it is missing',
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
    tags: ['products'],
    params: idParams,
    body: productPatchInput,
    response: productView,
    handler: async ({ caller, params, body }) => updateProduct(handle, caller.accountId, params.id, body),
  });

  router.add({
    method: 'DELETE',
    url: '/api/products/:id',
    summary: 'Delete a product with its variants and their stock',
    tags: ['products'],
    params: idParams,
    handler: async ({ caller, params }) => {
      await deleteProduct(handle, caller.accountId, params.id);
    },
  });
}
