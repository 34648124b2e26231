// The real Stockroom for browser tests: a fresh SQLite database with a login, the API from
// buildApp serving the built web app on a free port, and the background worker.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../src/http/app.ts';
import { ensureDefaultAccount, type Account } from '../../../src/accounts/accounts.ts';
import { createUser } from '../../../src/auth/users.ts';
import type { DatabaseHandle } from '../../../src/db/handle.ts';
import { createTestDatabase, type TestDatabase } from '../../support/databases.ts';
import { ensureWebBuilt, WEB_ROOT } from './web-build.ts';

export const EMAIL = 'owner@example.com';
export const PASSWORD = 'correct horse battery';
export const SECRET = 'browser-tests-secret-0123456789abcdef';

export interface Stack {
  baseUrl: string;
  handle: DatabaseHandle;
  account: Account;
  app: FastifyInstance;
  /** fetch against the API as the test's user (a session of its own). */
  call<T = any>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
  close(): Promise<void>;
}

const WORKER_ENTRY = new URL('../../../src/jobs/worker.ts', import.meta.url);

export async function startStack(options: { worker?: boolean } = {}): Promise<Stack> {
  await ensureWebBuilt();
  // The worker reads the credentials key from the environment, as `stockroom serve` does.
  process.env.STOCKROOM_SECRET = SECRET;
  const database: TestDatabase = await createTestDatabase('sqlite');
  const { handle } = database;
  const account = await ensureDefaultAccount(handle);
  await createUser(handle.db, { accountId: account.id, email: EMAIL, password: PASSWORD });
  const app = await buildApp({ handle, secret: SECRET, webRoot: WEB_ROOT });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  const stopWorker = new AbortController();
  let workerStopped: Promise<void> | undefined;
  if (options.worker && existsSync(fileURLToPath(WORKER_ENTRY))) {
    const { runWorker } = (await import(WORKER_ENTRY.href)) as {
      runWorker(o: { handle: DatabaseHandle; signal: AbortSignal; pollMs?: number }): Promise<void>;
    };
    workerStopped = runWorker({ handle, signal: stopWorker.signal, pollMs: 100 });
  }

  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];

  return {
    baseUrl,
    handle,
    account,
    app,
    async call(method, path, body) {
      const response = await fetch(`${baseUrl}${path}`, {
        method,
        headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined };
    },
    async close() {
      stopWorker.abort();
      await workerStopped?.catch(() => undefined);
      await app.close();
      await database.destroy();
    },
  };
}
