// The server also serves the built web app (with the SPA fallback), and its logs never hold secrets.
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.ts';
import { createLogger } from '../../src/http/logger.ts';
import { ensureDefaultAccount } from '../../src/accounts/accounts.ts';
import { createUser } from '../../src/auth/users.ts';
import { createTestDatabase, type TestDatabase } from '../support/databases.ts';

describe('web app and logs', () => {
  let database: TestDatabase;
  let webRoot: string;
  const logLines: string[] = [];
  let app: Awaited<ReturnType<typeof buildApp>>;

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    const account = await ensureDefaultAccount(database.handle);
    await createUser(database.handle.db, { accountId: account.id, email: 'owner@example.com', password: 'hunter2 hunter2' });
    webRoot = mkdtempSync(path.join(tmpdir(), 'stockroom-web-'));
    mkdirSync(path.join(webRoot, 'assets'));
    writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>Stockroom</title><div id="root"></div>');
    writeFileSync(path.join(webRoot, 'assets', 'app.js'), 'console.log("app")');
    const sink = new Writable({
      write(chunk, _encoding, done) {
        logLines.push(String(chunk));
        done();
      },
    });
    app = await buildApp({ handle: database.handle, webRoot, logger: createLogger({ level: 'debug', destination: sink }) });
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
    rmSync(webRoot, { recursive: true, force: true });
  });

  it('serves index.html at /, its assets, and index.html for any other non-API path', async () => {
    const root = await app.inject({ method: 'GET', url: '/' });
    expect(root.statusCode).toBe(200);
    expect(root.body).toContain('<div id="root">');
    const asset = await app.inject({ method: 'GET', url: '/assets/app.js' });
    expect(asset.body).toBe('console.log("app")');
    const deepLink = await app.inject({ method: 'GET', url: '/products/123' });
    expect(deepLink.statusCode).toBe(200);
    expect(deepLink.headers['content-type']).toMatch(/text\/html/);
    const api = await app.inject({ method: 'GET', url: '/api/nope' });
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe('not_found');
  });

  it('marks the session cookie Secure when the request came over https (through a trusted proxy)', async () => {
    const proxied = await buildApp({ handle: database.handle, webRoot: null, trustProxy: true });
    try {
      const payload = { email: 'owner@example.com', password: 'hunter2 hunter2' };
      const overHttps = await proxied.inject({ method: 'POST', url: '/api/auth/login', headers: { 'x-forwarded-proto': 'https' }, payload });
      expect(String(overHttps.headers['set-cookie'])).toMatch(/; Secure/);
      const overHttp = await proxied.inject({ method: 'POST', url: '/api/auth/login', payload });
      expect(String(overHttp.headers['set-cookie'])).not.toMatch(/Secure/);
    } finally {
      await proxied.close();
    }
  });

  it('keeps passwords, tokens and cookies out of the logs', async () => {
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'owner@example.com', password: 'hunter2 hunter2' } });
    expect(login.statusCode).toBe(200);
    const cookie = String(login.headers['set-cookie']).split(';')[0];
    const token = (await app.inject({ method: 'POST', url: '/api/tokens', headers: { cookie }, payload: { name: 'script' } })).json().token;
    await app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } });
    app.log.info({ credentials: { accessToken: 'shpat_secret' }, password: 'pw-in-log' }, 'a careless log line');
    const logs = logLines.join('');
    expect(logs).toContain('/api/auth/login'); // requests are logged …
    expect(logs).toContain('a careless log line');
    for (const secret of ['hunter2', token, cookie.split('=')[1], 'shpat_secret', 'pw-in-log']) expect(logs).not.toContain(secret);
  });
});
