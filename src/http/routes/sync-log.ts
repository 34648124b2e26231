// The sync log: every operation against a store, newest first.
import { z } from 'zod';
import type { ApiRouter } from '../route-registry.ts';
import { listSyncLog } from '../../sync/sync-log/sync-log.ts';

const outcome = z.enum(['ok', 'partial', 'failed']);

export function register(router: ApiRouter): void {
  const { handle } = router.context;
  router.add({
    method: 'GET',
    url: '/api/sync-log',
    summary: 'The sync log, newest first: store, kind, items, outcome, duration, error',
    tags: ['sync'],
    query: z.strictObject({
      store: z.string().min(1).optional(),
      kind: z.string().min(1).optional(),
      outcome: outcome.optional(),
      before: z.string().min(1).optional().describe('entries older than this `at` (next page)'),
      limit: z.coerce.number().int().min(1).max(1000).optional(),
    }),
    response: z.object({
      items: z.array(
        z.object({
          id: z.string(),
          storeId: z.string().nullable(),
          kind: z.string(),
          items: z.number(),
          outcome,
          durationMs: z.number(),
          error: z.string().nullable(),
          details: z.unknown(),
          at: z.string(),
        }),
      ),
    }),
    handler: async ({ caller, query }) => ({
      items: await listSyncLog(handle, caller.accountId, { storeId: query.store, kind: query.kind, outcome: query.outcome, before: query.before, limit: query.limit }),
    }),
  });
}
