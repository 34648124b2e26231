// GraphQL views of orders, line items and refunds.
import { gid } from './gid.ts';
import { connection, type PageArgs } from './connection.ts';
import type { ShopifyContext } from './context.ts';
import { LocationView, ProductView, VariantView } from './catalog-views.ts';
import type { LineItemRecord, OrderRecord, RefundRecord, ShopStore } from './store.ts';

const money = (store: ShopStore, amount: string) => ({
  __typename: 'MoneyBag',
  shopMoney: { __typename: 'MoneyV2', amount, currencyCode: store.currencyCode },
  presentmentMoney: { __typename: 'MoneyV2', amount, currencyCode: store.currencyCode },
});

/** Units of a line item taken back by refunds or cancellation. */
function removedQuantity(order: OrderRecord, lineItemId: number): number {
  let removed = 0;
  for (const refund of order.refunds) for (const line of refund.lines) if (line.lineItemId === lineItemId) removed += line.quantity;
  return removed;
}

export class OrderView {
  readonly __typename = 'Order';
  constructor(
    private readonly store: ShopStore,
    readonly record: OrderRecord,
  ) {}
  get id() {
    return gid('Order', this.record.id);
  }
  get legacyResourceId() {
    return String(this.record.id);
  }
  get name() {
    return this.record.name;
  }
  get createdAt() {
    return this.record.createdAt;
  }
  get processedAt() {
    return this.record.createdAt;
  }
  get updatedAt() {
    return this.record.updatedAt;
  }
  get cancelledAt() {
    return this.record.cancelledAt;
  }
  get cancelReason() {
    return this.record.cancelledAt ? 'CUSTOMER' : null;
  }
  get closed() {
    return false;
  }
  get confirmed() {
    return true;
  }
  get test() {
    return false;
  }
  get currencyCode() {
    return this.store.currencyCode;
  }
  get displayFulfillmentStatus() {
    return 'UNFULFILLED';
  }
  get displayFinancialStatus() {
    return this.record.refunds.length > 0 ? 'REFUNDED' : 'PAID';
  }
  get totalPriceSet() {
    const total = this.record.lineItems.reduce((sum, l) => sum + Math.round(Number(l.price) * 100) * l.quantity, 0);
    return money(this.store, (total / 100).toFixed(2));
  }
  lineItems(args: PageArgs, ctx: ShopifyContext) {
    return connection(this.record.lineItems, (l) => [l.id], (l) => new LineItemView(this.store, this.record, l), args, {
      unlimited: ctx.bulk,
    });
  }
  refunds(args: { first?: number | null }) {
    const refunds = args.first != null ? this.record.refunds.slice(0, args.first) : this.record.refunds;
    return refunds.map((r) => new RefundView(this.store, this.record, r));
  }
}

export class LineItemView {
  readonly __typename = 'LineItem';
  constructor(
    private readonly store: ShopStore,
    private readonly order: OrderRecord,
    readonly record: LineItemRecord,
  ) {}
  get id() {
    return gid('LineItem', this.record.id);
  }
  get sku() {
    return this.record.sku;
  }
  get title() {
    return this.record.title;
  }
  get name() {
    return this.record.variantTitle ? `${this.record.title} - ${this.record.variantTitle}` : this.record.title;
  }
  get variantTitle() {
    return this.record.variantTitle;
  }
  get quantity() {
    return this.record.quantity;
  }
  get currentQuantity() {
    return this.record.quantity - removedQuantity(this.order, this.record.id);
  }
  get unfulfilledQuantity() {
    return this.currentQuantity;
  }
  get refundableQuantity() {
    return this.currentQuantity;
  }
  get fulfillableQuantity() {
    return this.order.cancelledAt ? 0 : this.currentQuantity;
  }
  get originalUnitPriceSet() {
    return money(this.store, this.record.price);
  }
  get variant() {
    const variant = this.record.variantId === null ? undefined : this.store.variants.get(this.record.variantId);
    return variant ? new VariantView(this.store, variant) : null;
  }
  get product() {
    const product = this.record.productId === null ? undefined : this.store.products.get(this.record.productId);
    return product ? new ProductView(this.store, product) : null;
  }
}

export class RefundView {
  readonly __typename = 'Refund';
  constructor(
    private readonly store: ShopStore,
    private readonly orderRecord: OrderRecord,
    readonly record: RefundRecord,
  ) {}
  get id() {
    return gid('Refund', this.record.id);
  }
  get legacyResourceId() {
    return String(this.record.id);
  }
  get createdAt() {
    return this.record.createdAt;
  }
  get processedAt() {
    return this.record.createdAt;
  }
  get updatedAt() {
    return this.record.createdAt;
  }
  get note() {
    return null;
  }
  get order() {
    return new OrderView(this.store, this.orderRecord);
  }
  refundLineItems(args: PageArgs, ctx: ShopifyContext) {
    return connection(
      this.record.lines,
      (l) => [l.id],
      (line) => ({
        __typename: 'RefundLineItem',
        id: gid('RefundLineItem', line.id),
        quantity: line.quantity,
        restockType: line.restockType,
        restocked: line.restockType !== 'NO_RESTOCK',
        lineItem: new LineItemView(this.store, this.orderRecord, this.orderRecord.lineItems.find((l) => l.id === line.lineItemId)!),
        location: new LocationView(this.store, this.store.locations.get(line.locationId)!),
      }),
      args,
      { unlimited: ctx.bulk },
    );
  }
}
