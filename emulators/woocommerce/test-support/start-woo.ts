// Starts an emulator for one test file and gives an OAuth-signing client for it.
import { start } from '../index.ts';
import type { EmulatorOptions } from '../../emulator.ts';
import { wooClient, control } from './woo-client.ts';

export async function startWoo(options: EmulatorOptions = {}) {
  const emulator = await start({ delayMs: 0, ...options });
  const keys = emulator.credentials as { consumerKey: string; consumerSecret: string };
  return {
    emulator,
    url: emulator.url,
    keys,
    api: wooClient(emulator.url, keys),
    control: <T = any>(method: string, route: string, body?: unknown) => control<T>(emulator.url, method, route, body),
  };
}
