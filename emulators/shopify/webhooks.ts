// Webhook subscriptions (webhookSubscriptionCreate) and signed deliveries the way Shopify sends
// them: JSON body, X-Shopify-Hmac-Sha256 = base64 HMAC-SHA256(raw body, app client secret).
import { createHmac, randomUUID } from 'node:crypto';
import type { WebhookDispatcher } from '../common/webhook-dispatcher.ts';
import { API_VERSION } from './schema.ts';
import { gid } from './gid.ts';
import { onHand, type InventoryItemRecord, type OrderRecord, type ProductRecord, type RefundRecord, type ShopStore } from './store.ts';

export interface SubscriptionRecord {
  id: number;
  topic: string;
  uri: string;
  format: 'JSON' | 'XML';
  createdAt: string;
}

/** GraphQL topic enum → the REST-style topic Shopify puts in X-Shopify-Topic. */
export function topicHeader(topic: string): string {
  const special: Record<string, string> = { INVENTORY_LEVELS_UPDATE: 'inventory_levels/update' };
  if (special[topic]) return special[topic];
  const [resource, ...action] = topic.toLowerCase().split('_');
  return `${resource}/${action.join('_')}`;
}

/** The topics this emulator delivers; others can be subscribed to but never fire. */
export const DELIVERED_TOPICS = ['ORDERS_CREATE', 'ORDERS_CANCELLED', 'REFUNDS_CREATE', 'INVENTORY_LEVELS_UPDATE', 'PRODUCTS_UPDATE'];

export class WebhookHub {
  readonly subscriptions = new Map<number, SubscriptionRecord>();
  private nextId = 1_500_000_000;

  constructor(
    private readonly store: ShopStore,
    private readonly dispatcher: WebhookDispatcher,
    private readonly secret: string,
  ) {}

  subscribe(topic: string, uri: string, format: 'JSON' | 'XML'): SubscriptionRecord {
    const record = { id: ++this.nextId, topic, uri, format, createdAt: this.store.now() };
    this.subscriptions.set(record.id, record);
    return record;
  }

  clear(): void {
    this.subscriptions.clear();
  }

  sign(body: string): string {
    return createHmac('sha256', this.secret).update(body, 'utf8').digest('base64');
  }

  /** Sends `payload` to every subscription of `topic`. */
  emit(topic: string, payload: unknown): void {
    const targets = [...this.subscriptions.values()].filter((s) => s.topic === topic);
    if (targets.length === 0) return;
    const body = JSON.stringify(payload);
    const eventId = randomUUID();
    const triggeredAt = new Date().toISOString();
    this.dispatcher.enqueue(
      targets.map((s) => ({
        url: s.uri,
        body,
        headers: {
          'content-type': 'application/json',
          'x-shopify-topic': topicHeader(topic),
          'x-shopify-hmac-sha256': this.sign(body),
          'x-shopify-shop-domain': this.store.domain,
          'x-shopify-api-version': API_VERSION,
          'x-shopify-webhook-id': randomUUID(),
          'x-shopify-event-id': eventId,
          'x-shopify-triggered-at': triggeredAt,
        },
      })),
    );
  }

  inventoryLevelUpdated(item: InventoryItemRecord, locationId: number): void {
    const level = this.store.level(item, locationId);
    this.emit('INVENTORY_LEVELS_UPDATE', {
      inventory_item_id: item.id,
      location_id: locationId,
      available: level.available,
      updated_at: level.updatedAt,
      admin_graphql_api_id: `${gid('InventoryLevel', locationId)}?inventory_item_id=${item.id}`,
    });
  }

  productUpdated(product: ProductRecord): void {
    this.emit('PRODUCTS_UPDATE', productPayload(this.store, product));
  }

  orderCreated(order: OrderRecord): void {
    this.emit('ORDERS_CREATE', orderPayload(this.store, order));
  }

  orderCancelled(order: OrderRecord): void {
    this.emit('ORDERS_CANCELLED', orderPayload(this.store, order));
  }

  refundCreated(order: OrderRecord, refund: RefundRecord): void {
    this.emit('REFUNDS_CREATE', refundPayload(this.store, order, refund));
  }
}

function productPayload(store: ShopStore, product: ProductRecord) {
  return {
    id: product.id,
    admin_graphql_api_id: gid('Product', product.id),
    title: product.title,
    handle: product.handle,
    status: product.status.toLowerCase(),
    body_html: product.descriptionHtml,
    vendor: product.vendor,
    product_type: product.productType,
    created_at: product.createdAt,
    updated_at: product.updatedAt,
    options: product.options.map((o) => ({ id: o.id, product_id: product.id, name: o.name, position: o.position, values: o.values.map((v) => v.name) })),
    variants: product.variantIds.map((id) => {
      const v = store.variants.get(id)!;
      const item = store.inventoryItems.get(v.inventoryItemId)!;
      let available = 0;
      let hand = 0;
      for (const level of item.levels.values()) {
        available += level.available;
        hand += onHand(level);
      }
      return {
        id: v.id,
        admin_graphql_api_id: gid('ProductVariant', v.id),
        product_id: product.id,
        title: store.variantTitle(v),
        sku: v.sku,
        barcode: v.barcode,
        price: v.price,
        compare_at_price: v.compareAtPrice,
        position: v.position,
        inventory_policy: v.inventoryPolicy.toLowerCase(),
        inventory_item_id: v.inventoryItemId,
        inventory_quantity: available,
        old_inventory_quantity: hand,
        option1: v.optionValues[0] ?? null,
        option2: v.optionValues[1] ?? null,
        option3: v.optionValues[2] ?? null,
        created_at: v.createdAt,
        updated_at: v.updatedAt,
      };
    }),
  };
}

function lineItemPayload(order: OrderRecord, lineItemId: number) {
  const line = order.lineItems.find((l) => l.id === lineItemId)!;
  return {
    id: line.id,
    admin_graphql_api_id: gid('LineItem', line.id),
    variant_id: line.variantId,
    product_id: line.productId,
    sku: line.sku,
    title: line.title,
    variant_title: line.variantTitle,
    name: line.variantTitle ? `${line.title} - ${line.variantTitle}` : line.title,
    quantity: line.quantity,
    price: line.price,
    fulfillable_quantity: order.cancelledAt ? 0 : line.quantity,
  };
}

function orderPayload(store: ShopStore, order: OrderRecord) {
  return {
    id: order.id,
    admin_graphql_api_id: gid('Order', order.id),
    name: order.name,
    order_number: order.number,
    created_at: order.createdAt,
    updated_at: order.updatedAt,
    cancelled_at: order.cancelledAt,
    cancel_reason: order.cancelledAt ? 'customer' : null,
    currency: store.currencyCode,
    financial_status: order.refunds.length ? 'refunded' : 'paid',
    fulfillment_status: null,
    line_items: order.lineItems.map((l) => lineItemPayload(order, l.id)),
    refunds: order.refunds.map((r) => refundPayload(store, order, r)),
  };
}

function refundPayload(_store: ShopStore, order: OrderRecord, refund: RefundRecord) {
  return {
    id: refund.id,
    admin_graphql_api_id: gid('Refund', refund.id),
    order_id: order.id,
    created_at: refund.createdAt,
    processed_at: refund.createdAt,
    restock: refund.lines.some((l) => l.restockType !== 'NO_RESTOCK'),
    refund_line_items: refund.lines.map((l) => ({
      id: l.id,
      line_item_id: l.lineItemId,
      quantity: l.quantity,
      restock_type: l.restockType.toLowerCase(),
      location_id: l.locationId,
      line_item: lineItemPayload(order, l.lineItemId),
    })),
  };
}
