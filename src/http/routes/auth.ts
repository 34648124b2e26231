// Login, logout and "who am I" for the browser: a session cookie (httpOnly, SameSite=Lax,
// Secure over https).
import { z } from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { authenticate, findUser, normaliseEmail } from '../../auth/users.ts';
import { LoginThrottle } from '../../auth/login-throttle.ts';
import { endSession, startSession } from '../../auth/sessions.ts';
import { getAccount } from '../../accounts/accounts.ts';
import type { ApiRouter } from '../route-registry.ts';
import { ApiError } from '../api-error.ts';
import { SESSION_COOKIE } from '../request-auth.ts';

const whoAmI = z.object({
  user: z.object({ id: z.string(), email: z.string() }),
  account: z.object({ id: z.string(), name: z.string() }),
});

function cookieOptions(request: FastifyRequest) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: request.protocol === 'https' };
}

export function register(router: ApiRouter): void {
  const { handle } = router.context;
  const { db } = handle;
  const throttle = new LoginThrottle(db);
  const accountView = async (accountId: string) => {
    const { id, name } = await getAccount(handle, accountId);
    return { id, name };
  };

  router.add({
    method: 'POST',
    url: '/api/auth/login',
    summary: 'Log in with email and password; sets the session cookie',
    tags: ['auth'],
    public: true,
    body: z.strictObject({ email: z.string().min(1), password: z.string().min(1) }),
    response: whoAmI,
    handler: async ({ body, request, reply }) => {
      const key = normaliseEmail(body.email);
      const waitMs = await throttle.retryAfterMs(key);
      if (waitMs > 0) {
        const minutes = Math.ceil(waitMs / 60_000);
        reply.header('retry-after', String(Math.ceil(waitMs / 1000)));
        throw new ApiError(429, 'too_many_attempts', `Too many failed logins for this email; try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`);
      }
      const user = await authenticate(db, body.email, body.password);
      if (!user) {
        await throttle.recordFailure(key);
        throw new ApiError(401, 'invalid_credentials', 'The email or password is not right.');
      }
      await throttle.recordSuccess(key);
      const session = await startSession(db, user);
      reply.setCookie(SESSION_COOKIE, session.token, { ...cookieOptions(request), expires: session.expiresAt });
      return { user: { id: user.id, email: user.email }, account: await accountView(user.accountId) };
    },
  });

  router.add({
    method: 'POST',
    url: '/api/auth/logout',
    summary: 'End the current session',
    tags: ['auth'],
    status: 204,
    handler: async ({ caller, request, reply }) => {
      const token = request.cookies[SESSION_COOKIE];
      if (caller.via === 'session' && token) await endSession(db, token);
      clearCookie(reply, request);
      return undefined;
    },
  });

  router.add({
    method: 'GET',
    url: '/api/auth/me',
    summary: 'The logged-in user and their account',
    tags: ['auth'],
    response: whoAmI,
    handler: async ({ caller }) => {
      const user = await findUser(db, caller.accountId, caller.userId);
      if (!user) throw new ApiError(401, 'unauthenticated', 'This login no longer exists.');
      return { user: { id: user.id, email: user.email }, account: await accountView(caller.accountId) };
    },
  });
}

function clearCookie(reply: FastifyReply, request: FastifyRequest): void {
  reply.clearCookie(SESSION_COOKIE, cookieOptions(request));
}
