// WooCommerce webhooks: X-WC-Webhook-Signature is base64(HMAC-SHA256(raw body, secret)). WooCommerce
// never retries a failed delivery and disables failing hooks, so webhooks only speed up polling.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { WebhookHint, WebhookRegistration, WebhookTopic } from '../channel.ts';
import { webhookSchema } from './payloads.ts';
import type { WooRestClient } from './rest-client.ts';

const TOPICS = ['order.created', 'order.updated', 'product.updated'];

function header(headers: Record<string, string | undefined>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

export async function registerWooWebhooks(client: WooRestClient, callbackUrl: string, secret: string): Promise<WebhookRegistration[]> {
  const registrations: WebhookRegistration[] = [];
  for (const topic of TOPICS) {
    const answer = await client.request('POST', 'webhooks', webhookSchema, {
      body: { name: `Stockroom ${topic}`, topic, delivery_url: callbackUrl, secret, status: 'active' },
    });
    registrations.push({ remoteWebhookId: String(answer.body.id), topic });
  }
  return registrations;
}

/** The unsigned form body WooCommerce sends once when a hook is created; it carries nothing to act on. */
function isCreationPing(headers: Record<string, string | undefined>, rawBody: Buffer): boolean {
  return header(headers, 'x-wc-webhook-topic') === undefined && /^webhook_id=\d+$/.test(rawBody.toString('utf8').trim());
}

export function verifyWooWebhook(headers: Record<string, string | undefined>, rawBody: Buffer, secret: string): boolean {
  const given = header(headers, 'x-wc-webhook-signature');
  // WooCommerce wants a 2xx for the ping it sends while the hook is being created. It is let
  // through because it can do nothing: it parses to topic 'other' with no object to re-read.
  if (!given) return isCreationPing(headers, rawBody);
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  const received = Buffer.from(given, 'base64');
  return received.length === expected.length && timingSafeEqual(received, expected);
}

export function parseWooWebhook(headers: Record<string, string | undefined>, rawBody: Buffer): WebhookHint {
  const topicHeader = header(headers, 'x-wc-webhook-topic') ?? '';
  const deliveryId = header(headers, 'x-wc-webhook-delivery-id') ?? `body-${createHash('sha256').update(rawBody).digest('hex')}`;
  const resource = topicHeader.split('.')[0];
  const topic: WebhookTopic = resource === 'order' ? 'order' : resource === 'product' ? 'product' : 'other';
  let remoteId: string | null = null;
  try {
    const body = JSON.parse(rawBody.toString('utf8')) as { id?: unknown };
    if (typeof body.id === 'number' || typeof body.id === 'string') remoteId = String(body.id);
  } catch {
    // The ping sent when a hook is created is form-encoded (webhook_id=N): nothing to re-read.
  }
  return { deliveryId, topic: topic === 'other' || remoteId === null ? 'other' : topic, remoteId: topic === 'other' ? null : remoteId };
}
