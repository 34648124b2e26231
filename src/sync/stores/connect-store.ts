// `store connect`: check the credentials against the store, pick its default location, start the
// order cursor now (earlier orders are already in the store's stock), register webhooks when
// Stockroom has a public address, and save the store with its credentials encrypted.
import { randomBytes } from 'node:crypto';
import { ChannelError, type Channel, type ChannelConnection, type Platform } from '../../channels/channel.ts';
import { ChannelRegistryError, isPlatform, loadChannelFactory, PLATFORMS } from '../../channels/registry.ts';
import type { DatabaseHandle } from '../../db/handle.ts';
import { newId, nowIso } from '../../db/ids.ts';
import { inTransaction } from '../../db/transaction.ts';
import { DomainError, invalid } from '../../errors/domain-error.ts';
import { resolveLocation } from '../../accounts/locations.ts';
import { governorForStore } from '../governor/store-governors.ts';
import { recordSyncLog } from '../sync-log/sync-log.ts';
import { storeCipher } from './store-channel.ts';
import { parseAttributePolicy, parseBuffer, parseCredentials, parseStoreUrl } from './store-input.ts';
import { getStoreView, type StoreView } from './store-view.ts';

export interface ConnectStoreInput {
  platform: string;
  url: string;
  credentials: unknown;
  name?: string;
  /** Local location (id or name) whose stock the store shows; default Main. */
  location?: string;
  /** Local location (id or name) its orders take stock from; default the shown location. */
  ordersLocation?: string;
  buffer?: number | string;
  attributePolicy?: string;
}

export interface ConnectStoreOptions {
  /** STOCKROOM_SECRET; default the environment's. */
  secret?: string;
  /** Where the store can reach Stockroom's webhooks; default STOCKROOM_PUBLIC_URL. Unset: polling only. */
  publicUrl?: string | null;
}

export interface ConnectResult extends StoreView {
  /** Why webhooks were not registered (polling covers it), or null. */
  webhookNote: string | null;
}

function channelErrorSentence(error: unknown): string {
  if (error instanceof ChannelError) {
    if (error.code === 'auth') return `The store refused these credentials: ${error.message}`;
    return `Could not reach the store to check the credentials: ${error.message}`;
  }
  return error instanceof Error ? error.message : String(error);
}

export async function connectStore(handle: DatabaseHandle, accountId: string, input: ConnectStoreInput, options: ConnectStoreOptions = {}): Promise<ConnectResult> {
  const connectedAt = nowIso();
  const started = performance.now();
  if (!isPlatform(input.platform)) throw invalid(`Unknown platform "${input.platform}": use one of ${PLATFORMS.join(', ')}.`);
  const platform: Platform = input.platform;
  const url = parseStoreUrl(input.url);
  const credentials = parseCredentials(input.credentials);
  const buffer = input.buffer === undefined ? 0 : parseBuffer(input.buffer);
  const attributePolicy = input.attributePolicy === undefined ? 'merge' : parseAttributePolicy(input.attributePolicy);
  const location = await resolveLocation(handle.db, accountId, input.location);
  const ordersLocation = input.ordersLocation ? await resolveLocation(handle.db, accountId, input.ordersLocation) : location;
  const cipher = storeCipher(options.secret);

  const existing = await handle.db
    .selectFrom('store')
    .select(['id'])
    .where('account_id', '=', accountId)
    .where('platform', '=', platform)
    .where('url', '=', url)
    .executeTakeFirst();
  if (existing) throw new DomainError('conflict', `This ${platform} store is already connected (store ${existing.id}).`);

  const storeId = newId();
  let factory;
  try {
    factory = await loadChannelFactory(platform);
  } catch (error) {
    if (error instanceof ChannelRegistryError) throw invalid(error.message);
    throw error;
  }
  const connection: ChannelConnection = { platform, url, credentials, remoteLocationId: null };
  let channel: Channel = factory(connection, { governor: governorForStore(storeId) });
  let identity;
  try {
    identity = await channel.identify();
  } catch (error) {
    await recordSyncLog(handle.db, {
      accountId,
      storeId: null,
      kind: 'connect',
      items: 0,
      outcome: 'failed',
      durationMs: performance.now() - started,
      error: channelErrorSentence(error),
      details: { platform, url },
    });
    if (error instanceof ChannelError) throw invalid(channelErrorSentence(error));
    throw error;
  }
  const remoteLocation = identity.locations.find((candidate) => candidate.isDefault) ?? identity.locations[0] ?? null;
  if (remoteLocation) {
    channel = factory({ ...connection, remoteLocationId: remoteLocation.id }, { governor: governorForStore(storeId) });
  }

  // Webhooks: only when the store can reach us; polling is always the fallback.
  const publicUrl = options.publicUrl === undefined ? process.env.STOCKROOM_PUBLIC_URL || null : options.publicUrl;
  let webhookSecret: string | null = null;
  let webhooksRegistered = false;
  let webhookNote: string | null = null;
  if (!publicUrl) {
    webhookNote = 'No public address (STOCKROOM_PUBLIC_URL) is set, so the store is polled for orders.';
  } else {
    // Shopify signs every webhook with the app's secret; the other platforms take one per subscription.
    webhookSecret = platform === 'shopify' ? (credentials.webhookSecret ?? null) : randomBytes(32).toString('hex');
    if (!webhookSecret) {
      webhookNote = 'Shopify signs webhooks with the app secret: add "webhookSecret" to the credentials to receive them; polling covers orders meanwhile.';
    } else {
      try {
        await channel.registerWebhooks(`${publicUrl.replace(/\/+$/, '')}/webhooks/${storeId}`, webhookSecret);
        webhooksRegistered = true;
      } catch (error) {
        webhookNote = `Webhooks could not be registered (${channelErrorSentence(error)}); the store is polled for orders.`;
      }
    }
  }

  await inTransaction(handle, async (trx) => {
    const now = nowIso();
    await trx
      .insertInto('store')
      .values({
        id: storeId,
        account_id: accountId,
        platform,
        name: input.name?.trim() || identity.name || url,
        url,
        credentials_encrypted: cipher.encryptJson(credentials),
        location_id: location.id,
        orders_location_id: ordersLocation.id,
        buffer,
        attribute_policy: attributePolicy,
        remote_location_id: remoteLocation?.id ?? null,
        order_cursor: null,
        order_cursor_started_at: connectedAt,
        webhook_secret_encrypted: webhookSecret ? cipher.encrypt(webhookSecret) : null,
        webhooks_registered: webhooksRegistered ? 1 : 0,
        state: 'connected',
        last_sync_at: null,
        last_error: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await recordSyncLog(trx, {
      accountId,
      storeId,
      kind: 'connect',
      items: 0,
      outcome: 'ok',
      durationMs: performance.now() - started,
      details: { webhooks: webhooksRegistered, note: webhookNote },
    });
  });
  return { ...(await getStoreView(handle.db, accountId, storeId)), webhookNote };
}
