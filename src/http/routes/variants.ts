// Variants: change one (SKU, barcode, price, cost price, weight, values).
import { updateVariant } from '../../catalog/variants.ts';
import type { ApiRouter } from '../route-registry.ts';
import { idParams } from '../api-schemas.ts';
import { variantPatchInput, variantView } from '../product-schemas.ts';
import { listVariants } from '../../catalog/listing.ts';
import { listQuery, pageOf, variantListItem } from '../listing-schemas.ts';

export function register(router: ApiRouter): void {
  const { handle } = router.context;

  router.add({
    method: 'GET',
    url: '/api/variants',
    summary: 'A page of variants (See Variants), with stock on hand, sorted and filtered like products',
    description: 'Variants of archived products are left out unless `status` is `archived` or `all`.',
    tags: ['products'],
    query: listQuery,
    response: pageOf(variantListItem),
    handler: async ({ caller, query }) => listVariants(handle, caller.accountId, query),
  });

  router.add({
    method: 'PATCH',
    url: '/api/variants/:id',
    summary: 'Change one variant',
    tags: ['products'],
    params: idParams,
    body: variantPatchInput,
    response: variantView,
    handler: async ({ caller, params, body }) => updateVariant(handle, caller.accountId, params.id, body),
  });
}
