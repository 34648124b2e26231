// WooCommerce's stock rules: where a variation's stock lives, and the status a managed
// quantity implies.
import type { Catalog } from './catalog.ts';
import type { ProductRecord, StockStatus } from './product-record.ts';

/** The record whose stock_quantity an order or a stock edit of `record` moves, if any. */
export function stockHolder(catalog: Catalog, record: ProductRecord): ProductRecord | null {
  if (record.manageStock) return record;
  if (record.type === 'variation') {
    const parent = catalog.get(record.parentId);
    if (parent?.manageStock) return parent;
  }
  return null;
}

/** What a managed quantity means for stock_status (validate_props in WC_Product). */
export function statusForQuantity(record: ProductRecord): StockStatus {
  const quantity = record.stockQuantity ?? 0;
  if (quantity > 0) return 'instock';
  return record.backorders === 'no' ? 'outofstock' : 'onbackorder';
}

/** Settles stock fields after an edit: unmanaged stock has no quantity. */
export function settleStock(record: ProductRecord): void {
  if (record.manageStock) {
    record.stockQuantity = record.stockQuantity ?? 0;
    record.stockStatus = statusForQuantity(record);
  } else {
    record.stockQuantity = null;
    record.backorders = 'no';
  }
}

/** The manage_stock, quantity and status the API shows for a record. */
export function visibleStock(
  catalog: Catalog,
  record: ProductRecord,
): { manageStock: boolean | 'parent'; quantity: number | null; status: StockStatus } {
  if (record.manageStock) return { manageStock: true, quantity: record.stockQuantity, status: record.stockStatus };
  if (record.type === 'variation') {
    const parent = catalog.get(record.parentId);
    if (parent?.manageStock) return { manageStock: 'parent', quantity: parent.stockQuantity, status: parent.stockStatus };
  }
  if (record.type === 'variable') {
    const children = catalog.variationsOf(record);
    const anyAvailable = children.some((c) => visibleStock(catalog, c).status !== 'outofstock');
    return { manageStock: false, quantity: null, status: anyAvailable ? 'instock' : 'outofstock' };
  }
  return { manageStock: false, quantity: null, status: record.stockStatus };
}
