// What every store emulator exposes, in process and through `stockroom emulate`.
// Emulators know nothing of Stockroom's own code (src/): they are written from the platforms' specs.

export type EmulatorPlatform = 'shopify' | 'woocommerce' | 'bigcommerce';

export interface EmulatorOptions {
  /** 0 or undefined: a free port. */
  port?: number;
  host?: string;
  /** 'demo' | 'empty' | 'gen:N' | path to a JSON seed file. Default 'empty'. */
  seed?: string;
  /** A named profile ('none', 'flaky', 'chaos') or a fault settings object (same as POST /__emulator/faults). */
  faults?: string | Record<string, unknown>;
  /** Delays the real platform has (webhook delivery, asynchronous apply), in ms. Default about 1000; tests pass 0. */
  delayMs?: number;
  /** Platform-specific rate-limit settings (Shopify bucket size/restore rate; BigCommerce quota/window). */
  rateLimit?: Record<string, number>;
}

export interface EmulatorHandle {
  platform: EmulatorPlatform;
  /** The origin `store connect --url` takes. */
  url: string;
  /** Exactly what `store connect --credentials` takes. */
  credentials: Record<string, string>;
  close(): Promise<void>;
}

export type StartEmulator = (options?: EmulatorOptions) => Promise<EmulatorHandle>;
