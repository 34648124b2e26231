// The shared conformance suite against the Shopify emulator over real HTTP.
import { start } from '../../emulators/shopify/index.ts';
import { createShopifyChannel } from '../../src/channels/shopify/index.ts';
import { defineChannelConformance } from './channel-conformance.ts';

defineChannelConformance({
  platform: 'shopify',
  startEmulator: ({ seed }) => start({ seed, delayMs: 0 }),
  createChannel: createShopifyChannel,
  // Shopify signs every webhook with the app's secret, whatever the subscription.
  webhookSecret: (credentials, registered) => credentials.webhookSecret ?? registered,
});
