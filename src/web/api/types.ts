// The shapes the web app reads from the API (see the brief's HTTP API contract). Fields the
// server may leave out are optional, so a screen shows what it has instead of breaking.

export interface SessionInfo {
  user: { id: string; email: string };
  account: { id: string; name: string };
}

export interface User {
  id: string;
  email: string;
  createdAt?: string;
}

export interface MasterItem {
  id: string;
  name: string;
  /** Tax groups carry a rate (percent, decimal string or number). */
  rate?: string | number;
  system?: boolean;
}

export type MasterKind = 'product-groups' | 'brands' | 'suppliers' | 'tax-groups' | 'locations';

export type ProductType = 'fixed' | 'per_unit';

export interface Attribute {
  name: string;
  values: string[];
}

export interface Variant {
  id?: string;
  productId?: string;
  productName?: string;
  sku: string | null;
  barcode: string | null;
  price: string | null;
  costPrice: string | null;
  weight?: string | number | null;
  values: string[];
  onHand?: number;
  stock?: number;
  /** the product's status, in the variant list */
  status?: string;
}

export interface StoreLink {
  storeId: string;
  storeName?: string;
  platform?: string;
  state?: string;
  syncState?: string;
  lastError?: string | null;
}

export interface Product {
  id: string;
  name: string;
  description?: string | null;
  status?: string;
  productGroupId: string | null;
  brandId: string | null;
  supplierId: string | null;
  productType: ProductType | null;
  unit: string | null;
  taxGroupId: string | null;
  costPrice?: string | null;
  ecommerce: boolean;
  attributes?: Attribute[];
  variants?: Variant[];
  variantCount?: number;
  price?: string | null;
  onHand?: number;
  missingFields?: string[];
  unallocated?: boolean;
  stores?: StoreLink[];
  links?: StoreLink[];
  syncState?: string | null;
  lastError?: string | null;
}

export interface Page<T> {
  items: T[];
  /** the number of matches when totalIsExact; otherwise more than this many match */
  total: number;
  totalIsExact: boolean;
  page: number;
  pageSize: number;
}

export interface Store {
  id: string;
  platform: string;
  name: string;
  url: string;
  state?: string;
  lastSyncAt?: string | null;
  lastError?: string | null;
  buffer?: number;
  attributePolicy?: 'merge' | 'skip';
  locationId?: string | null;
  ordersLocationId?: string | null;
  /** What the platform's connector declares. */
  limits?: StoreLimits;
  /** What the server's request governor has seen of the store; null while it has not spoken to it. */
  governor?: GovernorObservation | null;
  /** The last finished drift check and repair; null before the first. */
  lastReconcile?: LastReconcile | null;
  linkedProducts?: number;
  linkedVariants?: number;
  pendingStock?: number;
  pendingProducts?: number;
  location?: string;
  ordersLocation?: string;
  localProducts?: number;
}

export type RateBudget =
  | { kind: 'cost-bucket'; maximum: number; restorePerSecond: number }
  | { kind: 'request-window'; quota: number; windowMs: number }
  | { kind: 'none' };

export interface StoreLimits {
  maxOptions: number;
  maxVariants: number;
  /** Quantities sent in one write request. */
  quantityBatchSize: number;
  rateBudget: RateBudget;
}

export interface GovernorObservation {
  budget:
    | { kind: 'cost-bucket'; available: number; maximum: number; restorePerSecond: number }
    | { kind: 'request-window'; left: number; quota: number; windowMs: number }
    | null;
  lastAnswerAt: string | null;
  requests: number;
  throttled: number;
  waitedMs: number;
}

export interface LastReconcile {
  found: number;
  fixed: number;
  dryRun: boolean;
  at: string;
}

export interface LocalProductsAnswer {
  items: LocalProduct[];
  /** True once a selection was saved (even an empty one): then `selected` says what to tick. */
  hasSavedSelection: boolean;
}

export interface LocalProduct {
  productId: string;
  name: string;
  preselected: boolean;
  selected?: boolean;
  fits: string;
}

export interface PublishPlan {
  created: { productId: string; name: string }[];
  blocked: { productId: string; name: string; reason: string }[];
  failed?: { productId: string; name: string; reason: string }[];
}

export interface Job {
  id: string;
  kind: string;
  state: 'queued' | 'running' | 'done' | 'failed';
  storeId?: string | null;
  progress: { done: number; total: number };
  results: JobResult[];
  errors: { item: string; label?: string | null; reason: string }[];
  error?: string | null;
  summary?: unknown;
  itemCounts?: Record<string, number>;
  createdAt?: string;
  finishedAt?: string | null;
}

export interface JobResult {
  item: string;
  label?: string | null;
  state?: string;
  result?: unknown;
  reason?: string | null;
}

export interface DriftRow {
  sku: string | null;
  location?: string;
  expected: number;
  store: number;
}

export interface SyncLogEntry {
  id: string;
  storeId?: string;
  storeName?: string;
  kind: string;
  items?: number;
  outcome: string;
  durationMs?: number;
  error?: string | null;
  jobId?: string | null;
  details?: unknown;
  at?: string;
  createdAt?: string;
}
