// Row types of the sync engine's stock tables (created by src/db/migrations/0004_sync_stock.ts).

export interface StoreSyncLeaseTable {
  store_id: string;
  account_id: string;
  /** Which process drives this store's pushes and order intake now. */
  holder: string;
  expires_at: string;
}

/** A link whose last push failed with a retryable error: not tried again before retry_at. */
export interface StockPushBackoffTable {
  variant_link_id: string;
  account_id: string;
  store_id: string;
  attempts: number;
  retry_at: string;
  error: string | null;
  updated_at: string;
}

/** A verified webhook, stored before answering 2xx; processed_at is set once the object was re-read. */
export interface WebhookDeliveryTable {
  store_id: string;
  delivery_id: string;
  account_id: string;
  topic: string;
  remote_id: string | null;
  received_at: string;
  processed_at: string | null;
  outcome: string | null;
}

/** What one store order line has put into the ledger so far (whole units). */
export interface OrderLineIntakeTable {
  store_id: string;
  remote_order_id: string;
  line_id: string;
  account_id: string;
  variant_id: string | null;
  counted_qty: number;
  restocked_qty: number;
  updated_at: string;
}

export interface ReconcileRunTable {
  id: string;
  account_id: string;
  store_id: string;
  dry_run: number;
  state: 'running' | 'done' | 'failed';
  drift_found: number;
  drift_fixed: number;
  error: string | null;
  started_at: string;
  finished_at: string | null;
}

export interface StoreSyncStateTable {
  store_id: string;
  account_id: string;
  /** 1 when a push met a store quantity it could not explain by orders: reconcile it soon. */
  reconcile_requested: number;
  last_reconcile_at: string | null;
  last_order_poll_at: string | null;
}

declare module '../db/schema.ts' {
  interface Database {
    store_sync_lease: StoreSyncLeaseTable;
    stock_push_backoff: StockPushBackoffTable;
    webhook_delivery: WebhookDeliveryTable;
    order_line_intake: OrderLineIntakeTable;
    reconcile_run: ReconcileRunTable;
    store_sync_state: StoreSyncStateTable;
  }
}
