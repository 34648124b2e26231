// A real Stockroom API on a free port over a fresh test database, with two accounts and a login
// in each, so tests can talk HTTP exactly as a client would.
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/http/app.ts';
import { createAccount, ensureDefaultAccount, type Account } from '../../src/accounts/accounts.ts';
import { createUser } from '../../src/auth/users.ts';
import { createTestDatabase, type TestDatabase } from '../support/databases.ts';
import type { Dialect } from '../../src/db/handle.ts';

export const PASSWORD = 'correct horse battery';

export interface ApiHarness {
  database: TestDatabase;
  app: FastifyInstance;
  baseUrl: string;
  account: Account;
  otherAccount: Account;
  /** A session cookie header for the default account's user. */
  cookie: string;
  /** A session cookie header for the other account's user. */
  otherCookie: string;
  /** fetch with the default account's session; JSON in and out. */
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any; headers: Headers }>;
  close(): Promise<void>;
}

export async function request(
  baseUrl: string,
  method: string,
  path: string,
  options: { body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: any; headers: Headers }> {
  const hasBody = options.body !== undefined || options.rawBody !== undefined;
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { ...(hasBody ? { 'content-type': 'application/json' } : {}), ...options.headers },
    body: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: leave the text
  }
  return { status: response.status, body, headers: response.headers };
}

export async function login(baseUrl: string, email: string, password: string): Promise<string> {
  const response = await request(baseUrl, 'POST', '/api/auth/login', { body: { email, password } });
  if (response.status !== 200) throw new Error(`login failed: ${response.status} ${JSON.stringify(response.body)}`);
  const setCookie = response.headers.get('set-cookie') ?? '';
  return setCookie.split(';')[0];
}

export async function startApiHarness(dialect: Dialect): Promise<ApiHarness> {
  const database = await createTestDatabase(dialect);
  const { handle } = database;
  const account = await ensureDefaultAccount(handle);
  const otherAccount = await createAccount(handle, { name: 'Other shop' });
  await createUser(handle.db, { accountId: account.id, email: 'owner@example.com', password: PASSWORD });
  await createUser(handle.db, { accountId: otherAccount.id, email: 'rival@example.com', password: PASSWORD });
  const app = await buildApp({ handle, webRoot: null });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const cookie = await login(baseUrl, 'owner@example.com', PASSWORD);
  const otherCookie = await login(baseUrl, 'rival@example.com', PASSWORD);
  return {
    database,
    app,
    baseUrl,
    account,
    otherAccount,
    cookie,
    otherCookie,
    call: (method, path, body, headers) => request(baseUrl, method, path, { body, headers: { cookie, ...headers } }),
    close: async () => {
      await app.close();
      await database.destroy();
    },
  };
}
