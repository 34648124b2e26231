// The emulated shop's state, in memory, with the indexes paging and writes need
// (variants by id, SKU and inventory item; products by id and handle).

export type ProductStatus = 'ACTIVE' | 'ARCHIVED' | 'DRAFT';

export interface LocationRecord {
  id: number;
  name: string;
  createdAt: string;
}

export interface OptionValueRecord {
  id: number;
  name: string;
}

export interface OptionRecord {
  id: number;
  name: string;
  position: number;
  values: OptionValueRecord[];
}

export interface ProductRecord {
  id: number;
  title: string;
  handle: string;
  status: ProductStatus;
  descriptionHtml: string;
  vendor: string;
  productType: string;
  tags: string[];
  createdAt: string;
  updatedAt: string;
  options: OptionRecord[];
  variantIds: number[];
}

export interface VariantRecord {
  id: number;
  productId: number;
  sku: string | null;
  barcode: string | null;
  price: string;
  compareAtPrice: string | null;
  inventoryPolicy: 'DENY' | 'CONTINUE';
  taxable: boolean;
  /** The option value per product option, in option order. */
  optionValues: string[];
  position: number;
  inventoryItemId: number;
  createdAt: string;
  updatedAt: string;
}

export interface LevelRecord {
  available: number;
  committed: number;
  updatedAt: string;
}

export interface InventoryItemRecord {
  id: number;
  variantId: number;
  tracked: boolean;
  cost: string | null;
  requiresShipping: boolean;
  createdAt: string;
  updatedAt: string;
  levels: Map<number, LevelRecord>;
}

export interface LineItemRecord {
  id: number;
  variantId: number | null;
  productId: number | null;
  sku: string | null;
  title: string;
  variantTitle: string | null;
  quantity: number;
  price: string;
  locationId: number;
}

export interface RefundRecord {
  id: number;
  createdAt: string;
  lines: Array<{ id: number; lineItemId: number; quantity: number; restockType: 'CANCEL' | 'NO_RESTOCK' | 'RETURN'; locationId: number }>;
}

export interface OrderRecord {
  id: number;
  name: string;
  number: number;
  createdAt: string;
  updatedAt: string;
  cancelledAt: string | null;
  lineItems: LineItemRecord[];
  refunds: RefundRecord[];
}

export class ShopStore {
  shopName = 'Stockroom Emulated Shop';
  currencyCode = 'USD';
  domain = 'stockroom-emulated.myshopify.com';
  /** Order names count up from #1001, as a new shop's do. */
  nextOrderNumber = 1001;

  readonly locations = new Map<number, LocationRecord>();
  readonly products = new Map<number, ProductRecord>();
  readonly variants = new Map<number, VariantRecord>();
  readonly inventoryItems = new Map<number, InventoryItemRecord>();
  readonly orders = new Map<number, OrderRecord>();
  private readonly bySku = new Map<string, Set<number>>();
  private readonly byHandle = new Map<string, number>();
  /** Products and variants in ascending id (creation) order; compacted lazily after deletions. */
  private productOrder: ProductRecord[] = [];
  private variantOrder: VariantRecord[] = [];
  private orderDirty = false;

  private nextIds = new Map<string, number>();

  /** Ids look like Shopify's (large numbers), and grow per type. */
  nextId(type: string): number {
    const bases: Record<string, number> = {
      Product: 8_000_000_000,
      ProductVariant: 45_000_000_000,
      InventoryItem: 47_000_000_000,
      Location: 70_000_000,
      Order: 5_600_000_000,
      LineItem: 14_000_000_000,
      Refund: 900_000_000,
      InventoryAdjustmentGroup: 54_640_716_000_000,
    };
    const base = bases[type] ?? 1_000_000_000;
    const next = (this.nextIds.get(type) ?? base) + 1;
    this.nextIds.set(type, next);
    return next;
  }

