import { describe, expect, it } from 'vitest';
import { ChannelRegistryError, loadChannelFactory, loadChannelLimits, registerChannelFactory } from '../../src/channels/registry.ts';
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

  it("gives each platform's limits as its connector declares them, the very ones its channels carry", async () => {
    const connections = {
      shopify: { url: 'http://127.0.0.1:9', credentials: { accessToken: 'shpat_x' } },
      woocommerce: { url: 'http://127.0.0.1:9', credentials: { consumerKey: 'ck_x', consumerSecret: 'cs_x' } },
      bigcommerce: { url: 'http://127.0.0.1:9', credentials: { storeHash: 'abc', accessToken: 'x' } },
    } as const;
    const governor = { acquire: async () => undefined, report: () => undefined };
    for (const platform of ['shopify', 'woocommerce', 'bigcommerce'] as const) {
      const channel = (await loadChannelFactory(platform))({ platform, remoteLocationId: null, ...connections[platform] }, { governor });
      expect(await loadChannelLimits(platform)).toBe(channel.limits);
    }
    expect(await loadChannelLimits('shopify')).toMatchObject({ quantityBatchSize: 250, rateBudget: { kind: 'cost-bucket', maximum: 2000, restorePerSecond: 100 } });
    expect(await loadChannelLimits('bigcommerce')).toMatchObject({ quantityBatchSize: 2000, rateBudget: { kind: 'request-window', quota: 150, windowMs: 30_000 } });
    expect(await loadChannelLimits('woocommerce')).toMatchObject({ quantityBatchSize: 100, rateBudget: { kind: 'none' } });
    await expect(loadChannelLimits('etsy')).rejects.toThrowError(ChannelRegistryError);
  });
});
