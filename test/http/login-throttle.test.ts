// Password guessing is slowed: too many failures for one email within the window are refused. The
// failures are counted in the database, so several server processes on one database share one count.
import { randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import { LoginThrottle } from '../../src/auth/login-throttle.ts';
import { createUser } from '../../src/auth/users.ts';
import { buildApp } from '../../src/http/app.ts';
import { openDatabase } from '../../src/db/handle.ts';
import { forEachDialect } from '../support/databases.ts';
import { newAccount } from '../catalog/fixtures.ts';

/** Each test guesses at its own address: the tests share one database. */
const freshEmail = () => `guess-${randomBytes(4).toString('hex')}@example.com`;

forEachDialect('login throttle', (getHandle, getDatabase) => {
  it('refuses an email after maxFailures failures until the oldest of them leaves the window', async () => {
    let now = 1_000_000_000_000;
    const throttle = new LoginThrottle(getHandle().db, { maxFailures: 3, windowMs: 60_000, now: () => now });
    const [a, b] = [freshEmail(), freshEmail()];
    for (let i = 0; i < 3; i += 1) {
      expect(await throttle.retryAfterMs(a)).toBe(0);
      await throttle.recordFailure(a);
      now += 1000;
    }
    expect(await throttle.retryAfterMs(a)).toBe(57_000);
    expect(await throttle.retryAfterMs(b)).toBe(0);
    now += 57_000;
    expect(await throttle.retryAfterMs(a)).toBe(0);
  });

  it('forgets the failures of an email once it logs in', async () => {
    const throttle = new LoginThrottle(getHandle().db, { maxFailures: 2 });
    const email = freshEmail();
    await throttle.recordFailure(email);
    await throttle.recordSuccess(email);
    await throttle.recordFailure(email);
    expect(await throttle.retryAfterMs(email)).toBe(0);
  });

  it('counts failures from two handles on the same database together, and a success on either clears them', async () => {
    const second = await openDatabase({ ...getDatabase().options, migrate: false });
    try {
      const one = new LoginThrottle(getHandle().db, { maxFailures: 3 });
      const two = new LoginThrottle(second.db, { maxFailures: 3 });
      const email = freshEmail();
      await one.recordFailure(email);
      await two.recordFailure(email);
      expect(await one.retryAfterMs(email)).toBe(0);
      await one.recordFailure(email);
      expect(await two.retryAfterMs(email)).toBeGreaterThan(0);
      expect(await one.retryAfterMs(email)).toBeGreaterThan(0);
      await two.recordSuccess(email);
      expect(await one.retryAfterMs(email)).toBe(0);
    } finally {
      await second.close();
    }
  });

  it('sweeps failures older than the window as new ones are recorded, and keeps no email in clear', async () => {
    const handle = getHandle();
    const start = 2_000_000_000_000;
    let now = start;
    const throttle = new LoginThrottle(handle.db, { maxFailures: 3, windowMs: 60_000, now: () => now });
    const rowsAt = (at: number) => handle.db.selectFrom('login_failure').select('email_hash').where('failed_at', '=', new Date(at).toISOString()).execute();
    await throttle.recordFailure(freshEmail());
    await throttle.recordFailure(freshEmail());
    const stored = await rowsAt(start);
    expect(stored).toHaveLength(2);
    expect(stored.every((row) => /^[0-9a-f]{64}$/.test(row.email_hash))).toBe(true);
    now += 60_000;
    await throttle.recordFailure(freshEmail());
    expect(await rowsAt(start)).toEqual([]);
    expect(await rowsAt(now)).toHaveLength(1);
    const aged = await handle.db.selectFrom('login_failure').select('id').where('failed_at', '<=', new Date(now - 60_000).toISOString()).execute();
    expect(aged).toEqual([]);
  });

  it('two servers on one database refuse the 11th login for an email with 429, whichever took the failures', async () => {
    const handle = getHandle();
    const second = await openDatabase({ ...getDatabase().options, migrate: false });
    const account = await newAccount(handle);
    const email = freshEmail();
    await createUser(handle.db, { accountId: account.id, email, password: 'correct horse battery' });
    const apps = [await buildApp({ handle, webRoot: null }), await buildApp({ handle: second, webRoot: null })];
    try {
      const login = (server: number, password: string) => apps[server].inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
      for (let i = 0; i < 10; i += 1) expect((await login(i % 2, `guess ${i} guess`)).statusCode).toBe(401);
      for (const server of [0, 1]) {
        const blocked = await login(server, 'correct horse battery');
        expect(blocked.statusCode).toBe(429);
        expect(blocked.json().error.message).toBe('Too many failed logins for this email; try again in 15 minutes.');
        expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(800);
      }
    } finally {
      for (const app of apps) await app.close();
      await second.close();
    }
  });
});
