// POST /webhooks/:storeId — public (the store calls it), but every delivery must carry the
// platform's signature over the raw body; the hint is stored before we answer 2xx.
import { z } from 'zod';
import type { ApiRouter } from '../route-registry.ts';
import { ApiError } from '../api-error.ts';
import { receiveWebhook } from '../../sync/webhooks/receive-webhook.ts';

export function register(router: ApiRouter): void {
  const { handle, secret } = router.context;

  router.add({
    method: 'POST',
    url: '/webhooks/:storeId',
    summary: "A store's webhook (signature-checked; stored, then the order is re-read)",
    tags: ['sync'],
    public: true,
    params: z.strictObject({ storeId: z.string().min(1).max(100) }),
    response: z.object({ received: z.boolean(), duplicate: z.boolean() }),
    handler: async ({ params, request }) => {
      const raw = Buffer.from(request.rawBody ?? '', 'utf8');
      const headers: Record<string, string | undefined> = {};
      for (const [name, value] of Object.entries(request.headers)) headers[name.toLowerCase()] = Array.isArray(value) ? value[0] : value;
      const outcome = await receiveWebhook(handle, params.storeId, headers, raw, secret);
      switch (outcome.kind) {
        case 'unknown_store':
          throw new ApiError(404, 'not_found', `No store ${params.storeId} takes webhooks here.`);
        case 'forged':
          throw new ApiError(401, 'bad_signature', 'The webhook signature does not verify.');
        case 'unreadable':
          throw new ApiError(400, 'invalid_webhook', outcome.message);
        case 'accepted':
          return { received: true, duplicate: outcome.duplicate };
      }
    },
  });
}
