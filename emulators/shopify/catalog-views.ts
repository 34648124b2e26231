// GraphQL views of catalogue records: each field the emulator implements is a property or a
// method (args, context) of these classes; any other field answers "not emulated".
import type { GraphQLResolveInfo } from 'graphql';
import { gid, parseGid } from './gid.ts';
import { connection, type PageArgs } from './connection.ts';
import { shopifyError } from './errors.ts';
import type { ShopifyContext } from './context.ts';
import {
  onHand,
  type InventoryItemRecord,
  type LevelRecord,
  type LocationRecord,
  type OptionRecord,
  type ProductRecord,
  type ShopStore,
  type VariantRecord,
} from './store.ts';

/** The quantity names Shopify knows; the emulator holds available and committed (on_hand = their sum). */
export const QUANTITY_NAMES = [
  'available',
  'committed',
  'damaged',
  'incoming',
  'on_hand',
  'quality_control',
  'reserved',
  'safety_stock',
] as const;

export function quantityOf(level: LevelRecord, name: string): number {
  if (name === 'available') return level.available;
  if (name === 'committed') return level.committed;
  if (name === 'on_hand') return onHand(level);
  return 0;
}

export class ShopView {
  readonly __typename = 'Shop';
  constructor(private readonly store: ShopStore) {}
  get id() {
    return gid('Shop', 1);
  }
  get name() {
    return this.store.shopName;
  }
  get currencyCode() {
    return this.store.currencyCode;
  }
  get myshopifyDomain() {
    return this.store.domain;
  }
  get url() {
    return `https://${this.store.domain}`;
  }
  get email() {
    return 'owner@example.com';
  }
  get contactEmail() {
    return 'owner@example.com';
  }
  get ianaTimezone() {
    return 'UTC';
  }
  get timezoneAbbreviation() {
    return 'UTC';
  }
}

