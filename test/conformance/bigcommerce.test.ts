// The shared conformance suite against the BigCommerce emulator over real HTTP.
// The suite's governor never waits, so the emulator's request quota is lifted here; pacing by the
// X-Rate-Limit headers with the real governor is shown in test/channels/bigcommerce/rate-limit.test.ts.
// The generated catalogue holds more than two quantity batches (2,000 each) of variants.
import { start } from '../../emulators/bigcommerce/index.ts';
import { createBigcommerceChannel } from '../../src/channels/bigcommerce/index.ts';
import { defineChannelConformance } from './channel-conformance.ts';

defineChannelConformance({
  platform: 'bigcommerce',
  startEmulator: ({ seed }) => start({ seed, delayMs: 0, rateLimit: { quota: 1_000_000, windowMs: 30_000 } }),
  createChannel: createBigcommerceChannel,
  generatedVariants: 4500,
  // BigCommerce does not sign deliveries; the connector has the hook send a secret header back.
  webhookAuth: { header: /^x-stockroom-webhook-secret$/i, coversBody: false },
});
