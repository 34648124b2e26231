// Applies a create/update body to a copy of a product or variation, checks the SKU is free and
// only then stores it, so a refused request leaves nothing half-written.
import type { Catalog } from './catalog.ts';
import { InputReader, isObject, type InputMode } from './input-reader.ts';
import {
  blankProduct,
  type ChosenAttribute,
  type ImageRecord,
  type ProductAttribute,
  type ProductRecord,
  type ProductType,
} from './product-record.ts';
import { settleStock } from './stock-rules.ts';
import { sanitizeTitle } from './slug.ts';
import { WooError } from './woo-error.ts';
import { nowSeconds } from './dates.ts';

const PRODUCT_TYPES = ['simple', 'grouped', 'external', 'variable'] as const;
const STATUSES = ['draft', 'pending', 'private', 'publish'] as const;
const STOCK_STATUSES = ['instock', 'outofstock', 'onbackorder'] as const;
const BACKORDERS = ['no', 'notify', 'yes'] as const;
const VISIBILITIES = ['visible', 'catalog', 'search', 'hidden'] as const;

export function duplicateSku(holderId: number): WooError {
  return new WooError(400, 'product_invalid_sku', 'Invalid or duplicated SKU.', { resource_id: holderId });
}

function applyStock(draft: ProductRecord, r: InputReader): void {
  const manage = r.boolean('manage_stock');
  const quantity = r.integer('stock_quantity');
  const status = r.oneOf('stock_status', STOCK_STATUSES);
  const backorders = r.oneOf('backorders', BACKORDERS);
  if (manage !== undefined) draft.manageStock = manage;
  // WooCommerce drops stock_quantity unless manage_stock: true comes in the same request.
  if (manage === true && quantity !== undefined) draft.stockQuantity = quantity;
  if (backorders) draft.backorders = backorders;
  if (status && !draft.manageStock) draft.stockStatus = status;
  settleStock(draft);
}

function applyCommon(catalog: Catalog, draft: ProductRecord, r: InputReader): void {
  const description = r.string('description');
  if (description !== undefined) draft.description = description;
  const sku = r.string('sku');
  if (sku !== undefined) draft.sku = sku.trim();
  const gtin = r.string('global_unique_id');
  if (gtin !== undefined) draft.globalUniqueId = gtin.trim();
  const status = r.oneOf('status', STATUSES);
  if (status) draft.status = status;
  const weight = r.string('weight');
  if (weight !== undefined) draft.weight = weight;
  const dimensions = r.object('dimensions');
  if (dimensions) {
    for (const side of ['length', 'width', 'height'] as const) {
      if (dimensions[side] !== undefined) draft.dimensions[side] = String(dimensions[side]);
    }
  }
  const menuOrder = r.integer('menu_order');
  if (menuOrder !== undefined) draft.menuOrder = menuOrder;
  const meta = r.objects('meta_data');
  if (meta) {
    for (const entry of meta) {
      if (typeof entry.key !== 'string') continue;
      const existing = draft.metaData.find((m) => m.key === entry.key);
      if (existing) existing.value = entry.value;
      else draft.metaData.push({ id: catalog.allocateId(), key: entry.key, value: entry.value ?? '' });
    }
  }
  if (draft.type !== 'variable') {
    const regular = r.price('regular_price');
    if (regular !== undefined) draft.regularPrice = regular;
    const sale = r.price('sale_price');
    if (sale !== undefined) draft.salePrice = sale;
  }
  applyStock(draft, r);
}

function imageFrom(catalog: Catalog, input: Record<string, unknown>, now: number, existing: ImageRecord[]): ImageRecord | null {
  if (typeof input.id === 'number' && input.id > 0) {
    const known = existing.find((i) => i.id === input.id);
    if (known) return known;
  }
  if (typeof input.src !== 'string' || input.src === '') return null;
  return {
    id: catalog.allocateId(),
    src: input.src,
    name: typeof input.name === 'string' ? input.name : '',
    alt: typeof input.alt === 'string' ? input.alt : '',
    createdS: now,
  };
}

function productAttributes(catalog: Catalog, items: Record<string, unknown>[]): ProductAttribute[] {
  const out: ProductAttribute[] = [];
  for (const item of items) {
    const id = typeof item.id === 'number' ? item.id : Number(item.id ?? 0) || 0;
    const global = id > 0 ? catalog.attributes.get(id) : undefined;
    if (id > 0 && !global) continue;
    const name = global ? global.name : typeof item.name === 'string' ? item.name.trim() : '';
    if (!name) continue;
    const options = Array.isArray(item.options)
      ? item.options.map(String)
      : typeof item.options === 'string'
        ? item.options.split('|').map((o) => o.trim())
        : typeof item.option === 'string'
          ? [item.option]
          : [];
    out.push({
      id: global ? global.id : 0,
      name,
      position: typeof item.position === 'number' ? item.position : out.length,
      visible: item.visible === undefined ? true : Boolean(item.visible),
      variation: Boolean(item.variation),
      options,
    });
  }
  return out;
}

