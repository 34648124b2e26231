// What the shared /__emulator/ control routes mean on Shopify: a shopper's order commits
// stock (available → committed, on_hand unchanged), a cancel with restock releases it, and a
// direct stock edit sets `available` as the shop admin would. Each fires Shopify's webhooks.
import { ControlError, type ControlHandlers, type InventoryInput, type OrderInput } from '../common/control-routes.ts';
import { gid, parseGid } from './gid.ts';
import type { WebhookHub } from './webhooks.ts';
import type { OrderRecord, ShopStore, VariantRecord } from './store.ts';

export class ShopifyControlActions implements Omit<ControlHandlers, 'reset'> {
  constructor(
    private readonly store: () => ShopStore,
    private readonly webhooks: () => WebhookHub,
  ) {}

  placeOrder(input: OrderInput): { id: string; name: string } {
    const store = this.store();
    const location = store.firstLocation();
    if (!location) throw new ControlError(409, 'NO_LOCATION', 'the shop has no location to sell from');
    const resolved: Array<{ variant: VariantRecord; quantity: number }> = [];
    const wanted = new Map<number, number>();
    for (const line of input.lines) {
      const variant = store.variantsBySku(line.sku)[0];
      if (!variant) throw new ControlError(422, 'UNKNOWN_SKU', `no variant has the SKU "${line.sku}"`);
      resolved.push({ variant, quantity: line.quantity });
      wanted.set(variant.id, (wanted.get(variant.id) ?? 0) + line.quantity);
    }
    // Checkout refuses what a DENY-policy tracked variant does not have available.
    for (const [variantId, quantity] of wanted) {
      const variant = store.variants.get(variantId)!;
      const item = store.inventoryItems.get(variant.inventoryItemId)!;
      const available = store.level(item, location.id).available;
      if (item.tracked && variant.inventoryPolicy === 'DENY' && available < quantity) {
        throw new ControlError(
          409,
          'OUT_OF_STOCK',
          `SKU "${variant.sku}" has ${available} available at ${location.name}; an order for ${quantity} cannot be placed`,
        );
      }
    }
    const now = store.now();
    const number = store.nextOrderNumber++;
    const order: OrderRecord = {
      id: store.nextId('Order'),
      name: `#${number}`,
      number,
      createdAt: now,
      updatedAt: now,
      cancelledAt: null,
      refunds: [],
      lineItems: resolved.map(({ variant, quantity }) => {
        const product = store.products.get(variant.productId)!;
        return {
          id: store.nextId('LineItem'),
          variantId: variant.id,
          productId: product.id,
          sku: variant.sku,
          title: product.title,
          variantTitle: variant.optionValues.length ? store.variantTitle(variant) : null,
          quantity,
          price: variant.price,
          locationId: location.id,
        };
      }),
    };
    store.orders.set(order.id, order);
    const touched = new Set<number>();
    for (const line of order.lineItems) {
      const item = store.inventoryItems.get(store.variants.get(line.variantId!)!.inventoryItemId)!;
      if (!item.tracked) continue;
      const level = store.level(item, line.locationId);
      level.available -= line.quantity;
      level.committed += line.quantity;
      level.updatedAt = now;
      touched.add(item.id);
    }
    const hub = this.webhooks();
    hub.orderCreated(order);
    for (const itemId of touched) hub.inventoryLevelUpdated(store.inventoryItems.get(itemId)!, location.id);
    return { id: gid('Order', order.id), name: order.name };
  }

  cancelOrder(id: string, restock: boolean): { id: string } {
    const store = this.store();
    const numeric = parseGid(id, 'Order') ?? (/^\d+$/.test(id) ? Number(id) : null);
    const order = numeric === null ? undefined : store.orders.get(numeric);
    if (!order) throw new ControlError(404, 'ORDER_NOT_FOUND', `no order with id "${id}"`);
    if (order.cancelledAt) throw new ControlError(409, 'ALREADY_CANCELLED', `order ${order.name} is already cancelled`);
    const now = store.now();
    order.cancelledAt = now;
    order.updatedAt = now;
    const touched = new Map<number, number>();
    const refund = {
      id: store.nextId('Refund'),
      createdAt: now,
      lines: [] as OrderRecord['refunds'][number]['lines'],
    };
    for (const line of order.lineItems) {
      const variant = line.variantId === null ? undefined : store.variants.get(line.variantId);
      const item = variant ? store.inventoryItems.get(variant.inventoryItemId) : undefined;
      if (item?.tracked) {
        const level = store.level(item, line.locationId);
        // Unfulfilled units leave `committed`; with restock they go back to `available`,
        // without it they leave the shop's stock (on_hand falls).
        level.committed -= line.quantity;
        if (restock) level.available += line.quantity;
        level.updatedAt = now;
        touched.set(item.id, line.locationId);
      }
      refund.lines.push({
        id: store.nextId('LineItem'),
        lineItemId: line.id,
        quantity: line.quantity,
        restockType: restock ? 'CANCEL' : 'NO_RESTOCK',
        locationId: line.locationId,
      });
    }
    order.refunds.push(refund);
    const hub = this.webhooks();
    hub.orderCancelled(order);
    hub.refundCreated(order, refund);
    for (const [itemId, locationId] of touched) hub.inventoryLevelUpdated(store.inventoryItems.get(itemId)!, locationId);
    return { id: gid('Order', order.id) };
  }

  setInventory(input: InventoryInput) {
    const store = this.store();
    const variants = store.variantsBySku(input.sku);
    if (variants.length === 0) throw new ControlError(404, 'UNKNOWN_SKU', `no variant has the SKU "${input.sku}"`);
    const locationId = input.location === undefined ? store.firstLocation()?.id : (parseGid(input.location, 'Location') ?? -1);
    if (locationId === undefined || !store.locations.has(locationId)) {
      throw new ControlError(404, 'UNKNOWN_LOCATION', `no location "${input.location ?? '(default)'}"`);
    }
    const now = store.now();
    for (const variant of variants) {
      const item = store.inventoryItems.get(variant.inventoryItemId)!;
      const level = store.level(item, locationId);
      level.available = input.quantity;
      level.updatedAt = now;
      item.updatedAt = now;
      this.webhooks().inventoryLevelUpdated(item, locationId);
    }
    return { sku: input.sku, location: gid('Location', locationId), available: input.quantity };
  }

  state() {
    const store = this.store();
    return {
      locations: [...store.locations.values()].map((l) => ({ id: gid('Location', l.id), name: l.name })),
      products: store.productList().map((p) => ({
        id: gid('Product', p.id),
        title: p.title,
        handle: p.handle,
        status: p.status,
        description: p.descriptionHtml,
        variants: p.variantIds.map((id) => {
          const v = store.variants.get(id)!;
          const item = store.inventoryItems.get(v.inventoryItemId)!;
          return {
            id: gid('ProductVariant', v.id),
            sku: v.sku,
            barcode: v.barcode,
            price: v.price,
            options: v.optionValues,
            quantities: Object.fromEntries([...item.levels].map(([loc, level]) => [gid('Location', loc), level.available])),
          };
        }),
      })),
    };
  }
}
