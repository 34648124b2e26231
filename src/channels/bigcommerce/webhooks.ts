// BigCommerce webhooks. BigCommerce does not sign deliveries: it sends back the custom headers
// given when the hook was created. So each hook is created with X-Stockroom-Webhook-Secret set to
// the store's secret, and a delivery is genuine when that header matches (compared in constant
// time). This proves who sent it, not that the body is intact — which is enough here, because the
// body carries ids only and the engine re-reads the order it names (DESIGN rule 6).
import { createHash, timingSafeEqual } from 'node:crypto';
import { ChannelError, type WebhookHint, type WebhookRegistration, type WebhookTopic } from '../channel.ts';
import { collection, hookSchema, single, webhookPayloadSchema } from './payloads.ts';
import type { BcRestClient } from './rest-client.ts';

export const SECRET_HEADER = 'X-Stockroom-Webhook-Secret';

export const WEBHOOK_SCOPES = [
  'store/order/created',
  'store/order/updated',
  'store/order/statusUpdated',
  'store/sku/inventory/updated',
  'store/product/updated',
] as const;

function header(headers: Record<string, string | undefined>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

/** Creates each hook, or brings an existing one for the same scope and destination up to date (so it can run twice). */
export async function registerBcWebhooks(client: BcRestClient, callbackUrl: string, secret: string): Promise<WebhookRegistration[]> {
  if (secret === '') throw new ChannelError('invalid', 'A BigCommerce webhook needs a secret to send back with each delivery.', false);
  const existing = await client.request('GET', '/v3/hooks', collection(hookSchema.extend({ destination: hookSchema.shape.scope })), { query: { limit: 250 } });
  const registrations: WebhookRegistration[] = [];
  for (const scope of WEBHOOK_SCOPES) {
    const body = { scope, destination: callbackUrl, is_active: true, headers: { [SECRET_HEADER]: secret } };
    const found = existing.data.find((hook) => hook.scope === scope && hook.destination === callbackUrl);
    const answer = found
      ? await client.request('PUT', `/v3/hooks/${found.id}`, single(hookSchema), { body })
      : await client.request('POST', '/v3/hooks', single(hookSchema), { body });
    registrations.push({ remoteWebhookId: String(answer.data.id), topic: scope });
  }
  return registrations;
}

export function verifyBcWebhook(headers: Record<string, string | undefined>, _rawBody: Buffer, secret: string): boolean {
  const given = header(headers, SECRET_HEADER);
  if (!given || !secret) return false;
  const expected = Buffer.from(secret, 'utf8');
  const received = Buffer.from(given, 'utf8');
  return received.length === expected.length && timingSafeEqual(received, expected);
}

function topicOf(scope: string): WebhookTopic {
  if (scope.startsWith('store/order/')) return 'order';
  if (scope.includes('/inventory/')) return 'inventory';
  if (scope.startsWith('store/product/') || scope.startsWith('store/sku/')) return 'product';
  return 'other';
}

export function parseBcWebhook(_headers: Record<string, string | undefined>, rawBody: Buffer): WebhookHint {
  let json: unknown;
  try {
    json = JSON.parse(rawBody.toString('utf8'));
  } catch {
    throw new ChannelError('invalid', 'The BigCommerce webhook body is not JSON.', false);
  }
  const parsed = webhookPayloadSchema.safeParse(json);
  if (!parsed.success) throw new ChannelError('invalid', 'The BigCommerce webhook body has no scope or data id.', false);
  const { scope, data, hash, created_at: createdAt } = parsed.data;
  // BigCommerce's `hash` identifies the event; a redelivery repeats it with the same created_at.
  const deliveryId = hash ? `${scope}:${hash}:${createdAt ?? ''}` : `body-${createHash('sha256').update(rawBody).digest('hex')}`;
  const topic = topicOf(scope);
  let remoteId: string | null = String(data.id);
  if (topic === 'inventory') {
    // The variant whose stock changed (or the product, for product-tracked stock).
    const changed = data.inventory?.variant_id ?? data.inventory?.product_id;
    if (changed !== undefined) remoteId = String(changed);
  }
  return { deliveryId, topic, remoteId: topic === 'other' ? null : remoteId };
}
