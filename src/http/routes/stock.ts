// Stock movements and quantities.
import { z } from 'zod';
import { MOVEMENT_KINDS } from '../../stock/movement-kinds.ts';
import { recordMovement } from '../../stock/record-movement.ts';
import { getStock, listMovements } from '../../stock/stock-query.ts';
import type { MovementKind } from '../../db/schema.ts';
import type { ApiRouter } from '../route-registry.ts';
import { actorOf } from '../caller-actor.ts';
import { quantity } from '../api-schemas.ts';

const movementView = z.object({
  id: z.string(),
  variantId: z.string(),
  locationId: z.string(),
  kind: z.enum(MOVEMENT_KINDS as [MovementKind, ...MovementKind[]]),
  quantity: z.number(),
  counted: z.number().nullable(),
  actor: z.string().nullable(),
  reason: z.string().nullable(),
  reference: z.string().nullable(),
  idempotencyKey: z.string().nullable(),
  createdAt: z.string(),
});

const stockView = z.object({ sku: z.string(), total: z.number(), locations: z.array(z.object({ location: z.string(), onHand: z.number() })) });

export function register(router: ApiRouter): void {
  const { handle } = router.context;

  router.add({
    method: 'POST',
    url: '/api/stock/movements',
    summary: 'Record a stock movement (sale, return, receipt, adjustment, count, transfer…) at a location (default Main)',
    tags: ['stock'],
    status: 201,
    body: z
      .strictObject({
        sku: z.string().min(1).optional(),
        variantId: z.string().min(1).optional(),
        quantity,
        kind: z.enum(MOVEMENT_KINDS as [MovementKind, ...MovementKind[]]),
        location: z.string().optional(),
        toLocation: z.string().optional().describe('for a transfer: where the stock goes'),
        reason: z.string().max(500).optional(),
        reference: z.string().max(200).optional(),
        idempotencyKey: z.string().max(200).optional().describe('a replay with the same key changes nothing'),
      })
      .refine((body) => Boolean(body.sku) !== Boolean(body.variantId), 'Give either sku or variantId (one of them).'),
    response: z.object({ movement: movementView, counterpart: movementView.optional(), onHand: z.number(), replayed: z.boolean() }),
    handler: async ({ caller, body, reply }) => {
      const result = await recordMovement(handle, caller.accountId, { ...body, actor: actorOf(caller) });
      // A replay created nothing: 200 with the first movement rather than 201.
      if (result.replayed) return reply.code(200).send(result);
      return result;
    },
  });

  router.add({
    method: 'GET',
    url: '/api/stock',
    summary: 'Stock on hand of one SKU at every location',
    tags: ['stock'],
    query: z.strictObject({ sku: z.string().min(1) }),
    response: stockView,
    handler: async ({ caller, query }) => getStock(handle, caller.accountId, query.sku),
  });

  router.add({
    method: 'GET',
    url: '/api/stock/movements',
    summary: 'The ledger, newest first (page with `before` = the last id seen)',
    tags: ['stock'],
    query: z.strictObject({
      variantId: z.string().optional(),
      locationId: z.string().optional(),
      kind: z.enum(MOVEMENT_KINDS as [MovementKind, ...MovementKind[]]).optional(),
      before: z.string().optional(),
      limit: z.coerce.number().int().min(1).max(1000).default(100),
    }),
    response: z.object({ items: z.array(movementView) }),
    handler: async ({ caller, query }) => ({ items: await listMovements(handle, caller.accountId, query) }),
  });
}