export class LocationView {
  readonly __typename = 'Location';
  constructor(
    private readonly store: ShopStore,
    readonly record: LocationRecord,
  ) {}
  get id() {
    return gid('Location', this.record.id);
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
  get updatedAt() {
    return this.record.createdAt;
  }
  readonly isActive = true;
  readonly activatable = false;
  readonly deactivatable = true;
  readonly deletable = false;
  readonly fulfillsOnlineOrders = true;
  readonly hasActiveInventory = true;
  readonly shipsInventory = true;
  readonly isFulfillmentService = false;
  readonly deactivatedAt = null;
  get isPrimary() {
    return this.store.firstLocation()?.id === this.record.id;
  }
  inventoryLevel(args: { inventoryItemId: string }) {
    const item = this.store.inventoryItems.get(parseGid(args.inventoryItemId, 'InventoryItem') ?? -1);
    const level = item?.levels.get(this.record.id);
    return item && level ? new InventoryLevelView(this.store, item, this.record.id, level) : null;
  }
}

export class ProductView {
  readonly __typename = 'Product';
  constructor(
    private readonly store: ShopStore,
    readonly record: ProductRecord,
  ) {}
  get id() {
    return gid('Product', this.record.id);
  }
  get legacyResourceId() {
    return String(this.record.id);
  }
  get title() {
    return this.record.title;
  }
  get handle() {
    return this.record.handle;
  }
  get status() {
    return this.record.status;
  }
  get descriptionHtml() {
    return this.record.descriptionHtml;
  }
  get description() {
    return this.record.descriptionHtml.replace(/<[^>]*>/g, '');
  }
  get vendor() {
    return this.record.vendor;
  }
  get productType() {
    return this.record.productType;
  }
  get tags() {
    return this.record.tags;
  }
  get createdAt() {
    return this.record.createdAt;
  }
  get updatedAt() {
    return this.record.updatedAt;
  }
  get publishedAt() {
    return this.record.status === 'ACTIVE' ? this.record.createdAt : null;
  }
  get hasOnlyDefaultVariant() {
    const options = this.record.options;
    const defaultOption = options.length === 1 && options[0].name === 'Title' && options[0].values.length === 1 && options[0].values[0].name === 'Default Title';
    return (options.length === 0 || defaultOption) && this.record.variantIds.length <= 1;
  }
  get totalInventory() {
    let total = 0;
    for (const v of this.variantRecords()) total += variantAvailable(this.store, v);
    return total;
  }
  get tracksInventory() {
    return this.variantRecords().some((v) => this.store.inventoryItems.get(v.inventoryItemId)?.tracked);
  }
  get variantsCount() {
    return { __typename: 'Count', count: this.record.variantIds.length, precision: 'EXACT' };
  }
  options(args: { first?: number | null }) {
    const options = args.first != null ? this.record.options.slice(0, args.first) : this.record.options;
    return options.map((o) => new OptionView(this.store, this.record, o));
  }
  variants(args: PageArgs, ctx: ShopifyContext) {
    return connection(this.variantRecords(), (v) => [v.position, v.id], (v) => new VariantView(this.store, v), args, { unlimited: ctx.bulk });
  }
  private variantRecords(): VariantRecord[] {
    return this.record.variantIds.map((id) => this.store.variants.get(id)!).filter(Boolean);
  }
}

export class OptionView {
  readonly __typename = 'ProductOption';
  constructor(
    private readonly store: ShopStore,
    private readonly product: ProductRecord,
    readonly record: OptionRecord,
  ) {}
  get id() {
    return gid('ProductOption', this.record.id);
  }
  get name() {
    return this.record.name;
  }
  get position() {
    return this.record.position;
  }
  get values() {
    return this.record.values.map((v) => v.name);
  }
  get optionValues() {
    const index = this.record.position - 1;
    return this.record.values.map((value) => ({
      __typename: 'ProductOptionValue',
      id: gid('ProductOptionValue', value.id),
      name: value.name,
      hasVariants: this.product.variantIds.some((id) => this.store.variants.get(id)?.optionValues[index] === value.name),
      linkedMetafieldValue: null,
    }));
  }
}

export function variantAvailable(store: ShopStore, variant: VariantRecord): number {
  const item = store.inventoryItems.get(variant.inventoryItemId);
  let total = 0;
  if (item) for (const level of item.levels.values()) total += level.available;
  return total;
}

export class VariantView {
  readonly __typename = 'ProductVariant';
  constructor(
    private readonly store: ShopStore,
    readonly record: VariantRecord,
  ) {}
  get id() {
    return gid('ProductVariant', this.record.id);
  }
  get legacyResourceId() {
    return String(this.record.id);
  }
  get title() {
    return this.store.variantTitle(this.record);
  }
  get displayName() {
    return `${this.store.products.get(this.record.productId)?.title ?? ''} - ${this.title}`;
  }
  get sku() {
    return this.record.sku;
  }
  get barcode() {
    return this.record.barcode;
  }
  get price() {
    return this.record.price;
  }
  get compareAtPrice() {
    return this.record.compareAtPrice;
  }
  get inventoryPolicy() {
    return this.record.inventoryPolicy;
  }
  get taxable() {
    return this.record.taxable;
  }
  get position() {
    return this.record.position;
  }
  get createdAt() {
    return this.record.createdAt;
  }
  get updatedAt() {
    return this.record.updatedAt;
  }
  get availableForSale() {
    return this.record.inventoryPolicy === 'CONTINUE' || variantAvailable(this.store, this.record) > 0;
  }
  get inventoryQuantity() {
    return variantAvailable(this.store, this.record);
  }
  get product() {
    return new ProductView(this.store, this.store.products.get(this.record.productId)!);
  }
  get selectedOptions() {
    const product = this.store.products.get(this.record.productId)!;
    if (product.options.length === 0) {
      return [{ __typename: 'SelectedOption', name: 'Title', value: 'Default Title' }];
    }
    return product.options.map((option, i) => ({
      __typename: 'SelectedOption',
      name: option.name,
      value: this.record.optionValues[i],
    }));
  }
  get inventoryItem() {
    return new InventoryItemView(this.store, this.store.inventoryItems.get(this.record.inventoryItemId)!);
  }
}

export class InventoryItemView {
  readonly __typename = 'InventoryItem';
  constructor(
    private readonly store: ShopStore,
    readonly record: InventoryItemRecord,
  ) {}
  get id() {
    return gid('InventoryItem', this.record.id);
  }
  get legacyResourceId() {
    return String(this.record.id);
  }
  get sku() {
    return this.store.variants.get(this.record.variantId)?.sku ?? null;
  }
  get tracked() {
    return this.record.tracked;
  }
  get requiresShipping() {
    return this.record.requiresShipping;
  }
  get createdAt() {
    return this.record.createdAt;
  }
  get updatedAt() {
    return this.record.updatedAt;
  }
  get unitCost() {
    return this.record.cost === null ? null : { __typename: 'MoneyV2', amount: this.record.cost, currencyCode: this.store.currencyCode };
  }
  get duplicateSkuCount() {
    const sku = this.sku;
    return sku ? this.store.variantsBySku(sku).length - 1 : 0;
  }
  get variant() {
    return new VariantView(this.store, this.store.variants.get(this.record.variantId)!);
  }
  get locationsCount() {
    return { __typename: 'Count', count: this.record.levels.size, precision: 'EXACT' };
  }
  inventoryLevel(args: { locationId: string }) {
    const locationId = parseGid(args.locationId, 'Location');
    const level = locationId === null ? undefined : this.record.levels.get(locationId);
    return level ? new InventoryLevelView(this.store, this.record, locationId!, level) : null;
  }
  inventoryLevels(args: PageArgs & { query?: string | null }, ctx: ShopifyContext) {
    const levels = [...this.record.levels.entries()].sort((a, b) => a[0] - b[0]);
    return connection(
      levels,
      ([locationId]) => [locationId],
      ([locationId, level]) => new InventoryLevelView(this.store, this.record, locationId, level),
      args,
      { unlimited: ctx.bulk },
    );
  }
}

export class InventoryLevelView {
  readonly __typename = 'InventoryLevel';
  constructor(
    private readonly store: ShopStore,
    private readonly itemRecord: InventoryItemRecord,
    private readonly locationId: number,
    private readonly level: LevelRecord,
  ) {}
  get id() {
    return `${gid('InventoryLevel', this.locationId)}?inventory_item_id=${this.itemRecord.id}`;
  }
  get item() {
    return new InventoryItemView(this.store, this.itemRecord);
  }
  get location() {
    return new LocationView(this.store, this.store.locations.get(this.locationId)!);
  }
  get createdAt() {
    return this.itemRecord.createdAt;
  }
  get updatedAt() {
    return this.level.updatedAt;
  }
  readonly isActive = true;
  readonly canDeactivate = true;
  readonly deactivationAlert = null;
  quantities(args: { names: string[] }, _ctx: ShopifyContext, info: GraphQLResolveInfo) {
    for (const name of args.names) {
      if (!(QUANTITY_NAMES as readonly string[]).includes(name)) {
        throw shopifyError(
          `Invalid quantity name: ${name}. Valid names are: ${QUANTITY_NAMES.join(', ')}.`,
          'BAD_REQUEST',
          info.fieldNodes,
        );
      }
    }
    return args.names.map((name) => ({
      __typename: 'InventoryQuantity',
      id: `gid://shopify/InventoryQuantity/${this.itemRecord.id}?location_id=${this.locationId}&name=${name}`,
      name,
      quantity: quantityOf(this.level, name),
      updatedAt: name === 'available' || name === 'on_hand' || name === 'committed' ? this.level.updatedAt : null,
    }));
  }
}
