// Login, sessions, API tokens and the auth wall in front of every /api route.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, request, startApiHarness, type ApiHarness } from './api-harness.ts';

describe('authentication over HTTP', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApiHarness('sqlite');
  });
  afterAll(async () => {
    await api?.close();
  });

  it('logs in with email and password, sets an httpOnly SameSite=Lax session cookie, and /me answers', async () => {
    const response = await request(api.baseUrl, 'POST', '/api/auth/login', { body: { email: ' Owner@Example.com ', password: PASSWORD } });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ user: { id: expect.any(String), email: 'owner@example.com' }, account: { id: api.account.id, name: api.account.name } });
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^stockroom_session=[^;]+;/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).not.toMatch(/Secure/i); // plain http here; Secure is set over https
    const me = await request(api.baseUrl, 'GET', '/api/auth/me', { headers: { cookie: setCookie.split(';')[0] } });
    expect(me.status).toBe(200);
    expect(me.body.user.email).toBe('owner@example.com');
  });

  it('refuses a wrong password with 401 and the same answer as an unknown email', async () => {
    const wrong = await request(api.baseUrl, 'POST', '/api/auth/login', { body: { email: 'owner@example.com', password: 'nope nope nope' } });
    const unknown = await request(api.baseUrl, 'POST', '/api/auth/login', { body: { email: 'nobody@example.com', password: 'nope nope nope' } });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual({ error: { code: 'invalid_credentials', message: 'The email or password is not right.', details: null } });
    expect(unknown.body).toEqual(wrong.body);
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it('refuses further logins for an email after 10 failures with 429, even with the right password', async () => {
    const email = 'rival@example.com';
    for (let i = 0; i < 10; i += 1) {
      expect((await request(api.baseUrl, 'POST', '/api/auth/login', { body: { email, password: `guess ${i} guess` } })).status).toBe(401);
    }
    const blocked = await request(api.baseUrl, 'POST', '/api/auth/login', { body: { email, password: PASSWORD } });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.message).toBe('Too many failed logins for this email; try again in 15 minutes.');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(800);
    expect((await request(api.baseUrl, 'POST', '/api/auth/login', { body: { email: 'owner@example.com', password: PASSWORD } })).status).toBe(200);
  });

  it('answers 401 on every route not marked public when there is no session or token', async () => {
    const guarded = api.app.apiRouter.routes.filter((route) => !route.public);
    expect(guarded.length).toBeGreaterThan(5);
    for (const route of guarded) {
      const path = route.url.replace(/:(\w+)/g, 'some-$1');
      const response = await request(api.baseUrl, route.method, path, ['POST', 'PUT', 'PATCH'].includes(route.method) ? { body: {} } : {});
      expect(response.status, `${route.method} ${route.url}`).toBe(401);
      expect(response.body.error.code).toBe('unauthenticated');
    }
    expect(api.app.apiRouter.routes.filter((route) => route.public && route.url.startsWith('/api/')).map((route) => route.url)).toEqual(['/api/auth/login']);
    const forged = await request(api.baseUrl, 'GET', '/api/users', { headers: { cookie: 'stockroom_session=srs_forged' } });
    expect(forged.status).toBe(401);
  });

  it('logout ends the session: the old cookie no longer works', async () => {
    const cookie = (await request(api.baseUrl, 'POST', '/api/auth/login', { body: { email: 'owner@example.com', password: PASSWORD } })).headers
      .get('set-cookie')!
      .split(';')[0];
    const out = await request(api.baseUrl, 'POST', '/api/auth/logout', { headers: { cookie } });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/stockroom_session=;/);
    expect((await request(api.baseUrl, 'GET', '/api/auth/me', { headers: { cookie } })).status).toBe(401);
    expect((await api.call('GET', '/api/auth/me')).status).toBe(200); // other sessions live on
  });

  it('creates an API token shown once, authenticates with Bearer, and stops after revoking', async () => {
    const created = await api.call('POST', '/api/tokens', { name: 'till script' });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^srt_/);
    const bearer = { authorization: `Bearer ${created.body.token}` };
    const me = await request(api.baseUrl, 'GET', '/api/auth/me', { headers: bearer });
    expect(me.status).toBe(200);
    expect(me.body.account.id).toBe(api.account.id);
    const listed = await api.call('GET', '/api/tokens');
    expect(listed.body.items).toEqual([expect.objectContaining({ id: created.body.id, name: 'till script', lastUsedAt: expect.any(String) })]);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.token);
    const stored = await api.database.handle.db.selectFrom('api_token').select('token_hash').execute();
    expect(JSON.stringify(stored)).not.toContain(created.body.token);
    expect((await api.call('DELETE', `/api/tokens/${created.body.id}`)).status).toBe(204);
    expect((await request(api.baseUrl, 'GET', '/api/auth/me', { headers: bearer })).status).toBe(401);
    expect((await request(api.baseUrl, 'GET', '/api/auth/me', { headers: { authorization: 'Basic abc' } })).status).toBe(401);
  });

  it("scopes users to the caller's account and refuses a duplicate email or short password", async () => {
    const added = await api.call('POST', '/api/users', { email: 'clerk@example.com', password: 'long enough pw' });
    expect(added.status).toBe(201);
    const mine = await api.call('GET', '/api/users');
    expect(mine.body.items.map((user: { email: string }) => user.email)).toEqual(['clerk@example.com', 'owner@example.com']);
    const theirs = await request(api.baseUrl, 'GET', '/api/users', { headers: { cookie: api.otherCookie } });
    expect(theirs.body.items.map((user: { email: string }) => user.email)).toEqual(['rival@example.com']);
    const duplicate = await api.call('POST', '/api/users', { email: 'CLERK@example.com ', password: 'long enough pw' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.message).toBe('A user with the email clerk@example.com already exists.');
    const short = await api.call('POST', '/api/users', { email: 'x@example.com', password: 'short' });
    expect(short.status).toBe(400);
    expect(short.body.error.message).toMatch(/at least 8 characters/);
    // the same email may log in to another account; the password picks which
    await request(api.baseUrl, 'POST', '/api/users', { body: { email: 'clerk@example.com', password: 'a different pw' }, headers: { cookie: api.otherCookie } });
    const asOther = await request(api.baseUrl, 'POST', '/api/auth/login', { body: { email: 'clerk@example.com', password: 'a different pw' } });
    expect(asOther.body.account.id).toBe(api.otherAccount.id);
  });
});
