// Products and variations as the v3 API shows them (same fields and JSON types as the
// official examples in vendor-specs/woocommerce/examples).
import type { Catalog } from './catalog.ts';
import type { ImageRecord, ProductRecord } from './product-record.ts';
import { visibleStock } from './stock-rules.ts';
import { wooDate } from './dates.ts';

export const API_PREFIX = '/wp-json/wc/v3';

const onSale = (r: ProductRecord): boolean =>
  r.salePrice !== '' && (r.regularPrice === '' || Number(r.salePrice) < Number(r.regularPrice));

export function activePrice(catalog: Catalog, r: ProductRecord): string {
  if (r.type === 'variable') {
    const prices = catalog
      .variationsOf(r)
      .map((v) => activePrice(catalog, v))
      .filter((p) => p !== '');
    return prices.reduce((low, p) => (low === '' || Number(p) < Number(low) ? p : low), '');
  }
  return onSale(r) ? r.salePrice : r.regularPrice;
}

function priceHtml(price: string): string {
  if (price === '') return '';
  const amount = Number(price).toFixed(2);
  return `<span class="woocommerce-Price-amount amount"><bdi><span class="woocommerce-Price-currencySymbol">&#36;</span>${amount}</bdi></span>`;
}

function imageJson(image: ImageRecord) {
  return {
    id: image.id,
    date_created: wooDate(image.createdS),
    date_created_gmt: wooDate(image.createdS),
    date_modified: wooDate(image.createdS),
    date_modified_gmt: wooDate(image.createdS),
    src: image.src,
    name: image.name,
    alt: image.alt,
  };
}

function dates(r: ProductRecord) {
  return {
    date_created: wooDate(r.createdS),
    date_created_gmt: wooDate(r.createdS),
    date_modified: wooDate(r.modifiedS),
    date_modified_gmt: wooDate(r.modifiedS),
  };
}

const saleDates = {
  date_on_sale_from: null,
  date_on_sale_from_gmt: null,
  date_on_sale_to: null,
  date_on_sale_to_gmt: null,
};

function stockFields(catalog: Catalog, r: ProductRecord) {
  const stock = visibleStock(catalog, r);
  return {
    manage_stock: stock.manageStock,
    stock_quantity: stock.quantity,
    stock_status: stock.status,
    backorders: r.backorders,
    backorders_allowed: r.backorders !== 'no',
    backordered: r.backorders !== 'no' && (stock.quantity ?? 1) <= 0,
  };
}

export function productJson(catalog: Catalog, r: ProductRecord, origin: string) {
  const price = activePrice(catalog, r);
  const permalink = `${origin}/product/${r.slug}/`;
  return {
    id: r.id,
    name: r.name,
    slug: r.slug,
    permalink,
    ...dates(r),
    type: r.type,
    status: r.status,
    featured: r.featured,
    catalog_visibility: r.catalogVisibility,
    description: r.description,
    short_description: r.shortDescription,
    sku: r.sku,
    global_unique_id: r.globalUniqueId,
    price,
    regular_price: r.regularPrice,
    sale_price: r.salePrice,
    ...saleDates,
    price_html: priceHtml(price),
    on_sale: onSale(r),
    purchasable: price !== '' && r.status === 'publish',
    total_sales: r.totalSales,
    virtual: false,
    downloadable: false,
    downloads: [],
    download_limit: -1,
    download_expiry: -1,
    external_url: '',
    button_text: '',
    tax_status: 'taxable',
    tax_class: '',
    ...stockFields(catalog, r),
    sold_individually: false,
    weight: r.weight,
    dimensions: { ...r.dimensions },
    shipping_required: true,
    shipping_taxable: true,
    shipping_class: '',
    shipping_class_id: 0,
    reviews_allowed: true,
    average_rating: '0.00',
    rating_count: 0,
    related_ids: [],
    upsell_ids: [],
    cross_sell_ids: [],
    parent_id: r.parentId,
    purchase_note: '',
    categories: r.categories.map((c) => ({ ...c })),
    tags: r.tags.map((t) => ({ ...t })),
    images: r.images.map(imageJson),
    attributes: r.attributes.map((a) => ({ ...a, options: [...a.options] })),
    default_attributes: r.defaultAttributes.map((a) => ({ ...a })),
    variations: [...r.variationIds],
    grouped_products: [],
    menu_order: r.menuOrder,
    meta_data: r.metaData.map((m) => ({ ...m })),
    _links: {
      self: [{ href: `${origin}${API_PREFIX}/products/${r.id}` }],
      collection: [{ href: `${origin}${API_PREFIX}/products` }],
    },
  };
}

export function variationJson(catalog: Catalog, r: ProductRecord, origin: string) {
  const parent = catalog.get(r.parentId);
  const price = activePrice(catalog, r);
  const query = r.chosen
    .map((a) => `attribute_${a.id ? `pa_${a.name.toLowerCase()}` : a.name.toLowerCase()}=${encodeURIComponent(a.option)}`)
    .join('&');
  return {
    id: r.id,
    ...dates(r),
    description: r.description,
    permalink: `${origin}/product/${parent?.slug ?? ''}/${query ? `?${query}` : ''}`,
    sku: r.sku,
    global_unique_id: r.globalUniqueId,
    price,
    regular_price: r.regularPrice,
    sale_price: r.salePrice,
    ...saleDates,
    on_sale: onSale(r),
    status: r.status,
    purchasable: price !== '',
    virtual: false,
    downloadable: false,
    downloads: [],
    download_limit: -1,
    download_expiry: -1,
    tax_status: 'taxable',
    tax_class: '',
    ...stockFields(catalog, r),
    weight: r.weight,
    dimensions: { ...r.dimensions },
    shipping_class: '',
    shipping_class_id: 0,
    image: r.images[0] ? imageJson(r.images[0]) : null,
    attributes: r.chosen.map((a) => ({ ...a })),
    menu_order: r.menuOrder,
    meta_data: r.metaData.map((m) => ({ ...m })),
    _links: {
      self: [{ href: `${origin}${API_PREFIX}/products/${r.parentId}/variations/${r.id}` }],
      collection: [{ href: `${origin}${API_PREFIX}/products/${r.parentId}/variations` }],
      up: [{ href: `${origin}${API_PREFIX}/products/${r.parentId}` }],
    },
  };
}

/** A product found by ?sku= may be a variation: shown in the product shape with type "variation". */
export function anyProductJson(catalog: Catalog, r: ProductRecord, origin: string) {
  if (r.type !== 'variation') return productJson(catalog, r, origin);
  const parent = catalog.get(r.parentId);
  const base = productJson(catalog, r, origin);
  const name = parent ? `${parent.name} - ${r.chosen.map((a) => a.option).join(', ')}` : r.name;
  return {
    ...base,
    name,
    slug: parent?.slug ?? base.slug,
    attributes: r.chosen.map((a) => ({ ...a })),
    default_attributes: [],
    variations: [],
  };
}
