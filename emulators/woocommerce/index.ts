// WooCommerce REST API v3 emulator: `start()` serves it on 127.0.0.1 (see docs/emulators.md).
import type { AddressInfo } from 'node:net';
import type { StartEmulator } from '../emulator.ts';
import { FaultInjector } from '../common/fault-injector.ts';
import { parseSeedSpec } from '../common/seed-spec.ts';
import { ApiServer } from './api-server.ts';
import { READ_WRITE_KEY } from './keys.ts';

export { READ_ONLY_KEY, READ_WRITE_KEY } from './keys.ts';

export const start: StartEmulator = async (options = {}) => {
  const faults = new FaultInjector(options.faults);
  const api = new ApiServer({ seed: parseSeedSpec(options.seed), faults, delayMs: options.delayMs ?? 1000 });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    api.server.once('error', reject);
    api.server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = api.server.address() as AddressInfo;
  const url = `http://${host}:${port}`;
  api.origin = url;
  return {
    platform: 'woocommerce',
    url,
    credentials: { consumerKey: READ_WRITE_KEY.consumerKey, consumerSecret: READ_WRITE_KEY.consumerSecret },
    async close() {
      api.close();
      api.server.closeAllConnections();
      await new Promise<void>((resolve) => api.server.close(() => resolve()));
    },
  };
};
