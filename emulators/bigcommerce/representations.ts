// How BigCommerce writes its objects on the wire (field names and types from vendor-specs/bigcommerce).
import type { CatalogState, Location, Product, ProductOption, Variant } from './catalog-state.ts';
import { ORDER_STATUSES, type Order, type OrderLine } from './order-state.ts';
import type { Webhook } from './webhook-dispatcher.ts';

function iso(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

/** v2 dates are RFC 2822, as BigCommerce's v2 API writes them. */
function rfc2822(date: Date): string {
  return date.toUTCString().replace('GMT', '+0000');
}

function slug(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export function optionJson(option: ProductOption) {
  return {
    id: option.id,
    product_id: option.product_id,
    display_name: option.display_name,
    type: option.type,
    sort_order: option.sort_order,
    config: {},
    option_values: option.option_values.map((v) => ({ id: v.id, label: v.label, sort_order: v.sort_order, is_default: v.is_default, value_data: null })),
  };
}

export function variantJson(catalog: CatalogState, variant: Variant) {
  const product = catalog.product(variant.product_id);
  return {
    id: variant.id,
    product_id: variant.product_id,
    sku: variant.sku,
    sku_id: variant.sku_id,
    // A variant without its own price or weight inherits the product's; the spec types these as numbers.
    price: variant.price ?? product.price,
    calculated_price: variant.price ?? product.price,
    sale_price: 0,
    retail_price: 0,
    map_price: 0,
    weight: variant.weight ?? product.weight,
    calculated_weight: variant.weight ?? product.weight,
    width: 0,
    height: 0,
    depth: 0,
    is_free_shipping: false,
    fixed_cost_shipping_price: 0,
    purchasing_disabled: variant.purchasing_disabled,
    purchasing_disabled_message: '',
    image_url: '',
    cost_price: variant.cost_price ?? 0,
    upc: variant.upc,
    mpn: '',
    gtin: '',
    inventory_level: catalog.inventoryLevel(variant),
    inventory_warning_level: 0,
    bin_picking_number: '',
    option_values: variant.option_value_ids.map((valueId, index) => {
      const option = product.options[index];
      const value = option.option_values.find((v) => v.id === valueId)!;
      return { id: value.id, label: value.label, option_id: option.id, option_display_name: option.display_name };
    }),
  };
}

export function productJson(catalog: CatalogState, product: Product, include: Set<string>) {
  const body: Record<string, unknown> = {
    id: product.id,
    name: product.name,
    type: product.type,
    sku: product.sku,
    description: product.description,
    weight: product.weight,
    width: 0,
    depth: 0,
    height: 0,
    price: product.price,
    cost_price: product.cost_price,
    retail_price: 0,
    sale_price: 0,
    map_price: 0,
    tax_class_id: 0,
    product_tax_code: '',
    calculated_price: product.price,
    categories: product.categories,
    brand_id: product.brand_id,
    option_set_display: 'right',
    inventory_level: catalog.productInventoryLevel(product),
    inventory_warning_level: 0,
    inventory_tracking: product.inventory_tracking,
    reviews_rating_sum: 0,
    reviews_count: 0,
    total_sold: 0,
    fixed_cost_shipping_price: 0,
    is_free_shipping: false,
    is_visible: product.is_visible,
    is_featured: false,
    related_products: [-1],
    warranty: '',
    bin_picking_number: '',
    layout_file: 'product.html',
    upc: product.options.length === 0 ? (product.variants[0]?.upc ?? '') : '',
    mpn: '',
    gtin: '',
    date_last_imported: '',
    search_keywords: '',
    availability: 'available',
    availability_description: '',
    gift_wrapping_options_type: 'any',
    gift_wrapping_options_list: [],
    sort_order: 0,
    condition: 'New',
    is_condition_shown: false,
    order_quantity_minimum: 0,
    order_quantity_maximum: 0,
    page_title: '',
    meta_keywords: [],
    meta_description: '',
    date_created: iso(product.date_created),
    date_modified: iso(product.date_modified),
    view_count: 0,
    preorder_release_date: null,
    preorder_message: '',
    is_preorder_only: false,
    is_price_hidden: false,
    price_hidden_label: '',
    custom_url: { url: `/${slug(product.name)}/`, is_customized: false },
    // Only products without options have a base variant; the spec types the field as an integer.
    ...(catalog.baseVariantId(product) === null ? {} : { base_variant_id: catalog.baseVariantId(product) }),
    open_graph_type: 'product',
    open_graph_title: '',
    open_graph_description: '',
    open_graph_use_meta_description: true,
    open_graph_use_product_name: true,
    open_graph_use_image: true,
  };
  if (include.has('variants')) body.variants = product.variants.map((v) => variantJson(catalog, v));
  if (include.has('options')) body.options = product.options.map(optionJson);
  return body;
}

export function locationJson(location: Location) {
  const epoch = '2024-01-01T00:00:00Z';
  return {
    id: location.id,
    code: location.code,
    label: location.label,
    description: '',
    managed_by_external_source: false,
    type_id: 'PHYSICAL',
    enabled: true,
    time_zone: 'Etc/UTC',
    created_at: epoch,
    updated_at: epoch,
    storefront_visibility: true,
  };
}

function inventorySettings() {
  return { safety_stock: 0, is_in_stock: true, warning_level: 0, bin_picking_number: '' };
}

export function inventoryIdentity(product: Product, variant: Variant) {
  return { sku: variant.sku, variant_id: variant.id, product_id: product.id, sku_id: variant.sku_id ?? 0 };
}

export function inventoryItemJson(catalog: CatalogState, product: Product, variant: Variant, locations: Location[]) {
  return {
    identity: inventoryIdentity(product, variant),
    locations: locations.map((location) => {
      const quantity = variant.inventory.get(location.id) ?? 0;
      return {
        location_id: location.id,
        location_code: location.code,
        location_name: location.label,
        available_to_sell: quantity,
        total_inventory_onhand: quantity,
        location_enabled: true,
        settings: inventorySettings(),
      };
    }),
  };
}

export function locationItemJson(product: Product, variant: Variant, location: Location) {
  const quantity = variant.inventory.get(location.id) ?? 0;
  const { sku, variant_id, product_id } = inventoryIdentity(product, variant);
  return {
    identity: { sku, variant_id, product_id },
    available_to_sell: quantity,
    total_inventory_onhand: quantity,
    settings: inventorySettings(),
  };
}

export function orderJson(origin: string, order: Order) {
  const subtotal = order.lines.reduce((sum, l) => sum + l.price * l.quantity, 0).toFixed(4);
  return {
    id: order.id,
    customer_id: 0,
    date_created: rfc2822(order.date_created),
    date_modified: rfc2822(order.date_modified),
    date_shipped: '',
    status_id: order.status_id,
    status: ORDER_STATUSES[order.status_id],
    subtotal_ex_tax: subtotal,
    subtotal_inc_tax: subtotal,
    total_ex_tax: subtotal,
    total_inc_tax: subtotal,
    items_total: order.lines.reduce((sum, l) => sum + l.quantity, 0),
    items_shipped: 0,
    payment_method: 'Emulated',
    currency_code: 'USD',
    order_source: 'www',
    products: { url: `${origin}/v2/orders/${order.id}/products`, resource: `/orders/${order.id}/products` },
  };
}

export function orderLineJson(order: Order, line: OrderLine) {
  return {
    id: line.id,
    order_id: order.id,
    product_id: line.product_id,
    variant_id: line.variant_id,
    name: line.name,
    sku: line.sku,
    type: 'physical',
    base_price: line.price.toFixed(4),
    price_inc_tax: line.price.toFixed(4),
    quantity: line.quantity,
    quantity_refunded: line.quantity_refunded,
    quantity_shipped: 0,
    product_options: [],
  };
}

export function webhookJson(hook: Webhook, storeHash: string) {
  return {
    id: hook.id,
    client_id: 'emulated-client',
    store_hash: storeHash,
    scope: hook.scope,
    destination: hook.destination,
    is_active: hook.is_active,
    headers: hook.headers,
    created_at: hook.created_at,
    updated_at: hook.updated_at,
  };
}