  /** The current time with second precision, as Shopify's DateTime values are. */
  now(): string {
    return new Date(Math.floor(Date.now() / 1000) * 1000).toISOString().replace('.000Z', 'Z');
  }

  addLocation(name: string): LocationRecord {
    const location = { id: this.nextId('Location'), name, createdAt: this.now() };
    this.locations.set(location.id, location);
    return location;
  }

  firstLocation(): LocationRecord | undefined {
    return this.locations.values().next().value;
  }

  addProduct(product: ProductRecord): void {
    this.products.set(product.id, product);
    this.byHandle.set(product.handle, product.id);
    this.productOrder.push(product);
  }

  productByHandle(handle: string): ProductRecord | undefined {
    const id = this.byHandle.get(handle);
    return id === undefined ? undefined : this.products.get(id);
  }

  setHandle(product: ProductRecord, handle: string): void {
    this.byHandle.delete(product.handle);
    product.handle = handle;
    this.byHandle.set(handle, product.id);
  }

  /** A handle not used by any other product: base, base-1, base-2, … */
  uniqueHandle(base: string, exceptProductId?: number): string {
    let candidate = base || 'product';
    for (let i = 1; ; i++) {
      const owner = this.byHandle.get(candidate);
      if (owner === undefined || owner === exceptProductId) return candidate;
      candidate = `${base}-${i}`;
    }
  }

  addVariant(variant: VariantRecord, item: InventoryItemRecord): void {
    this.variants.set(variant.id, variant);
    this.inventoryItems.set(item.id, item);
    this.indexSku(variant);
    this.variantOrder.push(variant);
  }

  removeVariant(id: number): void {
    const variant = this.variants.get(id);
    if (!variant) return;
    this.unindexSku(variant);
    this.variants.delete(id);
    this.inventoryItems.delete(variant.inventoryItemId);
    this.orderDirty = true;
  }

  setSku(variant: VariantRecord, sku: string | null): void {
    this.unindexSku(variant);
    variant.sku = sku;
    this.indexSku(variant);
  }

  variantsBySku(sku: string): VariantRecord[] {
    const ids = this.bySku.get(sku);
    if (!ids) return [];
    return [...ids].map((id) => this.variants.get(id)!).sort((a, b) => a.id - b.id);
  }

  /** Products in id order (the store's own array: do not modify). */
  productList(): ProductRecord[] {
    this.compact();
    return this.productOrder;
  }

  /** Variants in id order (the store's own array: do not modify). */
  variantList(): VariantRecord[] {
    this.compact();
    return this.variantOrder;
  }

  variantTitle(variant: VariantRecord): string {
    return variant.optionValues.length ? variant.optionValues.join(' / ') : 'Default Title';
  }

  level(item: InventoryItemRecord, locationId: number): LevelRecord {
    let level = item.levels.get(locationId);
    if (!level) {
      level = { available: 0, committed: 0, updatedAt: this.now() };
      item.levels.set(locationId, level);
    }
    return level;
  }

  private compact(): void {
    if (!this.orderDirty) return;
    this.productOrder = this.productOrder.filter((p) => this.products.get(p.id) === p);
    this.variantOrder = this.variantOrder.filter((v) => this.variants.get(v.id) === v);
    this.orderDirty = false;
  }

  private indexSku(variant: VariantRecord): void {
    if (!variant.sku) return;
    let ids = this.bySku.get(variant.sku);
    if (!ids) this.bySku.set(variant.sku, (ids = new Set()));
    ids.add(variant.id);
  }

  private unindexSku(variant: VariantRecord): void {
    if (!variant.sku) return;
    const ids = this.bySku.get(variant.sku);
    ids?.delete(variant.id);
    if (ids && ids.size === 0) this.bySku.delete(variant.sku);
  }
}

/** on_hand as Shopify defines it here: available + committed (no reserved/damaged states emulated). */
export function onHand(level: LevelRecord): number {
  return level.available + level.committed;
}
