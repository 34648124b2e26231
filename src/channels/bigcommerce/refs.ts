// What quantity reads and writes address. BigCommerce tracks stock either per variant
// (`inventory_tracking: variant`) or per product (`product`, simple products), and its Inventory
// API refuses an adjustment by the wrong one with a 422 — so the ref says which it is.
export type StockRef = { kind: 'variant'; id: number } | { kind: 'product'; id: number };

export function variantRef(variantId: number): string {
  return `variant:${variantId}`;
}

export function productRef(productId: number): string {
  return `product:${productId}`;
}

export function parseStockRef(ref: string): StockRef | null {
  const match = /^(variant|product):(\d+)$/.exec(ref);
  if (!match) return null;
  return { kind: match[1] as StockRef['kind'], id: Number(match[2]) };
}
