// Orders and the stock they move: processing, on-hold and completed reduce stock at once
// (oversold stock goes negative); cancelled or pending put reduced stock back; trash does not.
import { randomBytes } from 'node:crypto';
import type { Catalog } from './catalog.ts';
import type { ProductRecord } from './product-record.ts';
import { settleStock, stockHolder } from './stock-rules.ts';
import { activePrice } from './product-json.ts';
import { InputReader, isObject } from './input-reader.ts';
import { WooError, invalidParam } from './woo-error.ts';
import { nowSeconds } from './dates.ts';

export const ORDER_STATUSES = ['pending', 'processing', 'on-hold', 'completed', 'cancelled', 'refunded', 'failed', 'trash'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
const REDUCING = new Set<OrderStatus>(['processing', 'on-hold', 'completed']);
const RESTORING = new Set<OrderStatus>(['cancelled', 'pending']);

export interface OrderLine {
  id: number;
  productId: number;
  variationId: number;
  name: string;
  sku: string;
  quantity: number;
  price: number;
  /** The record whose stock this line reduced, and by how much. */
  reduced: { holderId: number; quantity: number } | null;
}

export interface OrderRecord {
  id: number;
  orderKey: string;
  status: OrderStatus;
  currency: string;
  createdVia: string;
  customerId: number;
  customerNote: string;
  billing: Record<string, string>;
  shipping: Record<string, string>;
  paymentMethod: string;
  paymentMethodTitle: string;
  lines: OrderLine[];
  createdS: number;
  modifiedS: number;
  paidS: number | null;
  completedS: number | null;
}

/** Stock changes and order changes, for webhooks. */
export interface OrderEffects {
  stockChanged(record: ProductRecord): void;
  orderCreated(order: OrderRecord): void;
  orderUpdated(order: OrderRecord): void;
}

const BILLING_FIELDS = ['first_name', 'last_name', 'company', 'address_1', 'address_2', 'city', 'state', 'postcode', 'country', 'email', 'phone'];

function address(input: unknown, fields: string[], previous?: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) out[f] = previous?.[f] ?? '';
  if (isObject(input)) for (const f of fields) if (input[f] !== undefined) out[f] = String(input[f]);
  return out;
}

export class OrderBook {
  readonly orders = new Map<number, OrderRecord>();

  constructor(
    private readonly catalog: Catalog,
    private readonly effects: OrderEffects,
  ) {}

  create(input: Record<string, unknown>, createdVia: 'rest-api' | 'checkout'): OrderRecord {
    const r = new InputReader(input, 'strict');
    const status = r.oneOf('status', ORDER_STATUSES.filter((s) => s !== 'trash')) ?? 'pending';
    const setPaid = r.boolean('set_paid') ?? false;
    const items = r.objects('line_items') ?? [];
    const lines = items.map((item) => this.lineFrom(item));
    const now = nowSeconds();
    const order: OrderRecord = {
      id: this.catalog.allocateId(),
      orderKey: `wc_order_${randomBytes(7).toString('hex').slice(0, 13)}`,
      status: 'pending',
      currency: r.string('currency') ?? 'USD',
      createdVia,
      customerId: r.integer('customer_id') ?? 0,
      customerNote: r.string('customer_note') ?? '',
      billing: address(input.billing, BILLING_FIELDS),
      shipping: address(input.shipping, BILLING_FIELDS.filter((f) => f !== 'email')),
      paymentMethod: r.string('payment_method') ?? '',
      paymentMethodTitle: r.string('payment_method_title') ?? '',
      lines: lines.map((l) => ({ ...l, id: this.catalog.allocateId() })),
      createdS: now,
      modifiedS: now,
      paidS: null,
      completedS: null,
    };
    this.orders.set(order.id, order);
    const finalStatus = setPaid && status === 'pending' ? 'processing' : status;
    if (setPaid) order.paidS = now;
    this.effects.orderCreated(order);
    if (finalStatus !== 'pending') this.moveTo(order, finalStatus);
    return order;
  }

