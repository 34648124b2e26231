// The shared conformance suite against the WooCommerce emulator over real HTTP.
import { start } from '../../emulators/woocommerce/index.ts';
import { createWoocommerceChannel } from '../../src/channels/woocommerce/index.ts';
import { defineChannelConformance } from './channel-conformance.ts';

defineChannelConformance({
  platform: 'woocommerce',
  startEmulator: ({ seed }) => start({ seed, delayMs: 0 }),
  createChannel: createWoocommerceChannel,
});
