// The WooCommerce connector: the Channel interface over WooCommerce's REST API v3 (/wp-json/wc/v3).
// Credentials: { consumerKey, consumerSecret }. WooCommerce has one stock pool per product, so the
// store has one location, and no compare-and-set: the engine takes orders in before pushing.
import { z } from 'zod';
import { ChannelError, type Channel, type ChannelConnection, type ChannelContext, type ChannelFactory, type ChannelLimits } from '../channel.ts';
import { loadProduct, loadProductPage, PAGE_SIZE, parsePageCursor } from './catalog-reader.ts';
import { listOrderPage, readOrder } from './orders.ts';
import { productSchema } from './payloads.ts';
import { createWooProduct, updateWooProduct } from './product-writes.ts';
import { QUANTITY_BATCH, readQuantityPage, writeQuantities } from './quantities.ts';
import { toRemoteProduct } from './remote-product.ts';
import { WooRestClient } from './rest-client.ts';
import { parseWooWebhook, registerWooWebhooks, verifyWooWebhook } from './webhooks.ts';

/** WooCommerce keeps a single stock figure per product or variation. */
export const WOO_LOCATION = { id: 'default', name: 'Default', isDefault: true };

export const WOOCOMMERCE_LIMITS: ChannelLimits = {
  // WooCommerce sets no limit of its own; these keep a product editable in its admin.
  maxOptions: 10,
  maxVariants: 1000,
  quantityBatchSize: QUANTITY_BATCH,
  catalogPageSize: PAGE_SIZE,
  compareAndSet: false,
  createSetsQuantities: true,
  rateBudget: { kind: 'none' },
};

const credentialsSchema = z.object({ consumerKey: z.string().min(1), consumerSecret: z.string().min(1) });

export const createWoocommerceChannel: ChannelFactory = (connection: ChannelConnection, context: ChannelContext): Channel => {
  const credentials = credentialsSchema.safeParse(connection.credentials);
  if (!credentials.success) {
    throw new ChannelError('auth', 'WooCommerce credentials need a consumerKey and a consumerSecret (WooCommerce → Settings → Advanced → REST API).');
  }
  const client = new WooRestClient(connection.url, credentials.data, context.governor, context.timeoutMs ?? 30_000);
  return {
    platform: 'woocommerce',
    limits: WOOCOMMERCE_LIMITS,
    async identify() {
      // Any authenticated read proves the keys; WooCommerce answers 401 to wrong ones.
      await client.request('GET', 'products', z.array(productSchema), { query: { per_page: 1 } });
      return { name: new URL(connection.url).host, currency: null, locations: [WOO_LOCATION] };
    },
    async listCatalog(cursor) {
      const page = parsePageCursor(cursor);
      const loaded = await loadProductPage(client, page);
      return { products: loaded.products.map(toRemoteProduct), nextCursor: loaded.hasMore ? String(page + 1) : null };
    },
    async getProduct(remoteProductId) {
      const loaded = await loadProduct(client, Number(remoteProductId));
      return loaded ? toRemoteProduct(loaded) : null;
    },
    async findProduct(draft) {
      // Only a candidate that really carries the slug or one of the SKUs counts: a store that
      // ignores a filter answers with its whole catalogue, and linking its first product is wrong.
      const skus = new Set(draft.variants.map((v) => v.sku.trim().toLowerCase()));
      const bySlug = (await client.request('GET', 'products', z.array(productSchema), { query: { slug: draft.handle } })).body.filter((p) => p.slug === draft.handle);
      const candidates =
        bySlug.length > 0
          ? bySlug
          : (await client.request('GET', 'products', z.array(productSchema), { query: { sku: [...skus].join(',') } })).body.filter((p) => skus.has((p.sku ?? '').trim().toLowerCase()));
      const hit = candidates[0];
      if (!hit) return null;
      const productId = hit.type === 'variation' && hit.parent_id ? hit.parent_id : hit.id;
      const loaded = await loadProduct(client, productId);
      return loaded ? toRemoteProduct(loaded) : null;
    },
    createProduct: (draft) => createWooProduct(client, WOOCOMMERCE_LIMITS, draft),
    updateProduct: (remoteProductId, draft) => updateWooProduct(client, WOOCOMMERCE_LIMITS, remoteProductId, draft),
    setQuantities: (writes) => writeQuantities(client, writes),
    readQuantities: (cursor) => readQuantityPage(client, cursor),
    listOrders: (cursor, since) => listOrderPage(client, cursor, since),
    getOrder: (remoteOrderId) => readOrder(client, remoteOrderId),
    registerWebhooks: (callbackUrl, secret) => registerWooWebhooks(client, callbackUrl, secret),
    verifyWebhook: verifyWooWebhook,
    parseWebhook: parseWooWebhook,
  };
};

export const createChannel = createWoocommerceChannel;
