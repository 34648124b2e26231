// Webhooks: subscribe through the Admin API, check X-Shopify-Hmac-Sha256 (base64 HMAC-SHA256 of
// the raw body with the app's secret) in constant time, and reduce a delivery to a hint.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { ChannelError, type WebhookHint, type WebhookRegistration, type WebhookTopic } from '../channel.ts';
import type { GraphqlClient } from './graphql-client.ts';
import { webhookSubscriptionCreate, webhookSubscriptions } from './operations/webhooks.ts';
import { webhookSubscriptionCreateResult, webhookSubscriptionsResult } from './payloads/webhooks.ts';
import { userErrorsToChannelError } from './user-error-mapping.ts';

export const WEBHOOK_TOPICS = ['ORDERS_CREATE', 'ORDERS_CANCELLED', 'REFUNDS_CREATE', 'INVENTORY_LEVELS_UPDATE', 'PRODUCTS_UPDATE'] as const;

/** Subscribes the callback to every topic it is not subscribed to yet (so it can run twice). */
export async function registerWebhooks(client: GraphqlClient, callbackUrl: string): Promise<WebhookRegistration[]> {
  const existing = await client.request(webhookSubscriptions, { uri: callbackUrl }, webhookSubscriptionsResult);
  const registrations: WebhookRegistration[] = [];
  for (const topic of WEBHOOK_TOPICS) {
    const found = existing.webhookSubscriptions.nodes.find((node) => node.topic === topic && (node.uri ?? callbackUrl) === callbackUrl);
    if (found) {
      registrations.push({ remoteWebhookId: found.id, topic });
      continue;
    }
    const data = await client.request(webhookSubscriptionCreate, { topic, uri: callbackUrl }, webhookSubscriptionCreateResult);
    const payload = data.webhookSubscriptionCreate;
    if (!payload) throw new ChannelError('protocol', `Shopify returned nothing when asked to subscribe to ${topic}.`);
    if (payload.userErrors.length > 0) throw userErrorsToChannelError(`subscribe to ${topic}`, payload.userErrors);
    if (!payload.webhookSubscription) throw new ChannelError('protocol', `Shopify did not return the ${topic} subscription.`);
    registrations.push({ remoteWebhookId: payload.webhookSubscription.id, topic });
  }
  return registrations;
}

function header(headers: Record<string, string | undefined>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

export function verifyWebhook(headers: Record<string, string | undefined>, rawBody: Buffer, secret: string): boolean {
  const signature = header(headers, 'x-shopify-hmac-sha256');
  if (!signature || !secret) return false;
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  const given = Buffer.from(signature, 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const TOPIC_KINDS: Record<string, { topic: WebhookTopic; resource: string; idField: string }> = {
  'orders/create': { topic: 'order', resource: 'Order', idField: 'id' },
  'orders/updated': { topic: 'order', resource: 'Order', idField: 'id' },
  'orders/cancelled': { topic: 'order', resource: 'Order', idField: 'id' },
  'refunds/create': { topic: 'order', resource: 'Order', idField: 'order_id' },
  'inventory_levels/update': { topic: 'inventory', resource: 'InventoryItem', idField: 'inventory_item_id' },
  'products/update': { topic: 'product', resource: 'Product', idField: 'id' },
  'products/create': { topic: 'product', resource: 'Product', idField: 'id' },
};

function gid(resource: string, value: unknown): string | null {
  if (typeof value === 'string' && value.startsWith('gid://')) return value;
  if ((typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && /^\d+$/.test(value))) {
    return `gid://shopify/${resource}/${value}`;
  }
  return null;
}

export function parseWebhook(headers: Record<string, string | undefined>, rawBody: Buffer): WebhookHint {
  const deliveryId = header(headers, 'x-shopify-event-id') ?? header(headers, 'x-shopify-webhook-id');
  if (!deliveryId) throw new ChannelError('invalid', 'The Shopify webhook has no X-Shopify-Event-Id or X-Shopify-Webhook-Id header.', false);
  const topicName = (header(headers, 'x-shopify-topic') ?? '').toLowerCase();
  const kind = TOPIC_KINDS[topicName];
  if (!kind) return { deliveryId, topic: 'other', remoteId: null };
  let body: unknown;
  try {
    body = JSON.parse(rawBody.toString('utf8'));
  } catch {
    throw new ChannelError('invalid', `The Shopify ${topicName} webhook body is not JSON.`, false);
  }
  const parsed = z.record(z.string(), z.unknown()).safeParse(body);
  const record = parsed.success ? parsed.data : {};
  const fromAdminId = kind.idField === 'id' ? gid(kind.resource, record.admin_graphql_api_id) : null;
  return { deliveryId, topic: kind.topic, remoteId: fromAdminId ?? gid(kind.resource, record[kind.idField]) };
}
