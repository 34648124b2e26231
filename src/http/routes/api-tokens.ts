// API tokens for scripts. The secret is in the creation answer only.
import { z } from 'zod';
import { createApiToken, listApiTokens, revokeApiToken } from '../../auth/api-tokens.ts';
import type { ApiRouter } from '../route-registry.ts';
import { notFound } from '../api-error.ts';

const tokenView = z.object({ id: z.string(), name: z.string(), createdAt: z.string(), lastUsedAt: z.string().nullable() });

export function register(router: ApiRouter): void {
  const { db } = router.context.handle;

  router.add({
    method: 'GET',
    url: '/api/tokens',
    summary: "The account's API tokens (without their secrets)",
    tags: ['auth'],
    response: z.object({ items: z.array(tokenView) }),
    handler: async ({ caller }) => ({ items: await listApiTokens(db, caller.accountId) }),
  });

  router.add({
    method: 'POST',
    url: '/api/tokens',
    summary: 'Create an API token; `token` is shown this once',
    tags: ['auth'],
    status: 201,
    body: z.strictObject({ name: z.string().trim().min(1).max(100) }),
    response: tokenView.extend({ token: z.string() }),
    handler: async ({ caller, body }) => createApiToken(db, { accountId: caller.accountId, userId: caller.userId, name: body.name }),
  });

  router.add({
    method: 'DELETE',
    url: '/api/tokens/:id',
    summary: 'Revoke an API token',
    tags: ['auth'],
    params: z.strictObject({ id: z.string() }),
    handler: async ({ caller, params }) => {
      if (!(await revokeApiToken(db, caller.accountId, params.id))) throw notFound('That API token');
      return undefined;
    },
  });
}
