// What the conformance scenarios share: the target a platform describes, sample data, and
// helpers that read a store through the Channel interface and the emulator's control routes.
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import {
  ChannelError,
  type Channel,
  type ChannelFactory,
  type Platform,
  type ProductDraft,
  type QuantityReading,
  type RemoteLocation,
  type RemoteOrder,
} from '../../src/channels/channel.ts';
import type { EmulatorState } from './emulator-control.ts';

export interface EmulatorLike {
  url: string;
  credentials: Record<string, string>;
  close(): Promise<void>;
}

export interface ConformanceTarget {
  platform: Platform;
  startEmulator: (options: { seed: string }) => Promise<EmulatorLike>;
  createChannel: ChannelFactory;
  /** Credentials the store must refuse; default: every value with "-wrong" appended. */
  badCredentials?: (good: Record<string, string>) => Record<string, string>;
  /** The secret the emulator signs webhooks with; default: the one given to registerWebhooks. */
  webhookSecret?: (credentials: Record<string, string>, registered: string) => string;
  /**
   * How a delivery proves where it came from: the header carrying the proof, and whether that
   * proof covers the body (an HMAC does; a secret sent back in a header does not).
   * Default: a header matching /signature|hmac/i that covers the body.
   */
  webhookAuth?: { header: RegExp; coversBody: boolean };
  /** Variants in the generated catalogue seed (enough for several catalogue pages and quantity batches). */
  generatedVariants?: number;
}

/** How each emulator's state names a product hidden from shoppers. */
export const DRAFT_WORDS: Record<Platform, string[]> = {
  shopify: ['DRAFT'],
  woocommerce: ['draft'],
  bigcommerce: ['hidden'],
};

export function uniqueSuffix(): string {
  return randomUUID().slice(0, 8);
}

export function sampleDraft(suffix: string): ProductDraft {
  const colours = ['Red', 'Blue'];
  const sizes = ['S', 'M'];
  const variants = colours.flatMap((colour, c) =>
    sizes.map((size, s) => ({
      localVariantId: `local-${suffix}-${colour}-${size}`,
      sku: `CONF-${suffix}-${colour.toUpperCase()}-${size}`,
      barcode: `99${suffix.replace(/[^0-9]/g, '').padEnd(6, '0').slice(0, 6)}${c}${s}`,
      price: s === 0 ? '19.99' : '21.50',
      weightKg: null,
      optionValues: [colour, size],
      quantity: 3 + c * 2 + s,
    })),
  );
  return {
    localProductId: `local-${suffix}`,
    handle: `conformance-tee-${suffix}`,
    title: `Conformance Tee ${suffix}`,
    options: [
      { name: 'Colour', values: colours },
      { name: 'Size', values: sizes },
    ],
    variants,
  };
}

export function locationIdInState(state: EmulatorState, location: RemoteLocation): string {
  if (state.locations.length === 1) return state.locations[0].id;
  const byName = state.locations.find((l) => l.name === location.name);
  const byId = state.locations.find((l) => l.id === location.id || location.id.endsWith(`/${l.id}`));
  const found = byId ?? byName;
  if (!found) throw new Error(`location ${location.name} is not in the emulator's state`);
  return found.id;
}

export async function readAllQuantities(channel: Channel): Promise<QuantityReading[]> {
  const readings: QuantityReading[] = [];
  let cursor: string | null = null;
  do {
    const page = await channel.readQuantities(cursor);
    readings.push(...page.readings);
    cursor = page.nextCursor;
  } while (cursor);
  return readings;
}

export async function pollOrders(channel: Channel, cursor: string | null, since: string): Promise<{ orders: RemoteOrder[]; cursor: string }> {
  const orders: RemoteOrder[] = [];
  let position = cursor;
  for (let pages = 0; pages < 200; pages += 1) {
    const page = await channel.listOrders(position, since);
    orders.push(...page.orders);
    position = page.cursor;
    if (!page.hasMore) return { orders, cursor: page.cursor };
  }
  throw new Error('listOrders kept saying hasMore after 200 pages');
}

export async function expectChannelError(promise: Promise<unknown>, code: ChannelError['code']): Promise<ChannelError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ChannelError);
  const channelError = error as ChannelError;
  expect(channelError.code).toBe(code);
  expect(channelError.message.length).toBeGreaterThan(10);
  return channelError;
}
