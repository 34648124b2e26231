// Webhooks registered through /wc/v3/webhooks. The secret is kept but never shown.
import { randomBytes } from 'node:crypto';
import { InputReader } from './input-reader.ts';
import { WooError, invalidParam } from './woo-error.ts';
import { nowSeconds, wooDate } from './dates.ts';
import { API_PREFIX } from './product-json.ts';

export interface WebhookRecord {
  id: number;
  name: string;
  status: 'active' | 'paused' | 'disabled';
  topic: string;
  secret: string;
  deliveryUrl: string;
  apiVersion: string;
  createdS: number;
  modifiedS: number;
  failureCount: number;
  deliveries: number;
}

const RESOURCES = ['coupon', 'customer', 'order', 'product'];
const EVENTS = ['created', 'updated', 'deleted', 'restored'];

const HOOKS: Record<string, string[]> = {
  'order.created': ['woocommerce_new_order'],
  'order.updated': ['woocommerce_update_order', 'woocommerce_order_refunded'],
  'product.created': ['woocommerce_process_product_meta', 'woocommerce_new_product', 'woocommerce_new_product_variation'],
  'product.updated': ['woocommerce_process_product_meta', 'woocommerce_update_product', 'woocommerce_update_product_variation'],
};

export function hooksFor(topic: string): string[] {
  if (HOOKS[topic]) return HOOKS[topic];
  const [resource, event] = topic.split('.');
  if (topic.startsWith('action.')) return [topic.slice('action.'.length)];
  if (event === 'deleted') return ['wp_trash_post'];
  if (event === 'restored') return ['untrashed_post'];
  return [`woocommerce_${event === 'created' ? 'new' : 'update'}_${resource}`];
}

export function validTopic(topic: string): boolean {
  if (/^action\.\w+$/.test(topic)) return true;
  const [resource, event, extra] = topic.split('.');
  return extra === undefined && RESOURCES.includes(resource) && EVENTS.includes(event);
}

export class WebhookRegistry {
  readonly hooks = new Map<number, WebhookRecord>();

  constructor(private readonly allocateId: () => number) {}

  write(existing: WebhookRecord | undefined, input: Record<string, unknown>): WebhookRecord {
    const r = new InputReader(input, 'strict');
    const draft: WebhookRecord = existing
      ? { ...existing }
      : {
          id: 0,
          name: '',
          status: 'active',
          topic: '',
          secret: randomBytes(24).toString('base64url'),
          deliveryUrl: '',
          apiVersion: 'wp_api_v3',
          createdS: nowSeconds(),
          modifiedS: nowSeconds(),
          failureCount: 0,
          deliveries: 0,
        };
    const topic = r.string('topic');
    if (topic !== undefined) draft.topic = topic;
    if (!validTopic(draft.topic)) {
      throw new WooError(400, 'woocommerce_rest_webhook_invalid_topic', 'Webhook topic is required and must be valid.');
    }
    const url = r.string('delivery_url');
    if (url !== undefined) draft.deliveryUrl = url;
    if (!/^https?:\/\/[^\s]+$/.test(draft.deliveryUrl)) {
      throw invalidParam('delivery_url', 'Invalid URL.');
    }
    const name = r.string('name');
    if (name !== undefined) draft.name = name;
    if (!draft.name) draft.name = `Webhook created on ${new Date().toUTCString()}`;
    const status = r.oneOf('status', ['active', 'paused', 'disabled'] as const);
    if (status) {
      draft.status = status;
      if (status === 'active') draft.failureCount = 0;
    }
    const secret = r.string('secret');
    if (secret !== undefined && secret !== '') draft.secret = secret;
    if (!existing) draft.id = this.allocateId();
    draft.modifiedS = nowSeconds();
    this.hooks.set(draft.id, draft);
    return draft;
  }

  subscribedTo(topic: string): WebhookRecord[] {
    return [...this.hooks.values()].filter((h) => h.status === 'active' && h.topic === topic);
  }
}

export function webhookJson(h: WebhookRecord, origin: string) {
  const [resource, event] = h.topic.startsWith('action.') ? ['action', h.topic.slice(7)] : h.topic.split('.');
  return {
    id: h.id,
    name: h.name,
    status: h.status,
    topic: h.topic,
    resource,
    event,
    hooks: hooksFor(h.topic),
    delivery_url: h.deliveryUrl,
    date_created: wooDate(h.createdS),
    date_created_gmt: wooDate(h.createdS),
    date_modified: wooDate(h.modifiedS),
    date_modified_gmt: wooDate(h.modifiedS),
    _links: {
      self: [{ href: `${origin}${API_PREFIX}/webhooks/${h.id}` }],
      collection: [{ href: `${origin}${API_PREFIX}/webhooks` }],
    },
  };
}
