// The whole emulated store: catalogue, orders and webhooks, and the webhook effects of changes.
import type { FaultInjector } from '../common/fault-injector.ts';
import { Catalog } from './catalog.ts';
import { OrderBook } from './order-book.ts';
import { WebhookRegistry } from './webhook-registry.ts';
import { WebhookSender, type WebhookEvent } from './webhook-sender.ts';
import { orderJson } from './order-json.ts';
import { productJson, variationJson } from './product-json.ts';
import type { ProductRecord } from './product-record.ts';

export class WooStore {
  readonly catalog = new Catalog();
  readonly webhooks: WebhookRegistry;
  readonly sender: WebhookSender;
  readonly orders: OrderBook;

  constructor(faults: FaultInjector, delayMs: number, readonly origin: () => string) {
    this.webhooks = new WebhookRegistry(() => this.catalog.allocateId());
    this.sender = new WebhookSender({
      registry: this.webhooks,
      faults,
      delayMs,
      source: origin,
      payload: (resource, id) => {
        if (resource === 'order') {
          const order = this.orders.orders.get(id);
          return order ? orderJson(order, origin()) : null;
        }
        const record = this.catalog.get(id);
        return record ? this.productPayload(record) : null;
      },
    });
    this.orders = new OrderBook(this.catalog, {
      stockChanged: (record) => this.productChanged(record, 'updated'),
      orderCreated: (order) => this.sender.notify('order', 'created', order.id),
      orderUpdated: (order) => this.sender.notify('order', 'updated', order.id),
    });
  }

  /** A product's or variation's own JSON (a variation's webhook payload is the variation). */
  productPayload(record: ProductRecord) {
    return record.type === 'variation'
      ? variationJson(this.catalog, record, this.origin())
      : productJson(this.catalog, record, this.origin());
  }

  productChanged(record: ProductRecord, event: WebhookEvent): void {
    this.sender.notify('product', event, record.id);
  }
}
