// Shared set-up for the sync engine's end-to-end tests: a Shopify emulator over real HTTP seeded
// from a JSON catalogue, and the secret the credentials are encrypted with.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { start } from '../../emulators/shopify/index.ts';
import type { EmulatorHandle } from '../../emulators/emulator.ts';

export const TEST_SECRET = 'e2e-secret-0123456789-abcdefghijklmnop';
process.env.STOCKROOM_SECRET = TEST_SECRET;
delete process.env.STOCKROOM_PUBLIC_URL;

export interface SeedVariant {
  sku: string | null;
  barcode?: string | null;
  price: string;
  options?: string[];
  quantities?: number[];
}

export interface SeedProduct {
  title: string;
  handle?: string;
  description?: string;
  status?: 'ACTIVE' | 'DRAFT' | 'ARCHIVED';
  options?: Array<{ name: string; values: string[] }>;
  variants: SeedVariant[];
}

export interface SeededShopify extends EmulatorHandle {
  state(): Promise<EmulatorState>;
  control(pathname: string, body?: unknown): Promise<unknown>;
}

export interface EmulatorState {
  locations: Array<{ id: string; name: string }>;
  products: Array<{
    id: string;
    title: string;
    handle: string;
    status: string;
    description: string;
    variants: Array<{ id: string; sku: string | null; barcode: string | null; price: string; options: string[]; quantities: Record<string, number> }>;
  }>;
}

export async function startShopify(products: SeedProduct[], options: { faults?: Record<string, unknown> } = {}): Promise<SeededShopify> {
  const dir = mkdtempSync(path.join(tmpdir(), 'stockroom-seed-'));
  const file = path.join(dir, 'seed.json');
  writeFileSync(file, JSON.stringify({ products }));
  const emulator = await start({ seed: file, delayMs: 0, faults: options.faults });
  rmSync(dir, { recursive: true, force: true });
  const control = async (pathname: string, body?: unknown) => {
    const response = await fetch(`${emulator.url}/__emulator/${pathname}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`emulator ${pathname}: ${response.status} ${await response.text()}`);
    return response.json();
  };
  return { ...emulator, close: () => emulator.close(), control, state: async () => (await control('state')) as EmulatorState };
}
