// A store's webhook as it arrives (DESIGN rule 6): the signature is checked in constant time by
// the store's connector; a forgery is refused and recorded; a genuine delivery is stored
// (de-duplicated by its delivery id) BEFORE the store is answered, and the sync loop is woken to
// re-read the object it names.
import type { DatabaseHandle } from '../../db/handle.ts';
import { ChannelError } from '../../channels/channel.ts';
import { recordSyncLog } from '../sync-log/sync-log.ts';
import { channelFor, storeCipher } from '../stores/store-channel.ts';
import { storeWebhookHint } from './webhook-deliveries.ts';
import { wakeSync } from '../engine-loop/sync-loop.ts';

export type WebhookOutcome =
  | { kind: 'accepted'; duplicate: boolean }
  | { kind: 'unknown_store' }
  | { kind: 'forged' }
  | { kind: 'unreadable'; message: string };

export async function receiveWebhook(
  handle: DatabaseHandle,
  storeId: string,
  headers: Record<string, string | undefined>,
  rawBody: Buffer,
  secret?: string,
): Promise<WebhookOutcome> {
  const store = await handle.db.selectFrom('store').selectAll().where('id', '=', storeId).executeTakeFirst();
  if (!store) return { kind: 'unknown_store' };
  const cipher = storeCipher(secret);
  const { channel } = await channelFor(store, cipher);
  const webhookSecret = store.webhook_secret_encrypted ? cipher.decrypt(store.webhook_secret_encrypted) : '';
  if (!webhookSecret || !channel.verifyWebhook(headers, rawBody, webhookSecret)) {
    await recordSyncLog(handle.db, {
      accountId: store.account_id,
      storeId: store.id,
      kind: 'webhook',
      items: 0,
      outcome: 'failed',
      durationMs: 0,
      error: 'A webhook with a signature that does not verify was refused.',
    });
    return { kind: 'forged' };
  }
  try {
    const hint = channel.parseWebhook(headers, rawBody);
    const stored = await storeWebhookHint(handle, store, hint);
    wakeSync();
    return { kind: 'accepted', duplicate: stored === 'duplicate' };
  } catch (error) {
    if (error instanceof ChannelError) return { kind: 'unreadable', message: error.message };
    throw error;
  }
}
