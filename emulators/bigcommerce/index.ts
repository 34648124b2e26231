// The BigCommerce emulator: a stand-in for the store's REST API (catalog v3, inventory v3, hooks v3,
// orders v2) under /stores/{store_hash}/…, written from vendor-specs/bigcommerce.
import { randomBytes } from 'node:crypto';
import type { EmulatorHandle, EmulatorOptions, StartEmulator } from '../emulator.ts';
import { BigCommerceEmulator } from './server.ts';

export interface BigCommerceEmulatorHandle extends EmulatorHandle {
  emulator: BigCommerceEmulator;
}

export async function startBigCommerce(options: EmulatorOptions = {}): Promise<BigCommerceEmulatorHandle> {
  const emulator = new BigCommerceEmulator({
    seed: options.seed ?? 'empty',
    delayMs: options.delayMs ?? 1000,
    rateLimit: { quota: options.rateLimit?.quota ?? 150, windowMs: options.rateLimit?.windowMs ?? 30_000 },
    faults: options.faults,
    storeHash: `emu${randomBytes(4).toString('hex')}`,
    accessToken: randomBytes(16).toString('hex'),
  });
  await emulator.listen(options.port ?? 0, options.host ?? '127.0.0.1');
  return {
    platform: 'bigcommerce',
    url: emulator.origin,
    credentials: { storeHash: emulator.settings.storeHash, accessToken: emulator.settings.accessToken },
    emulator,
    close: () => emulator.close(),
  };
}

export const start: StartEmulator = startBigCommerce;
