// What the engine scenarios need from one platform: an emulator started from a platform-neutral
// catalogue, the store's own words for product status, and the few things only the platform's
// own API can do (a shopkeeper editing a description in the store's admin).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Platform } from '../../../src/channels/channel.ts';
import { emulatorControl, findBySku, type EmulatorControl, type EmulatorState } from '../../conformance/emulator-control.ts';

/** A catalogue every platform's emulator can be seeded with. */
export interface CatalogueProduct {
  title: string;
  description?: string;
  /** Absent: a simple product with one variant. */
  options?: Array<{ name: string; values: string[] }>;
  variants: Array<{ sku: string; price: string; values?: string[]; quantity: number }>;
}

export interface RequestCounts {
  total: number;
  throttled: number;
  byOperation: Record<string, number>;
}

/** A running emulator, seen through the shared control routes. */
export interface RunningStore extends EmulatorControl {
  platform: Platform;
  url: string;
  credentials: Record<string, string>;
  setFaults(settings: Record<string, unknown>): Promise<void>;
  requests(): Promise<RequestCounts>;
  /** The store's quantity of a SKU at its default (first) location. */
  quantity(sku: string): Promise<number>;
  close(): Promise<void>;
}

export interface PlatformTarget {
  platform: Platform;
  startEmulator(catalogue: CatalogueProduct[]): Promise<RunningStore>;
  /** How the emulator's state names a draft (hidden) product, and a seeded live one. */
  draftStatus: string;
  liveStatus: string;
  /** A shopkeeper rewrites the description in the store's admin, through the platform's own API. */
  editDescription(store: RunningStore, remoteProductId: string, html: string): Promise<void>;
  /** A shopkeeper adds a variant to a product with one option in the store's admin (the value is new to the option), through the platform's own API. */
  addVariant(store: RunningStore, remoteProductId: string, variant: NewStoreVariant): Promise<void>;
}

export interface NewStoreVariant {
  sku: string;
  price: string;
  /** The product's one option and this variant's value of it. */
  option: string;
  value: string;
  /** Stock at the store's default (first) location. */
  quantity: number;
}

/** Writes a seed JSON file for the emulator's `seed` option and removes it after `use`. */
export async function withSeedFile<T>(seed: unknown, use: (file: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(path.join(tmpdir(), 'stockroom-platform-seed-'));
  const file = path.join(dir, 'seed.json');
  writeFileSync(file, JSON.stringify(seed));
  try {
    return await use(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function runningStore(platform: Platform, emulator: { url: string; credentials: Record<string, string>; close(): Promise<void> }): RunningStore {
  const control = emulatorControl(emulator.url);
  const call = async (method: string, route: string, body?: unknown): Promise<unknown> => {
    const response = await fetch(`${emulator.url}/__emulator/${route}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} /__emulator/${route} answered ${response.status}: ${await response.text()}`);
    return response.json();
  };
  return {
    ...control,
    platform,
    url: emulator.url,
    credentials: emulator.credentials,
    async setFaults(settings) {
      await call('POST', 'faults', settings);
    },
    async requests() {
      return (await call('GET', 'requests')) as RequestCounts;
    },
    async quantity(sku) {
      const state = await control.state();
      return quantityIn(state, sku);
    },
    close: () => emulator.close(),
  };
}

export function quantityIn(state: EmulatorState, sku: string): number {
  const found = findBySku(state, sku);
  if (!found) throw new Error(`SKU ${sku} is not on the emulator`);
  return found.variant.quantities[state.locations[0]!.id] ?? 0;
}
