// Connected stores: connect, settings, import, the local products to publish, the saved
// selection, publish (dry run or job). Every query is scoped to the caller's account.
import { z } from 'zod';
import { DomainError } from '../../errors/domain-error.ts';
import type { ApiRouter } from '../route-registry.ts';
import { idParams } from '../api-schemas.ts';
import { connectStore } from '../../sync/stores/connect-store.ts';
import { updateStoreSettings } from '../../sync/stores/store-settings.ts';
import { getStoreView, storeViews } from '../../sync/stores/store-view.ts';
import { startImport } from '../../sync/import/start-import.ts';
import { listLocalProducts } from '../../sync/publish/local-products.ts';
import { getSelection, hasSavedSelection, saveSelection } from '../../sync/publish/selection.ts';
import { startPublish } from '../../sync/publish/publish-plan.ts';
import { getStoreRow } from '../../sync/stores/store-view.ts';
import { productStoreLinks } from '../../sync/stores/product-store-links.ts';

const storeView = z.object({
  id: z.string(),
  platform: z.string(),
  name: z.string(),
  url: z.string(),
  state: z.enum(['connected', 'error']),
  locationId: z.string(),
  location: z.string(),
  ordersLocationId: z.string(),
  ordersLocation: z.string(),
  buffer: z.number(),
  attributePolicy: z.enum(['merge', 'skip']),
  remoteLocationId: z.string().nullable(),
  webhooks: z.boolean(),
  linkedProducts: z.number(),
  linkedVariants: z.number(),
  pendingStock: z.number(),
  pendingProducts: z.number(),
  lastSyncAt: z.string().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  limits: z
    .object({
      maxOptions: z.number(),
      maxVariants: z.number(),
      quantityBatchSize: z.number().describe('quantities sent in one write request'),
      rateBudget: z
        .discriminatedUnion('kind', [
          z.object({ kind: z.literal('cost-bucket'), maximum: z.number(), restorePerSecond: z.number() }),
          z.object({ kind: z.literal('request-window'), quota: z.number(), windowMs: z.number() }),
          z.object({ kind: z.literal('none') }),
        ])
        .describe("the platform's documented request budget for its smallest plan; the governor goes by what each answer reports"),
    })
    .describe("what the platform's connector declares"),
  governor: z
    .object({
      budget: z
        .discriminatedUnion('kind', [
          z.object({ kind: z.literal('cost-bucket'), available: z.number(), maximum: z.number(), restorePerSecond: z.number() }),
          z.object({ kind: z.literal('request-window'), left: z.number(), quota: z.number(), windowMs: z.number() }),
        ])
        .nullable()
        .describe('the budget as the store last reported it; null until it reported one'),
      lastAnswerAt: z.string().nullable(),
      requests: z.number(),
      throttled: z.number().describe('times the store said to back off (429 / THROTTLED)'),
      waitedMs: z.number(),
    })
    .nullable()
    .describe("what this server process's request governor has seen of the store since it started; null while it has not spoken to it"),
  lastReconcile: z
    .object({ found: z.number(), fixed: z.number(), dryRun: z.boolean(), at: z.string() })
    .nullable()
    .describe('the last finished drift check and repair (scheduled, requested or by hand); null before the first'),
});

const publishedProduct = z.object({ productId: z.string(), name: z.string() });
const publishReport = z.object({
  created: z.array(publishedProduct),
  blocked: z.array(publishedProduct.extend({ reason: z.string() })),
  failed: z.array(publishedProduct.extend({ reason: z.string() })),
});

const platform = z.enum(['shopify', 'woocommerce', 'bigcommerce']);
const attributePolicy = z.enum(['merge', 'skip']);
const buffer = z.number().int().min(0).max(1_000_000);

