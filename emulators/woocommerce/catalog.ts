// The store's products and variations, indexed by id, by SKU (case-insensitive, as WooCommerce
// compares them) and by slug, plus global attributes and categories.
import type { ProductRecord, TermRef } from './product-record.ts';

export interface GlobalAttribute {
  id: number;
  name: string;
  slug: string;
  type: string;
  orderBy: string;
  hasArchives: boolean;
}

export class Catalog {
  private records = new Map<number, ProductRecord>();
  private skuIndex = new Map<string, number>();
  private slugIndex = new Map<string, number>();
  private gtinIndex = new Map<string, number>();
  private byDate: ProductRecord[] | null = null;
  private byId: ProductRecord[] | null = null;
  readonly attributes = new Map<number, GlobalAttribute>();
  readonly categories = new Map<number, TermRef>();
  /** Posts (products, variations, orders) and images share WordPress's id sequence. */
  private lastId = 0;
  private lastAttributeId = 0;
  /** How many products are in the trash (lists skip filtering when none are). */
  trashed = 0;

  allocateId(): number {
    return ++this.lastId;
  }

  /** Makes sure ids handed out later are above `id` (seed data with fixed ids). */
  reserveId(id: number): void {
    this.lastId = Math.max(this.lastId, id);
  }

  get(id: number): ProductRecord | undefined {
    return this.records.get(id);
  }

  get size(): number {
    return this.records.size;
  }

  /** The record holding `sku` (compared case-insensitively), trashed products excepted. */
  findBySku(sku: string): ProductRecord | undefined {
    const id = this.skuIndex.get(sku.toLowerCase());
    return id === undefined ? undefined : this.records.get(id);
  }

  /** The record holding a global_unique_id (GTIN/UPC/EAN/ISBN), trashed products excepted. */
  findByGlobalUniqueId(value: string): ProductRecord | undefined {
    const id = this.gtinIndex.get(value);
    return id === undefined ? undefined : this.records.get(id);
  }

  /**
   * Adds a record or copies a changed one onto the stored object (which keeps its identity, so
   * the date-ordered list stays valid); returns the stored object.
   */
  save(record: ProductRecord): ProductRecord {
    const previous = this.records.get(record.id);
    const createdBefore = previous?.createdS;
    if (previous?.status === 'trash') this.trashed--;
    if (record.status === 'trash') this.trashed++;
    if (previous?.sku && this.skuIndex.get(previous.sku.toLowerCase()) === record.id) {
      this.skuIndex.delete(previous.sku.toLowerCase());
    }
    if (record.sku && record.status !== 'trash') this.skuIndex.set(record.sku.toLowerCase(), record.id);
    if (previous?.globalUniqueId && this.gtinIndex.get(previous.globalUniqueId) === record.id) this.gtinIndex.delete(previous.globalUniqueId);
    if (record.globalUniqueId && record.status !== 'trash') this.gtinIndex.set(record.globalUniqueId, record.id);
    if (previous?.slug && previous.slug !== record.slug) this.slugIndex.delete(previous.slug);
    if (record.slug) this.slugIndex.set(record.slug, record.id);
    const stored = previous ? Object.assign(previous, record) : record;
    this.records.set(record.id, stored);
    this.reserveId(record.id);
    if (!previous) {
      if (record.parentId) {
        const parent = this.records.get(record.parentId);
        if (parent && !parent.variationIds.includes(record.id)) parent.variationIds.push(record.id);
      } else {
        this.invalidateOrder();
      }
    } else if (createdBefore !== record.createdS) {
      this.invalidateOrder();
    }
    return stored;
  }

  /** Deletes a record for good (a product takes its variations with it). */
  remove(id: number): void {
    const record = this.records.get(id);
    if (!record) return;
    for (const childId of record.variationIds) this.remove(childId);
    if (record.sku && this.skuIndex.get(record.sku.toLowerCase()) === id) this.skuIndex.delete(record.sku.toLowerCase());
    if (record.slug && this.slugIndex.get(record.slug) === id) this.slugIndex.delete(record.slug);
    if (record.globalUniqueId && this.gtinIndex.get(record.globalUniqueId) === id) this.gtinIndex.delete(record.globalUniqueId);
    this.records.delete(id);
    if (record.status === 'trash') this.trashed--;
    if (record.parentId) {
      const parent = this.records.get(record.parentId);
      if (parent) parent.variationIds = parent.variationIds.filter((v) => v !== id);
    } else {
      this.invalidateOrder();
    }
  }

  /** Products (not variations), newest first, ties in id order (the caller shuffles ties). */
  productsByDate(): ProductRecord[] {
    if (!this.byDate) {
      this.byDate = [...this.records.values()]
        .filter((r) => r.type !== 'variation')
        .sort((a, b) => b.createdS - a.createdS || b.id - a.id);
    }
    return this.byDate;
  }

  /** Products (not variations) in ascending id order. */
  productsById(): ProductRecord[] {
    if (!this.byId) this.byId = [...this.productsByDate()].sort((a, b) => a.id - b.id);
    return this.byId;
  }

  private invalidateOrder(): void {
    this.byDate = null;
    this.byId = null;
  }

  variationsOf(parent: ProductRecord): ProductRecord[] {
    return parent.variationIds.map((id) => this.records.get(id)).filter((r): r is ProductRecord => !!r);
  }

  /** WordPress appends -2, -3… to a slug already taken by another post. */
  uniqueSlug(base: string, ownId: number): string {
    const root = base || 'product';
    let slug = root;
    for (let n = 2; ; n++) {
      const holder = this.slugIndex.get(slug);
      if (holder === undefined || holder === ownId) return slug;
      slug = `${root}-${n}`;
    }
  }

  addAttribute(input: Omit<GlobalAttribute, 'id'> & { id?: number }): GlobalAttribute {
    const id = input.id ?? ++this.lastAttributeId;
    this.lastAttributeId = Math.max(this.lastAttributeId, id);
    const attribute = { ...input, id };
    this.attributes.set(id, attribute);
    return attribute;
  }

  all(): IterableIterator<ProductRecord> {
    return this.records.values();
  }
}
