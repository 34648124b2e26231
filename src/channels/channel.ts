// The one interface the sync engine speaks to every store through. It is written from what the
// engine needs on all three platforms; no platform's field names appear here. Each platform
// implements it in channels/<platform>/ and is checked by one shared conformance suite.
//
// Conventions
// - Quantities are whole numbers of sellable units at the store's mapped remote location.
// - Money is a decimal string with a dot ("12.50"): platforms take prices as decimals and the
//   engine converts from integer minor units at the edge.
// - Remote ids are opaque strings; the connector decides what they hold (a GID, a number).
// - Every failure is thrown as a ChannelError with a code and a sentence for a shopkeeper.

export type Platform = 'shopify' | 'woocommerce' | 'bigcommerce';

export interface ChannelConnection {
  platform: Platform;
  /** Origin of the store's API as `store connect --url` took it. */
  url: string;
  /** Decrypted credentials as `store connect --credentials` took them. */
  credentials: Record<string, string>;
  /** Remote location whose stock this store shows and where quantities are written; null = the platform's default. */
  remoteLocationId: string | null;
}

export interface ChannelLimits {
  /** Options (attributes) a product may have on the store. Shopify: 3. */
  maxOptions: number;
  /** Variants a product may have on the store. Shopify: 2,048; BigCommerce: 600. */
  maxVariants: number;
  /** Rows per quantity write request. Shopify: 250; WooCommerce: 100; BigCommerce: 2,000. */
  quantityBatchSize: number;
  /** Items per catalogue page when importing. */
  catalogPageSize: number;
  /** True where a quantity write can be conditional on the quantity the store holds (Shopify). */
  compareAndSet: boolean;
  /** True where creating a product may also set its variants' initial stock in the same call. */
  createSetsQuantities: boolean;
  /** How the platform meters requests, as it documents them for its smallest plan (shown to the shopkeeper). */
  rateBudget: RateBudget;
}

/**
 * The platform's documented request budget. A store's plan may give more: the governor goes by
 * what each answer reports (RateSignal), never by these figures.
 */
export type RateBudget =
  /** Shopify: a bucket of query-cost points that refills continuously. */
  | { kind: 'cost-bucket'; maximum: number; restorePerSecond: number }
  /** BigCommerce: a number of requests per time window. */
  | { kind: 'request-window'; quota: number; windowMs: number }
  /** WooCommerce: the platform sets none (a host in front of it may still answer 429). */
  | { kind: 'none' };

export interface RemoteLocation {
  id: string;
  name: string;
  isDefault: boolean;
}

export interface StoreIdentity {
  /** The store's own name, shown to the user. */
  name: string;
  currency: string | null;
  locations: RemoteLocation[];
}

export type RemoteStatus = 'draft' | 'active' | 'archived';

export interface RemoteOption {
  name: string;
  values: string[];
}

export interface RemoteVariant {
  remoteVariantId: string;
  /** What quantity reads and writes address (Shopify: the inventory item; BigCommerce/WooCommerce: the variant). */
  inventoryRef: string;
  sku: string | null;
  barcode: string | null;
  price: string | null;
  weightKg: string | null;
  /** One value per product option, in the product's option order. */
  optionValues: string[];
  /** Quantity at the mapped location; null when the store does not track stock for it. */
  quantity: number | null;
}

export interface RemoteProduct {
  remoteProductId: string;
  handle: string | null;
  title: string;
  descriptionHtml: string | null;
  status: RemoteStatus;
  options: RemoteOption[];
  variants: RemoteVariant[];
  updatedAt: string | null;
}

export interface CatalogPage {
  products: RemoteProduct[];
  /** Opaque; pass it back to get the next page. null when this was the last page. */
  nextCursor: string | null;
}

/** A product as the engine wants it on the store, already fitted to the store's limits. */
export interface ProductDraft {
  localProductId: string;
  handle: string;
  title: string;
  options: RemoteOption[];
  variants: VariantDraft[];
}

export interface VariantDraft {
  localVariantId: string;
  sku: string;
  barcode: string | null;
  price: string;
  weightKg: string | null;
  /** One value per draft option, in option order. */
  optionValues: string[];
  /** Initial quantity, used on create only. */
  quantity: number;
  /**
   * On an update, the store variant this one is linked to: a connector identifies the variant by
   * it before the SKU, so a SKU changed in the same edit as the values still finds its variant.
   */
  remoteVariantId?: string;
}

export interface ProductUpdateResult {
  product: RemoteProduct;
  /** SKUs (or remote ids when blank) of variants that exist only on the store and were kept. */
  keptRemoteOnly: string[];
}

export interface QuantityWrite {
  inventoryRef: string;
  quantity: number;
  /** The quantity the engine believes the store holds; null skips the check. Ignored where compareAndSet is false. */
  expected: number | null;
}

export interface QuantityWriteResult {
  applied: string[];
  /** Refs whose store quantity was not `expected`; nothing was written for them. */
  stale: string[];
  failed: Array<{ inventoryRef: string; reason: string }>;
}

export interface QuantityReading {
  inventoryRef: string;
  remoteVariantId: string;
  sku: string | null;
  quantity: number | null;
}

export interface QuantityPage {
  readings: QuantityReading[];
  nextCursor: string | null;
}

