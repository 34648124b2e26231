// A store's stock against the ledger: the drift (read from the store now) and reconcile (dry run,
// or repair now). Scoped to the caller's account.
import { z } from 'zod';
import type { ApiRouter } from '../route-registry.ts';
import { idParams } from '../api-schemas.ts';
import { reconcileNow, storeDrift } from '../../sync/reconcile/reconcile-service.ts';

const driftEntry = z.object({ sku: z.string().nullable(), location: z.string(), expected: z.number(), store: z.number() });

export function register(router: ApiRouter): void {
  const { handle, secret } = router.context;

  router.add({
    method: 'GET',
    url: '/api/stores/:id/drift',
    summary: 'Every linked variant whose store quantity differs from what it should be (read from the store now)',
    tags: ['sync'],
    params: idParams,
    response: z.object({ items: z.array(driftEntry) }),
    handler: async ({ caller, params }) => ({ items: await storeDrift(handle, caller.accountId, params.id, { secret }) }),
  });

  router.add({
    method: 'POST',
    url: '/api/stores/:id/reconcile',
    summary: "Take in the store's orders, read its quantities and repair the drift (dryRun: only show it)",
    tags: ['sync'],
    params: idParams,
    body: z.strictObject({ dryRun: z.boolean().default(false) }).default({ dryRun: false }),
    response: z.object({ runId: z.string(), dryRun: z.boolean(), found: z.number(), fixed: z.number(), drift: z.array(driftEntry), remaining: z.array(driftEntry) }),
    handler: async ({ caller, params, body }) => reconcileNow(handle, caller.accountId, params.id, { dryRun: body.dryRun, secret }),
  });
}