export function register(router: ApiRouter): void {
  const { handle, secret } = router.context;

  router.add({
    method: 'GET',
    url: '/api/stores',
    summary: 'The connected stores and their state',
    tags: ['stores'],
    response: z.object({ items: z.array(storeView) }),
    handler: async ({ caller }) => ({ items: await storeViews(handle.db, caller.accountId) }),
  });

  router.add({
    method: 'GET',
    url: '/api/store-links',
    summary: 'Which stores the given products are on, with each link\'s sync state (for the Ecommerce columns)',
    tags: ['stores'],
    query: z.strictObject({ productIds: z.string().min(1).describe('comma-separated product ids (at most 1,000)') }),
    response: z.object({
      items: z.array(
        z.object({
          productId: z.string(),
          storeId: z.string(),
          storeName: z.string(),
          platform: z.string(),
          remoteProductId: z.string(),
          syncState: z.enum(['in step', 'changes waiting', 'error']),
          lastError: z.string().nullable(),
        }),
      ),
    }),
    handler: async ({ caller, query }) => {
      const ids = [...new Set(query.productIds.split(',').map((id) => id.trim()).filter(Boolean))];
      if (ids.length > 1000) throw new DomainError('invalid_input', 'Ask for at most 1,000 products at a time.');
      return { items: await productStoreLinks(handle.db, caller.accountId, ids) };
    },
  });

  router.add({
    method: 'POST',
    url: '/api/stores',
    summary: 'Connect a store: the credentials are checked against it, then saved encrypted',
    tags: ['stores'],
    status: 201,
    body: z.strictObject({
      platform,
      url: z.string().min(1),
      credentials: z.record(z.string(), z.string()),
      name: z.string().min(1).max(200).optional(),
      locationId: z.string().min(1).optional().describe('local location (id or name) whose stock the store shows; default Main'),
      ordersLocationId: z.string().min(1).optional().describe('local location its orders take stock from; default the shown one'),
      buffer: buffer.optional(),
      attributePolicy: attributePolicy.optional(),
    }),
    response: storeView.extend({ webhookNote: z.string().nullable() }),
    handler: async ({ caller, body }) =>
      connectStore(
        handle,
        caller.accountId,
        {
          platform: body.platform,
          url: body.url,
          credentials: body.credentials,
          name: body.name,
          location: body.locationId,
          ordersLocation: body.ordersLocationId,
          buffer: body.buffer,
          attributePolicy: body.attributePolicy,
        },
        { secret },
      ),
  });

  router.add({
    method: 'GET',
    url: '/api/stores/:id',
    summary: 'One store',
    tags: ['stores'],
    params: idParams,
    response: storeView,
    handler: async ({ caller, params }) => getStoreView(handle.db, caller.accountId, params.id),
  });

  router.add({
    method: 'PATCH',
    url: '/api/stores/:id',
    summary: "A store's settings: safety buffer, attribute policy, shown location, orders location, the store's own location, name",
    tags: ['stores'],
    params: idParams,
    body: z.strictObject({
      name: z.string().min(1).max(200).optional(),
      buffer: buffer.optional(),
      attributePolicy: attributePolicy.optional(),
      locationId: z.string().min(1).optional(),
      ordersLocationId: z.string().min(1).optional(),
      remoteLocationId: z
        .string()
        .min(1)
        .optional()
        .describe("one of the store's own locations (id or name) whose quantities Stockroom reads and writes; checked with the store"),
    }),
    response: storeView,
    handler: async ({ caller, params, body }) =>
      updateStoreSettings(
        handle,
        caller.accountId,
        params.id,
        {
          name: body.name,
          buffer: body.buffer,
          attributePolicy: body.attributePolicy,
          location: body.locationId,
          ordersLocation: body.ordersLocationId,
          remoteLocation: body.remoteLocationId,
        },
        { secret },
      ),
  });

  router.add({
    method: 'POST',
    url: '/api/stores/:id/import',
    summary: "Import the store's catalogue (a background job; follow it at /api/jobs/:id)",
    tags: ['stores'],
    status: 202,
    params: idParams,
    response: z.object({ jobId: z.string() }),
    handler: async ({ caller, params }) => startImport(handle, caller.accountId, params.id),
  });

  router.add({
    method: 'GET',
    url: '/api/stores/:id/local-products',
    summary: 'Local products not linked to the store ("See N Local Products"): preselected = Ecommerce flag, fits, selected',
    tags: ['stores'],
    params: idParams,
    response: z.object({
      items: z.array(z.object({ productId: z.string(), name: z.string(), preselected: z.boolean(), fits: z.string(), selected: z.boolean() })),
      total: z.number(),
      hasSavedSelection: z
        .boolean()
        .describe('true once a selection was saved (even an empty one): then `selected` is what to tick; until then, `preselected`'),
    }),
    handler: async ({ caller, params }) => {
      const items = await listLocalProducts(handle, caller.accountId, params.id, { secret });
      return { items, total: items.length, hasSavedSelection: await hasSavedSelection(handle, caller.accountId, params.id) };
    },
  });

  router.add({
    method: 'GET',
    url: '/api/stores/:id/selection',
    summary: 'The saved selection of products to publish',
    tags: ['stores'],
    params: idParams,
    response: z.object({ productIds: z.array(z.string()) }),
    handler: async ({ caller, params }) => {
      await getStoreRow(handle.db, caller.accountId, params.id);
      return { productIds: await getSelection(handle, caller.accountId, params.id) };
    },
  });

  router.add({
    method: 'PUT',
    url: '/api/stores/:id/selection',
    summary: 'Save the selection of products to publish (replaces it)',
    tags: ['stores'],
    params: idParams,
    body: z.strictObject({ productIds: z.array(z.string().min(1)).max(100_000) }),
    response: z.object({ productIds: z.array(z.string()) }),
    handler: async ({ caller, params, body }) => ({ productIds: await saveSelection(handle, caller.accountId, params.id, body.productIds) }),
  });

  router.add({
    method: 'POST',
    url: '/api/stores/:id/publish',
    summary: 'Create products on the store as drafts (productIds, flagged, or the saved selection); dryRun shows what would happen',
    tags: ['stores'],
    params: idParams,
    body: z.strictObject({
      productIds: z.array(z.string().min(1)).max(100_000).optional(),
      flagged: z.boolean().optional(),
      dryRun: z.boolean().optional(),
    }),
    response: z.object({ jobId: z.string().nullable(), plan: publishReport }),
    handler: async ({ caller, params, body, reply }) => {
      const result = await startPublish(handle, caller.accountId, params.id, body, { secret });
      return reply.code(result.jobId ? 202 : 200).send(result);
    },
  });
}
