// How the WooCommerce connector names things through the Channel interface. A simple product is
// its own only variant; a variation is addressed through its parent, because WooCommerce writes
// variations only under their parent (`products/{parent}/variations/batch`).
export type StockRef = { kind: 'product'; productId: number } | { kind: 'variation'; parentId: number; variationId: number };

export function productRef(productId: number): string {
  return `product:${productId}`;
}

export function variationRef(parentId: number, variationId: number): string {
  return `variation:${parentId}:${variationId}`;
}

export function parseStockRef(ref: string): StockRef | null {
  const product = /^product:(\d+)$/.exec(ref);
  if (product) return { kind: 'product', productId: Number(product[1]) };
  const variation = /^variation:(\d+):(\d+)$/.exec(ref);
  if (variation) return { kind: 'variation', parentId: Number(variation[1]), variationId: Number(variation[2]) };
  return null;
}
