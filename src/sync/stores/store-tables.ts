// Row types of the stores and links tables (created by src/db/migrations/0003_sync_stores.ts),
// added to the shared Database type.
import type { Generated } from 'kysely';

export type StoreState = 'connected' | 'error';
export type AttributePolicy = 'merge' | 'skip';

export interface StoreTable {
  id: string;
  account_id: string;
  platform: string;
  name: string;
  url: string;
  /** AES-256-GCM envelope from src/security/credential-cipher.ts; never the plaintext. */
  credentials_encrypted: string;
  /** Local location whose stock the store shows. */
  location_id: string;
  /** Local location that the store's orders take stock from. */
  orders_location_id: string;
  /** Safety buffer in whole units, subtracted from what the store is told. */
  buffer: Generated<number>;
  attribute_policy: Generated<AttributePolicy>;
  remote_location_id: string | null;
  /** The channel's opaque order cursor; null = start from order_cursor_started_at. */
  order_cursor: string | null;
  /** The moment of connecting: earlier orders are already in the store's stock. */
  order_cursor_started_at: string;
  webhook_secret_encrypted: string | null;
  webhooks_registered: Generated<number>;
  state: StoreState;
  last_sync_at: string | null;
  last_error: string | null;
  /** When the publish selection was last saved; null = never (the Ecommerce flag preselects). */
  selection_saved_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface ProductLinkTable {
  id: string;
  account_id: string;
  store_id: string;
  product_id: string;
  remote_product_id: string;
  handle: string | null;
  /** 1 when master fields changed since the last update pushed to the store. */
  dirty: Generated<number>;
  /** Bumped with every mark; a pusher clears `dirty` only if this is unchanged. */
  dirty_generation: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface VariantLinkTable {
  id: string;
  account_id: string;
  store_id: string;
  product_link_id: string;
  variant_id: string;
  remote_variant_id: string;
  /** What quantity reads and writes address on the store (ChannelQuantity inventoryRef). */
  inventory_ref: string;
  /** The quantity last seen on the store (read, or confirmed by a write). */
  last_known_remote_qty: number | null;
  last_pushed_qty: number | null;
  /** 1 when the store's quantity may differ from the desired one; the stock pusher clears it. */
  dirty: Generated<number>;
  dirty_generation: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface PublishSelectionTable {
  account_id: string;
  store_id: string;
  product_id: string;
  created_at: string;
}

declare module '../../db/schema.ts' {
  interface Database {
    store: StoreTable;
    product_link: ProductLinkTable;
    variant_link: VariantLinkTable;
    publish_selection: PublishSelectionTable;
  }
}
