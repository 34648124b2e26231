// Who is calling: an API token (`Authorization: Bearer …`) or the session cookie.
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { resolveApiToken } from '../auth/api-tokens.ts';
import { resolveSession, type Caller } from '../auth/sessions.ts';
import { ApiError } from './api-error.ts';

export const SESSION_COOKIE = 'stockroom_session';

export async function authenticateRequest(db: Kysely<Database>, request: FastifyRequest): Promise<Caller> {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const caller = match ? await resolveApiToken(db, match[1]) : undefined;
    if (!caller) throw new ApiError(401, 'unauthenticated', 'The API token is not valid.');
    return caller;
  }
  const cookie = request.cookies?.[SESSION_COOKIE];
  if (cookie) {
    const caller = await resolveSession(db, cookie);
    if (caller) return caller;
    throw new ApiError(401, 'unauthenticated', 'Your session has ended; log in again.');
  }
  throw new ApiError(401, 'unauthenticated', 'Log in or send an API token (Authorization: Bearer …).');
}
