// The account's logins.
import { z } from 'zod';
import { createUser, listUsers } from '../../auth/users.ts';
import type { ApiRouter } from '../route-registry.ts';

const userView = z.object({ id: z.string(), email: z.string(), createdAt: z.string() });

export function register(router: ApiRouter): void {
  const { db } = router.context.handle;

  router.add({
    method: 'GET',
    url: '/api/users',
    summary: "The account's users",
    tags: ['users'],
    response: z.object({ items: z.array(userView) }),
    handler: async ({ caller }) => ({
      items: (await listUsers(db, caller.accountId)).map(({ id, email, createdAt }) => ({ id, email, createdAt })),
    }),
  });

  router.add({
    method: 'POST',
    url: '/api/users',
    summary: 'Add a user to the account',
    tags: ['users'],
    status: 201,
    body: z.strictObject({ email: z.string().min(1), password: z.string() }),
    response: userView,
    handler: async ({ caller, body }) => {
      const user = await createUser(db, { accountId: caller.accountId, email: body.email, password: body.password });
      return { id: user.id, email: user.email, createdAt: user.createdAt };
    },
  });
}