function chosenAttributes(catalog: Catalog, items: Record<string, unknown>[]): ChosenAttribute[] {
  const out: ChosenAttribute[] = [];
  for (const item of items) {
    const id = typeof item.id === 'number' ? item.id : Number(item.id ?? 0) || 0;
    const global = id > 0 ? catalog.attributes.get(id) : undefined;
    const name = global ? global.name : typeof item.name === 'string' ? item.name : '';
    if (!name || item.option === undefined) continue;
    out.push({ id: global ? global.id : 0, name, option: String(item.option) });
  }
  return out;
}

function checkSku(catalog: Catalog, draft: ProductRecord): void {
  if (draft.sku) {
    const holder = catalog.findBySku(draft.sku);
    if (holder && holder.id !== draft.id) throw duplicateSku(holder.id);
  }
  if (draft.globalUniqueId) {
    if (!/^[0-9-]+$/.test(draft.globalUniqueId)) {
      throw new WooError(400, 'product_invalid_global_unique_id', 'Invalid GTIN, UPC, EAN or ISBN.');
    }
    const holder = catalog.findByGlobalUniqueId(draft.globalUniqueId);
    if (holder && holder.id !== draft.id) {
      throw new WooError(400, 'product_invalid_global_unique_id', 'Invalid or duplicated GTIN, UPC, EAN or ISBN.', { resource_id: holder.id });
    }
  }
}

/** Creates (existing undefined) or updates a product; returns the stored record. */
export function writeProduct(
  catalog: Catalog,
  existing: ProductRecord | undefined,
  input: Record<string, unknown>,
  mode: InputMode,
): ProductRecord {
  const r = new InputReader(input, mode);
  const now = nowSeconds();
  const type: ProductType = r.oneOf('type', PRODUCT_TYPES) ?? existing?.type ?? 'simple';
  const draft: ProductRecord = existing
    ? structuredClone(existing)
    : blankProduct(0, 0, type, now);
  draft.type = type;
  const name = r.string('name');
  if (name !== undefined) draft.name = name;
  const shortDescription = r.string('short_description');
  if (shortDescription !== undefined) draft.shortDescription = shortDescription;
  const featured = r.boolean('featured');
  if (featured !== undefined) draft.featured = featured;
  const visibility = r.oneOf('catalog_visibility', VISIBILITIES);
  if (visibility) draft.catalogVisibility = visibility;
  applyCommon(catalog, draft, r);
  if (type === 'variable') {
    draft.regularPrice = '';
    draft.salePrice = '';
  }
  const attributes = r.objects('attributes');
  if (attributes) draft.attributes = productAttributes(catalog, attributes);
  const defaults = r.objects('default_attributes');
  if (defaults) draft.defaultAttributes = chosenAttributes(catalog, defaults);
  const categories = r.objects('categories');
  if (categories) {
    draft.categories = categories
      .map((c) => catalog.categories.get(Number(c.id)))
      .filter((c): c is NonNullable<typeof c> => !!c);
  }
  const images = r.objects('images');
  if (images) {
    draft.images = images
      .map((i) => imageFrom(catalog, i, now, existing?.images ?? []))
      .filter((i): i is ImageRecord => !!i);
  }
  checkSku(catalog, draft);
  if (!existing) draft.id = catalog.allocateId();
  const slug = r.string('slug');
  if (slug !== undefined && slug !== '') draft.slug = catalog.uniqueSlug(sanitizeTitle(slug), draft.id);
  else if (!draft.slug && draft.name) draft.slug = catalog.uniqueSlug(sanitizeTitle(draft.name), draft.id);
  draft.modifiedS = now;
  return catalog.save(draft);
}

/** Creates or updates a variation of `parent`. */
export function writeVariation(
  catalog: Catalog,
  parent: ProductRecord,
  existing: ProductRecord | undefined,
  input: Record<string, unknown>,
  mode: InputMode,
): ProductRecord {
  const r = new InputReader(input, mode);
  const now = nowSeconds();
  const draft: ProductRecord = existing ? structuredClone(existing) : blankProduct(0, parent.id, 'variation', now);
  applyCommon(catalog, draft, r);
  const attributes = r.objects('attributes');
  if (attributes) draft.chosen = chosenAttributes(catalog, attributes);
  const image = input.image;
  if (isObject(image)) {
    const stored = imageFrom(catalog, image, now, draft.images);
    draft.images = stored ? [stored] : [];
  }
  checkSku(catalog, draft);
  if (!existing) draft.id = catalog.allocateId();
  draft.name = parent.name;
  draft.modifiedS = now;
  return catalog.save(draft);
}
