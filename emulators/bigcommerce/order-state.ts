// Orders as BigCommerce's v2 Orders API keeps them. Placing one takes stock from the default
// location at once; cancelling it puts the stock back.
import { BcError } from './bc-error.ts';
import type { CatalogState, InventoryChange, Variant } from './catalog-state.ts';

export const ORDER_STATUSES: Record<number, string> = {
  0: 'Incomplete',
  1: 'Pending',
  2: 'Shipped',
  3: 'Partially Shipped',
  4: 'Refunded',
  5: 'Cancelled',
  6: 'Declined',
  7: 'Awaiting Payment',
  8: 'Awaiting Pickup',
  9: 'Awaiting Shipment',
  10: 'Completed',
  11: 'Awaiting Fulfillment',
  12: 'Manual Verification Required',
  13: 'Disputed',
  14: 'Partially Refunded',
};

export interface OrderLine {
  id: number;
  product_id: number;
  variant_id: number;
  sku: string;
  name: string;
  quantity: number;
  price: number;
  quantity_refunded: number;
}

export interface Order {
  id: number;
  status_id: number;
  date_created: Date;
  date_modified: Date;
  lines: OrderLine[];
}

export class OrderState {
  readonly orders = new Map<number, Order>();
  private nextOrderId = 100;
  private nextLineId = 1;

  constructor(private readonly catalog: CatalogState) {}

  clear(): void {
    this.orders.clear();
    this.nextOrderId = 100;
    this.nextLineId = 1;
  }

  get(id: number): Order {
    const order = this.orders.get(id);
    if (!order) throw new BcError(404, 'The requested resource was not found.');
    return order;
  }

  /** A shopper's order: status Awaiting Fulfillment, stock taken from the default location. */
  place(lines: Array<{ sku: string; quantity: number }>): { order: Order; changes: InventoryChange[] } {
    if (lines.length === 0) throw new BcError(400, 'An order needs at least one line.');
    const resolved: Array<{ variant: Variant; quantity: number }> = [];
    for (const line of lines) {
      if (!Number.isInteger(line.quantity) || line.quantity <= 0) throw new BcError(400, `Quantity for ${line.sku} must be a whole number above 0.`);
      const variant = this.catalog.variantBySku(line.sku);
      if (!variant) throw new BcError(400, `No product or variant has SKU "${line.sku}".`);
      resolved.push({ variant, quantity: line.quantity });
    }
    const now = new Date();
    const order: Order = {
      id: this.nextOrderId++,
      status_id: 11,
      date_created: now,
      date_modified: now,
      lines: resolved.map(({ variant, quantity }) => {
        const product = this.catalog.product(variant.product_id);
        return {
          id: this.nextLineId++,
          product_id: product.id,
          variant_id: variant.id,
          sku: variant.sku,
          name: product.name,
          quantity,
          price: variant.price ?? product.price,
          quantity_refunded: 0,
        };
      }),
    };
    this.orders.set(order.id, order);
    return { order, changes: this.moveStock(order, -1) };
  }

  /** Cancels an order; with restock the stock it took goes back to the default location. */
  cancel(id: number, restock: boolean): { order: Order; changes: InventoryChange[] } {
    const order = this.get(id);
    if (order.status_id === 5) return { order, changes: [] };
    order.status_id = 5;
    order.date_modified = new Date();
    return { order, changes: restock ? this.moveStock(order, +1) : [] };
  }

  setStatus(id: number, statusId: number): { order: Order; changes: InventoryChange[] } {
    if (!(statusId in ORDER_STATUSES)) throw new BcError(400, `status_id ${statusId} is not a valid order status.`);
    if (statusId === 5) return this.cancel(id, true);
    const order = this.get(id);
    order.status_id = statusId;
    order.date_modified = new Date();
    return { order, changes: [] };
  }

  private moveStock(order: Order, sign: 1 | -1): InventoryChange[] {
    const changes: InventoryChange[] = [];
    const locationId = this.catalog.defaultLocationId;
    for (const line of order.lines) {
      const variant = this.catalog.variants.get(line.variant_id);
      if (!variant) continue;
      const product = this.catalog.product(variant.product_id);
      if (product.inventory_tracking === 'none') continue;
      const value = (variant.inventory.get(locationId) ?? 0) + sign * line.quantity;
      this.catalog.setInventory(variant, locationId, value);
      changes.push({ product, variant, locationId, value: sign * line.quantity, method: 'relative' });
    }
    return changes;
  }
}