export interface RemoteOrderLine {
  /** Stable per order; with the order id it keys the stock movement. */
  lineId: string;
  remoteVariantId: string | null;
  sku: string | null;
  quantity: number;
  /** Units of this line put back into stock by cancellation or refunds so far. */
  restockedQuantity: number;
}

export interface RemoteOrder {
  remoteOrderId: string;
  /** What the shop calls it (#1001). */
  name: string;
  /** True once the platform itself has taken the stock, even if later cancelled (Shopify: every order; WooCommerce: processing/on-hold/completed); restockedQuantity says what came back. */
  holdsStock: boolean;
  cancelled: boolean;
  lines: RemoteOrderLine[];
  updatedAt: string;
}

export interface OrderPage {
  orders: RemoteOrder[];
  /** Pass back to continue; never null: the last cursor is where the next poll starts. */
  cursor: string;
  hasMore: boolean;
}

export type WebhookTopic = 'order' | 'product' | 'inventory' | 'other';

export interface WebhookHint {
  deliveryId: string;
  topic: WebhookTopic;
  /** The object it is about (order id, product id...), to be re-read: payloads are hints, not truth. */
  remoteId: string | null;
}

export interface WebhookRegistration {
  remoteWebhookId: string;
  topic: string;
}

/** What a request cost or what the platform said of its budget, reported to the store's governor. */
export type RateSignal =
  /** `throttled`: the platform refused the request for want of points (Shopify's THROTTLED). */
  | { kind: 'cost-bucket'; available: number; maximum: number; restorePerSecond: number; actualCost: number; throttled?: boolean }
  | { kind: 'request-window'; left: number; quota: number; resetMs: number; windowMs: number }
  | { kind: 'retry-after'; ms: number }
  /** The request finished and the platform said nothing of its budget (WooCommerce). */
  | { kind: 'done' };

/** One per store, owned by the engine; a connector asks it before each request and tells it after. */
export interface RequestGovernor {
  /** Resolves when a request of about this cost (points for Shopify, 1 elsewhere) may be sent. */
  acquire(estimatedCost: number): Promise<void>;
  report(signal: RateSignal): void;
}

export interface Channel {
  readonly platform: Platform;
  readonly limits: ChannelLimits;

  /** Checks the credentials; throws ChannelError('auth') when the store refuses them. */
  identify(): Promise<StoreIdentity>;

  /** Every product with its variants and quantities, a page at a time (bulk export where the platform has one). */
  listCatalog(cursor: string | null): Promise<CatalogPage>;
  /** One product, or null when it no longer exists on the store. */
  getProduct(remoteProductId: string): Promise<RemoteProduct | null>;
  /** A product already on the store that is this draft (by handle, then by any variant SKU), or null. */
  findProduct(draft: ProductDraft): Promise<RemoteProduct | null>;
  /** Creates the product hidden from shoppers (draft) with its variants and, where supported, their quantities. */
  createProduct(draft: ProductDraft): Promise<RemoteProduct>;
  /** Writes master fields only (title, options, variants, SKUs, barcodes, prices); never description, images, categories, status. */
  updateProduct(remoteProductId: string, draft: ProductDraft): Promise<ProductUpdateResult>;

  /** At most limits.quantityBatchSize rows per call; `idempotencyKey` names this logical change. */
  setQuantities(writes: QuantityWrite[], idempotencyKey: string): Promise<QuantityWriteResult>;
  /** Every tracked quantity at the mapped location, a page at a time (bulk where the platform has one). */
  readQuantities(cursor: string | null): Promise<QuantityPage>;

  /** Orders changed after the cursor (null = from `since`), oldest first. */
  listOrders(cursor: string | null, since: string): Promise<OrderPage>;
  getOrder(remoteOrderId: string): Promise<RemoteOrder | null>;

  /** Subscribes the callback to the topics the engine needs. Platforms that sign with one app-wide secret (Shopify) ignore `secret`. */
  registerWebhooks(callbackUrl: string, secret: string): Promise<WebhookRegistration[]>;
  /**
   * Constant-time signature check of the raw body with `secret` (the one given to registerWebhooks).
   * Shopify signs with the app's secret: its connector uses `credentials.webhookSecret` when the connection has one.
   */
  verifyWebhook(headers: Record<string, string | undefined>, rawBody: Buffer, secret: string): boolean;
  parseWebhook(headers: Record<string, string | undefined>, rawBody: Buffer): WebhookHint;
}

export type ChannelErrorCode =
  | 'auth' // credentials refused
  | 'not_found'
  | 'conflict' // e.g. a name or SKU the store already holds
  | 'invalid' // the store refused the data; the message says what
  | 'throttled'
  | 'unavailable' // 5xx, network
  | 'timeout'
  | 'protocol'; // the store answered something we cannot read

export class ChannelError extends Error {
  constructor(
    readonly code: ChannelErrorCode,
    message: string,
    readonly retryable: boolean = code === 'throttled' || code === 'unavailable' || code === 'timeout',
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = 'ChannelError';
  }
}

export interface ChannelContext {
  governor: RequestGovernor;
  /** Per-request timeout in ms. */
  timeoutMs?: number;
}

export type ChannelFactory = (connection: ChannelConnection, context: ChannelContext) => Channel;
