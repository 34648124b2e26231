import { describe, expect, it } from 'vitest';
import { ChannelRegistryError, loadChannelFactory, registerChannelFactory } from '../../src/channels/registry.ts';
import type { ChannelFactory } from '../../src/channels/channel.ts';

describe('channel registry', () => {
  it('loads a platform connector from src/channels/<platform>/index.ts', async () => {
    const factory = await loadChannelFactory('shopify');
    const channel = factory(
      { platform: 'shopify', url: 'http://127.0.0.1:9', credentials: { accessToken: 'shpat_x' }, remoteLocationId: null },
      { governor: { acquire: async () => undefined, report: () => undefined } },
    );
    expect(channel.platform).toBe('shopify');
    expect(channel.limits.maxOptions).toBe(3);
    expect(await loadChannelFactory('shopify')).toBe(factory);
  });

  it('refuses an unknown platform with a clear error', async () => {
    await expect(loadChannelFactory('etsy')).rejects.toThrowError(new ChannelRegistryError('unknown_platform', 'Unknown platform "etsy": use one of shopify, woocommerce, bigcommerce.'));
  });

  it('lets a factory be registered for a platform, and forgotten', async () => {
    const fake = (() => {
      throw new Error('not called');
    }) as ChannelFactory;
    registerChannelFactory('bigcommerce', fake);
    expect(await loadChannelFactory('bigcommerce')).toBe(fake);
    registerChannelFactory('bigcommerce', null);
    const loaded = await loadChannelFactory('bigcommerce').catch((error: unknown) => error);
    if (loaded instanceof ChannelRegistryError) expect(loaded.message).toBe('Stockroom has no bigcommerce connector yet.');
    else expect(loaded).not.toBe(fake);
  });
});
