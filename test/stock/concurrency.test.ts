import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { getStock } from '../../src/stock/stock-query.ts';
import { forEachDialect } from '../support/databases.ts';
import { newAccount, simpleProduct } from '../catalog/fixtures.ts';

const SCRIPT = fileURLToPath(new URL('./record-movements.script.ts', import.meta.url));
const PER_PROCESS = 240;

interface Writer {
  ready: Promise<void>;
  done: Promise<{ expectedMilli: number }>;
  go(): void;
}

function startWriter(argument: object): Writer {
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, JSON.stringify(argument)], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    if (stdout.includes('ready\n')) markReady();
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<{ expectedMilli: number }>((resolve, reject) => {
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`writer exited ${code}: ${stderr}`));
      else resolve(JSON.parse(stdout.trim().split('\n').pop() as string));
    });
  });
  return { ready, done, go: () => child.stdin.write('go\n') };
}

forEachDialect('stock ledger under two writing processes', (getHandle, getDatabase) => {
  it('ends with the level equal to the sum of every movement from both processes', async () => {
    const handle = getHandle();
    const account = await newAccount(handle);
    const product = await simpleProduct(handle, account.id, 'RACE-1');
    const argument = { options: getDatabase().options, accountId: account.id, sku: 'RACE-1', count: PER_PROCESS };
    const writers = [startWriter(argument), startWriter(argument)];
    await Promise.all(writers.map((writer) => writer.ready));
    for (const writer of writers) writer.go();
    const results = await Promise.all(writers.map((writer) => writer.done));
    const expectedMilli = results.reduce((sum, result) => sum + result.expectedMilli, 0);
    const variantId = product.variants[0].id;
    const ledger = await handle.db
      .selectFrom('stock_movement')
      .select([sql<number>`count(*)`.as('n'), sql<number>`sum(quantity_milli)`.as('s'), sql<number>`count(distinct actor)`.as('actors')])
      .where('variant_id', '=', variantId)
      .executeTakeFirstOrThrow();
    expect(Number(ledger.n)).toBe(2 * PER_PROCESS);
    expect(Number(ledger.actors)).toBe(2);
    expect(Number(ledger.s)).toBe(expectedMilli);
    expect((await getStock(handle, account.id, 'RACE-1')).total * 1000).toBe(expectedMilli);
    const mark = await handle.db.selectFrom('stock_change_mark').select('generation').where('variant_id', '=', variantId).executeTakeFirstOrThrow();
    expect(Number(mark.generation)).toBe(2 * PER_PROCESS);
  });
});
