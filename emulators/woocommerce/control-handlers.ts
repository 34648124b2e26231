// What the shared /__emulator/ control routes mean on WooCommerce.
import { ControlError, type ControlHandlers, type InventoryInput, type OrderInput } from '../common/control-routes.ts';
import type { WooStore } from './woo-store.ts';
import type { ProductRecord } from './product-record.ts';
import { settleStock, stockHolder, visibleStock } from './stock-rules.ts';
import { activePrice } from './product-json.ts';
import { nowSeconds } from './dates.ts';

export const LOCATION = { id: 'default', name: 'Default' };

function sellable(store: WooStore, sku: string): ProductRecord {
  const record = store.catalog.findBySku(sku);
  if (!record) throw new ControlError(422, 'UNKNOWN_SKU', `no product or variation has SKU "${sku}"`);
  if (record.type === 'variable') {
    throw new ControlError(422, 'NOT_SELLABLE', `"${sku}" is a variable product; order one of its variations`);
  }
  return record;
}

export function controlHandlers(store: WooStore, reset: () => void): ControlHandlers {
  const { catalog } = store;
  return {
    placeOrder(input: OrderInput) {
      const lineItems = input.lines.map((line) => {
        const record = sellable(store, line.sku);
        return record.type === 'variation'
          ? { product_id: record.parentId, variation_id: record.id, quantity: line.quantity }
          : { product_id: record.id, quantity: line.quantity };
      });
      const order = store.orders.create(
        { status: 'processing', set_paid: true, payment_method: 'cod', payment_method_title: 'Cash on delivery', line_items: lineItems },
        'checkout',
      );
      return { id: String(order.id), name: `#${order.id}` };
    },
    cancelOrder(id: string, restock: boolean) {
      const order = store.orders.orders.get(Number(id));
      if (!order) throw new ControlError(404, 'NOT_FOUND', `no order ${id}`);
      store.orders.moveTo(order, 'cancelled', restock);
      return { id: String(order.id) };
    },
    state() {
      // Unmanaged stock has no quantity: the location is left out rather than given a number.
      const quantitiesOf = (r: ProductRecord): Record<string, number> => {
        const quantity = visibleStock(catalog, r).quantity;
        return quantity === null ? {} : { [LOCATION.id]: quantity };
      };
      const variant = (r: ProductRecord) => ({
        id: String(r.id),
        sku: r.sku,
        barcode: r.globalUniqueId || null,
        price: activePrice(catalog, r),
        options: r.chosen.map((a) => a.option),
        quantities: quantitiesOf(r),
      });
      return {
        locations: [LOCATION],
        products: catalog
          .productsByDate()
          .filter((p) => p.status !== 'trash')
          .map((p) => ({
            id: String(p.id),
            title: p.name,
            handle: p.slug,
            status: p.status,
            description: p.description,
            variants: p.type === 'variable' ? catalog.variationsOf(p).map(variant) : [variant(p)],
          })),
      };
    },
    setInventory(input: InventoryInput) {
      if (input.location !== undefined && input.location !== LOCATION.id) {
        throw new ControlError(422, 'UNKNOWN_LOCATION', `WooCommerce has one stock location, "${LOCATION.id}"`);
      }
      const record = sellable(store, input.sku);
      let holder = stockHolder(catalog, record);
      if (!holder) {
        holder = record;
        holder.manageStock = true;
      }
      holder.stockQuantity = input.quantity;
      holder.modifiedS = nowSeconds();
      settleStock(holder);
      store.productChanged(holder, 'updated');
      return { sku: input.sku, quantity: input.quantity, location: LOCATION.id };
    },
    reset,
  };
}
