import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { inTransaction } from '../../src/db/transaction.ts';
import { newId, nowIso } from '../../src/db/ids.ts';
import { forEachDialect } from '../support/databases.ts';

forEachDialect('database handle', (getHandle) => {
  it('creates every core table on open', async () => {
    const { db } = getHandle();
    for (const table of ['account', 'location', 'product_group', 'brand', 'supplier', 'tax_group', 'product', 'variant', 'stock_movement', 'stock_level', 'stock_change_mark'] as const) {
      const rows = await db.selectFrom(table).select(sql<number>`count(*)`.as('n')).execute();
      expect(rows[0].n).toBe(0);
    }
  });

  it('commits a transaction as a whole and rolls it back as a whole', async () => {
    const handle = getHandle();
    const id = newId();
    await inTransaction(handle, async (trx) => {
      await trx.insertInto('account').values({ id, name: `A ${id}`, currency: 'GBP', created_at: nowIso() }).execute();
    });
    await expect(
      inTransaction(handle, async (trx) => {
        await trx.insertInto('account').values({ id: newId(), name: `B ${id}`, currency: 'GBP', created_at: nowIso() }).execute();
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const names = (await handle.db.selectFrom('account').select('name').where('name', 'like', `% ${id}`).execute()).map((row) => row.name);
    expect(names).toEqual([`A ${id}`]);
  });

  it('reads big integers back as numbers', async () => {
    const { db } = getHandle();
    const row = await db.selectNoFrom(sql<number>`cast(9007199254740 as bigint)`.as('n')).executeTakeFirstOrThrow();
    expect(row.n).toBe(9007199254740);
  });
});

describe('ids', () => {
  it("sort in creation order, also within one millisecond, and do not collide", async () => {
    const first = newId();
    await new Promise((resolve) => setTimeout(resolve, 2));
    const ids = Array.from({ length: 1000 }, () => newId());
    expect(new Set(ids).size).toBe(1000);
    expect(ids.every((id) => id > first)).toBe(true);
    expect([...ids].sort()).toEqual(ids);
  });
});

forEachDialect('migrations', (getHandle, getDatabase) => {
  it('record each migration once and reopening the database applies nothing twice', async () => {
    const { openDatabase } = await import('../../src/db/handle.ts');
    const again = await openDatabase(getDatabase().options);
    try {
      const rows = await again.db
        .selectFrom('kysely_migration' as never)
        .select(sql<string>`name`.as('name'))
        .execute();
      const names = rows.map((row) => row.name);
      expect(names).toContain('0001_core');
      expect(new Set(names).size).toBe(names.length);
    } finally {
      await again.close();
    }
    expect(getHandle().dialect).toBe(getDatabase().dialect);
  });
});

forEachDialect('SQL steps', (getHandle) => {
  it('run as one transaction: a failure after some writes leaves nothing, and results flow back', async () => {
    const { query, runStepsInTransaction } = await import('../../src/db/sql-steps.ts');
    const handle = getHandle();
    const id = newId();
    function* insertThenFail() {
      yield* query('insert into account (id, name, currency, created_at) values (?, ?, ?, ?)', [id, `Steps ${id}`, 'GBP', nowIso()]);
      const rows = yield* query<{ n: number }>('select count(*) as n from account where id = ?', [id]);
      if (Number(rows[0].n) === 1) throw new Error('after the write');
      return 'unreachable';
    }
    await expect(runStepsInTransaction(handle, insertThenFail)).rejects.toThrow('after the write');
    expect(await handle.db.selectFrom('account').select('id').where('id', '=', id).execute()).toEqual([]);
    function* insertAndRead() {
      yield* query('insert into account (id, name, currency, created_at) values (?, ?, ?, ?)', [id, `Steps ${id}`, 'GBP', nowIso()]);
      const rows = yield* query<{ name: string }>('select name from account where id = ?', [id]);
      return rows[0].name;
    }
    // interleaved with a Kysely transaction in the same process: neither sees half of the other
    const [name] = await Promise.all([
      runStepsInTransaction(handle, insertAndRead),
      inTransaction(handle, async (trx) => trx.selectFrom('account').select('id').execute()),
    ]);
    expect(name).toBe(`Steps ${id}`);
  });
});

describe('two processes opening a new SQLite database at once', () => {
  it('both succeed and each migration is applied once', async () => {
    const { spawn } = await import('node:child_process');
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const { fileURLToPath } = await import('node:url');
    const dataDir = mkdtempSync(path.join(tmpdir(), 'stockroom-open-'));
    const script = fileURLToPath(new URL('./open-database.script.ts', import.meta.url));
    try {
      const children = [0, 1].map(() => {
        const child = spawn(process.execPath, ['--import', 'tsx', script, JSON.stringify({ dataDir })], { stdio: ['pipe', 'pipe', 'pipe'] });
        let out = '';
        let err = '';
        let markReady: () => void = () => undefined;
        const ready = new Promise<void>((resolve) => (markReady = resolve));
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes('ready\n')) markReady();
        });
        child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
        const done = new Promise<string[]>((resolve, reject) =>
          child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop() as string)) : reject(new Error(`exit ${code}: ${err}`)))),
        );
        return { ready, done, go: () => child.stdin.write('go\n') };
      });
      await Promise.all(children.map((child) => child.ready));
      for (const child of children) child.go();
      const [first, second] = await Promise.all(children.map((child) => child.done));
      expect(first).toContain('0001_core');
      expect(new Set(first).size).toBe(first.length);
      expect(second).toEqual(first);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
