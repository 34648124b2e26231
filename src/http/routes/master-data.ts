// Master data: product groups (with the system group Unallocated), brands, suppliers, tax groups
// and locations. GET/POST on the collection, PATCH/DELETE on an item.
import { z } from 'zod';
import {
  createMasterItem,
  deleteMasterItem,
  listMasterData,
  updateMasterItem,
  type MasterKind,
} from '../../catalog/master-data.ts';
import { createLocation, deleteLocation, listLocations, renameLocation } from '../../accounts/locations.ts';
import type { ApiRouter } from '../route-registry.ts';
import { idParams } from '../api-schemas.ts';

const NAMED_KINDS: Array<{ path: string; kind: MasterKind; label: string }> = [
  { path: 'product-groups', kind: 'product_group', label: 'product group' },
  { path: 'brands', kind: 'brand', label: 'brand' },
  { path: 'suppliers', kind: 'supplier', label: 'supplier' },
  { path: 'tax-groups', kind: 'tax_group', label: 'tax group' },
];

const rate = z.union([z.string(), z.number()]).describe('percent, e.g. "20" or 8.875');
const itemView = z.object({ id: z.string(), name: z.string(), rate: z.string().optional(), system: z.boolean().optional() });

export function register(router: ApiRouter): void {
  const { handle } = router.context;

  for (const { path, kind, label } of NAMED_KINDS) {
    const createBody = kind === 'tax_group' ? z.strictObject({ name: z.string(), rate }) : z.strictObject({ name: z.string() });
    const patchBody = kind === 'tax_group' ? z.strictObject({ name: z.string().optional(), rate: rate.optional() }) : z.strictObject({ name: z.string().optional() });

    router.add({
      method: 'GET',
      url: `/api/${path}`,
      summary: `Every ${label}${kind === 'product_group' ? ' (first: the system group Unallocated, id "unallocated")' : ''}`,
      tags: ['master data'],
      response: z.object({ items: z.array(itemView) }),
      handler: async ({ caller }) => ({ items: await listMasterData(handle, caller.accountId, kind) }),
    });
    router.add({
      method: 'POST',
      url: `/api/${path}`,
      summary: `Create a ${label}`,
      tags: ['master data'],
      status: 201,
      body: createBody,
      response: itemView,
      handler: async ({ caller, body }) => createMasterItem(handle, caller.accountId, kind, body),
    });
    router.add({
      method: 'PATCH',
      url: `/api/${path}/:id`,
      summary: `Rename a ${label}${kind === 'tax_group' ? ' or change its rate' : ''}`,
      tags: ['master data'],
      params: idParams,
      body: patchBody,
      response: itemView,
      handler: async ({ caller, params, body }) => updateMasterItem(handle, caller.accountId, kind, params.id, body),
    });
    router.add({
      method: 'DELETE',
      url: `/api/${path}/:id`,
      summary: `Delete a ${label} (its products lose it and may become Unallocated)`,
      tags: ['master data'],
      params: idParams,
      handler: async ({ caller, params }) => {
        await deleteMasterItem(handle, caller.accountId, kind, params.id);
      },
    });
  }

  const locationView = z.object({ id: z.string(), name: z.string() });
  router.add({
    method: 'GET',
    url: '/api/locations',
    summary: "The account's locations (Main first)",
    tags: ['master data'],
    response: z.object({ items: z.array(locationView) }),
    handler: async ({ caller }) => ({ items: await listLocations(handle, caller.accountId) }),
  });
  router.add({
    method: 'POST',
    url: '/api/locations',
    summary: 'Create a location',
    tags: ['master data'],
    status: 201,
    body: z.strictObject({ name: z.string() }),
    response: locationView,
    handler: async ({ caller, body }) => createLocation(handle, caller.accountId, body),
  });
  router.add({
    method: 'PATCH',
    url: '/api/locations/:id',
    summary: 'Rename a location',
    tags: ['master data'],
    params: idParams,
    body: z.strictObject({ name: z.string() }),
    response: locationView,
    handler: async ({ caller, params, body }) => renameLocation(handle, caller.accountId, params.id, body),
  });
  router.add({
    method: 'DELETE',
    url: '/api/locations/:id',
    summary: 'Delete a location without stock movements',
    tags: ['master data'],
    params: idParams,
    handler: async ({ caller, params }) => {
      await deleteLocation(handle, caller.accountId, params.id);
    },
  });
}
