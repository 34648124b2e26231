// What every resolver receives as GraphQL context.
import type { ShopStore } from './store.ts';
import type { SearchWarning } from './search-query.ts';
import type { WebhookHub } from './webhooks.ts';
import type { BulkOperations } from './bulk-operations.ts';
import type { IdempotencyLedger } from './idempotency.ts';

export interface ShopifyContext {
  store: ShopStore;
  webhooks: WebhookHub;
  bulkOperations: BulkOperations;
  idempotency: IdempotencyLedger;
  /** Bulk operations read connections whole, without first/last. */
  bulk: boolean;
  searchWarnings: Array<{ path: readonly (string | number)[]; query: string; warnings: SearchWarning[] }>;
}
