// Platform → connector. Each connector lives in src/channels/<platform>/index.ts and exports
// `createChannel` (or `create<Platform>Channel`, e.g. createShopifyChannel): a ChannelFactory; it is loaded on first use so a platform costs nothing until a
// store of it is connected. It also exports `<PLATFORM>_LIMITS` (e.g. SHOPIFY_LIMITS), the
// ChannelLimits its channels carry, so a store's limits can be shown without opening a channel.
import type { ChannelFactory, ChannelLimits, Platform } from './channel.ts';

export const PLATFORMS: readonly Platform[] = ['shopify', 'woocommerce', 'bigcommerce'];

export class ChannelRegistryError extends Error {
  constructor(
    readonly code: 'unknown_platform' | 'no_connector',
    message: string,
  ) {
    super(message);
    this.name = 'ChannelRegistryError';
  }
}

export function isPlatform(value: string): value is Platform {
  return (PLATFORMS as readonly string[]).includes(value);
}

const loaded = new Map<Platform, ChannelFactory>();
const overrides = new Map<Platform, ChannelFactory>();

/** For tests of the engine with a second implementation; production code never calls it. */
export function registerChannelFactory(platform: Platform, factory: ChannelFactory | null): void {
  if (factory) overrides.set(platform, factory);
  else overrides.delete(platform);
}

function checkPlatform(platform: string): Platform {
  if (!isPlatform(platform)) {
    throw new ChannelRegistryError('unknown_platform', `Unknown platform "${platform}": use one of ${PLATFORMS.join(', ')}.`);
  }
  return platform;
}

async function importConnector(platform: Platform): Promise<Record<string, unknown>> {
  try {
    return await import(`./${platform}/index.ts`);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' && String((error as Error).message).includes(`/${platform}/index.ts`)) {
      throw new ChannelRegistryError('no_connector', `Stockroom has no ${platform} connector yet.`);
    }
    throw error;
  }
}

export async function loadChannelFactory(name: string): Promise<ChannelFactory> {
  const platform = checkPlatform(name);
  const override = overrides.get(platform);
  if (override) return override;
  const cached = loaded.get(platform);
  if (cached) return cached;
  const module = await importConnector(platform);
  const conventional = `create${platform[0].toUpperCase()}${platform.slice(1)}Channel`;
  const factory = (module.createChannel ?? module[conventional]) as ChannelFactory | undefined;
  if (typeof factory !== 'function') {
    throw new ChannelRegistryError('no_connector', `The ${platform} connector does not export createChannel or ${conventional}.`);
  }
  loaded.set(platform, factory);
  return factory;
}

/** The limits the platform's connector declares (the real connector's, even while a test factory is registered). */
export async function loadChannelLimits(name: string): Promise<ChannelLimits> {
  const platform = checkPlatform(name);
  const exportName = `${platform.toUpperCase()}_LIMITS`;
  const limits = (await importConnector(platform))[exportName] as ChannelLimits | undefined;
  if (!limits || typeof limits !== 'object') throw new ChannelRegistryError('no_connector', `The ${platform} connector does not export ${exportName}.`);
  return limits;
}