  update(order: OrderRecord, input: Record<string, unknown>): OrderRecord {
    const r = new InputReader(input, 'strict');
    const status = r.oneOf('status', ORDER_STATUSES);
    const setPaid = r.boolean('set_paid');
    const note = r.string('customer_note');
    if (note !== undefined) order.customerNote = note;
    if (input.billing !== undefined) order.billing = address(input.billing, BILLING_FIELDS, order.billing);
    order.modifiedS = nowSeconds();
    if (setPaid && !order.paidS) order.paidS = nowSeconds();
    const target = status ?? (setPaid && order.status === 'pending' ? 'processing' : undefined);
    if (target && target !== order.status) this.moveTo(order, target);
    else this.effects.orderUpdated(order);
    return order;
  }

  /** Changes status with WooCommerce's stock effects, then fires order.updated. */
  moveTo(order: OrderRecord, status: OrderStatus, restock = true): void {
    order.status = status;
    order.modifiedS = nowSeconds();
    if (status === 'completed') order.completedS = order.modifiedS;
    if ((status === 'processing' || status === 'completed') && !order.paidS) order.paidS = order.modifiedS;
    if (REDUCING.has(status)) this.reduceStock(order);
    else if (RESTORING.has(status) && restock) this.restoreStock(order);
    this.effects.orderUpdated(order);
  }

  private lineFrom(item: Record<string, unknown>): Omit<OrderLine, 'id'> {
    const r = new InputReader(item, 'strict');
    const quantity = r.integer('quantity') ?? 1;
    if (quantity <= 0) {
      throw new WooError(400, 'woocommerce_rest_invalid_product_quantity', 'Product quantity must be a positive float.');
    }
    const productId = r.integer('product_id') ?? 0;
    const variationId = r.integer('variation_id') ?? 0;
    const sku = r.string('sku');
    let record: ProductRecord | undefined;
    if (variationId) record = this.catalog.get(variationId);
    else if (productId) record = this.catalog.get(productId);
    else if (sku) record = this.catalog.findBySku(sku);
    else throw new WooError(400, 'woocommerce_rest_required_product_reference', 'Product ID or SKU is required.');
    if (!record || record.status === 'trash' || (variationId && record.type !== 'variation')) {
      throw new WooError(400, 'woocommerce_rest_invalid_product_id', 'Product ID provided is invalid.');
    }
    const parent = record.type === 'variation' ? this.catalog.get(record.parentId) : undefined;
    const options = record.chosen.map((a) => a.option).join(', ');
    return {
      productId: parent ? parent.id : record.id,
      variationId: parent ? record.id : 0,
      name: parent ? `${parent.name}${options ? ` - ${options}` : ''}` : record.name,
      sku: record.sku,
      quantity,
      price: Number(activePrice(this.catalog, record) || 0),
      reduced: null,
    };
  }

  private reduceStock(order: OrderRecord): void {
    const changed = new Map<number, ProductRecord>();
    for (const line of order.lines) {
      if (line.reduced) continue;
      const record = this.catalog.get(line.variationId || line.productId);
      if (!record) continue;
      record.totalSales += line.quantity;
      const holder = stockHolder(this.catalog, record);
      if (!holder) continue;
      holder.stockQuantity = (holder.stockQuantity ?? 0) - line.quantity;
      holder.modifiedS = nowSeconds();
      settleStock(holder);
      line.reduced = { holderId: holder.id, quantity: line.quantity };
      changed.set(holder.id, holder);
    }
    for (const record of changed.values()) this.effects.stockChanged(record);
  }

  private restoreStock(order: OrderRecord): void {
    const changed = new Map<number, ProductRecord>();
    for (const line of order.lines) {
      if (!line.reduced) continue;
      const holder = this.catalog.get(line.reduced.holderId);
      if (holder?.manageStock) {
        holder.stockQuantity = (holder.stockQuantity ?? 0) + line.reduced.quantity;
        holder.modifiedS = nowSeconds();
        settleStock(holder);
        changed.set(holder.id, holder);
      }
      line.reduced = null;
    }
    for (const record of changed.values()) this.effects.stockChanged(record);
  }
}

export function orderStatusParam(value: string): OrderStatus[] | 'any' {
  if (value === 'any') return 'any';
  const list = value.split(',').map((s) => s.trim());
  for (const s of list) {
    if (!(ORDER_STATUSES as readonly string[]).includes(s)) {
      throw invalidParam('status', `status[0] is not one of any, ${ORDER_STATUSES.join(', ')}.`);
    }
  }
  return list as OrderStatus[];
}
