// The CLI as a user runs it: real processes on a temp --data folder (CONTRACT.md, General and
// Catalogue and stock). Each spawn costs ~0.5 s, so the scenarios share one folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/handle.ts';
import { ensureDefaultAccount } from '../../src/accounts/accounts.ts';
import { createProduct } from '../../src/catalog/products.ts';
import { runCli, startCli } from './cli-process.ts';

describe('stockroom CLI', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'stockroom-cli-'));
  });
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('migrate --json on a new folder creates the database, applies every migration and the default account', async () => {
    const result = await runCli(['migrate', '--json', '--data', dataDir]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const output = JSON.parse(result.stdout);
    expect(output.dialect).toBe('sqlite');
    expect(output.applied).toEqual(expect.arrayContaining(['0001_core', '0002_auth']));
    const handle = await openDatabase({ dataDir });
    try {
      const account = await ensureDefaultAccount(handle);
      const locations = await handle.db.selectFrom('location').select('name').where('account_id', '=', account.id).execute();
      expect(locations.map((row) => row.name)).toEqual(['Main']);
      await createProduct(handle, account.id, {
        name: 'Rope',
        productType: 'per_unit',
        unit: 'm',
        variants: [{ sku: 'ROPE-1', price: '1.20' }],
      });
    } finally {
      await handle.close();
    }
  });

  it('user add reads the password from stdin and prints the user with --json', async () => {
    const result = await runCli(['user', 'add', 'owner@example.com', '--json', '--data', dataDir], { stdin: 'correct horse battery\n' });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ id: expect.any(String), email: 'owner@example.com', account: 'Default' });
  });

  it('stock move records a movement and stock show prints { sku, total, locations }', async () => {
    const moved = await runCli(['stock', 'move', '--sku', 'rope-1', '--qty', '12.5', '--kind', 'receipt', '--json', '--data', dataDir]);
    expect(moved.stderr).toBe('');
    expect(moved.code).toBe(0);
    expect(JSON.parse(moved.stdout)).toEqual({
      id: expect.any(String),
      sku: 'ROPE-1',
      kind: 'receipt',
      change: 12.5,
      location: 'Main',
      onHand: 12.5,
      total: 12.5,
    });
    const shown = await runCli(['--json', '--data', dataDir, 'stock', 'show', '--sku', 'ROPE-1']);
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.stdout)).toEqual({ sku: 'ROPE-1', total: 12.5, locations: [{ location: 'Main', onHand: 12.5 }] });
  });

  it('fails with one line on stderr, no stack trace, a non-zero exit and nothing on stdout', async () => {
    const result = await runCli(['stock', 'move', '--sku', 'NOPE', '--qty', '1', '--kind', 'sale', '--json', '--data', dataDir]);
    expect(result.code).not.toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('stockroom: There is no variant with SKU "NOPE".\n');
    const badKind = await runCli(['stock', 'move', '--sku', 'ROPE-1', '--qty', '1', '--kind', 'theft', '--data', dataDir, '--account', 'Nobody']);
    expect(badKind.code).not.toBe(0);
    expect(badKind.stderr.trim().split('\n')).toHaveLength(1);
    expect(badKind.stderr).toMatch(/--kind must be one of sale, return, receipt, adjustment, count/);
  });

  it('serve --port 0 answers the API (login with the CLI-made user) and stops on SIGTERM', async () => {
    const server = await startCli(['serve', '--port', '0', '--json', '--no-worker', '--data', dataDir]);
    try {
      const { url } = JSON.parse(server.firstLine);
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const login = await fetch(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'owner@example.com', password: 'correct horse battery' }),
      });
      expect(login.status).toBe(200);
      const cookie = login.headers.get('set-cookie')!.split(';')[0];
      const stock = await fetch(`${url}/api/stock?sku=ROPE-1`, { headers: { cookie } });
      expect(await stock.json()).toEqual({ sku: 'ROPE-1', total: 12.5, locations: [{ location: 'Main', onHand: 12.5 }] });
    } finally {
      expect(await server.stop()).toBe(0);
    }
    expect(server.stderr()).not.toMatch(/correct horse battery/);
  });

  it('emulate shopify prints { url, credentials } as its first line and serves until SIGTERM', async () => {
    const emulator = await startCli(['emulate', 'shopify', '--port', '0']);
    try {
      const first = JSON.parse(emulator.firstLine);
      expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(first.credentials.accessToken).toEqual(expect.any(String));
      const state = await fetch(`${first.url}/__emulator/state`);
      expect(state.status).toBe(200);
    } finally {
      expect(await emulator.stop()).toBe(0);
    }
  });
});
