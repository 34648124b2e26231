// "Take in the store's orders first" (DESIGN rule 4): the webhook hints waiting for the store,
// then a poll by cursor; the movements they record mark links, which are moved onto every store's
// links at once so the next push sees them.
import type { DatabaseHandle } from '../../db/handle.ts';
import { drainChangeMarks } from '../push/dirty-links.ts';
import { pollStoreOrders } from '../orders/order-poller.ts';
import { processWebhookHints } from '../webhooks/webhook-deliveries.ts';
import type { SyncStore } from './store-channel.ts';

export async function takeInStoreOrders(handle: DatabaseHandle, store: SyncStore): Promise<{ hints: number; ordersChanged: number }> {
  const hints = await processWebhookHints(handle, store);
  const polled = await pollStoreOrders(handle, store);
  await drainChangeMarks(handle);
  return { hints: hints.processed, ordersChanged: polled.changed };
}
