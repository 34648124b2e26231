// The BigCommerce connector: the Channel interface over BigCommerce's REST API (v3 catalogue,
// inventory and hooks; v2 orders). Credentials: { storeHash, accessToken } (an API account's
// token, sent as X-Auth-Token). Stock lives per inventory location; the connection's mapped
// location (default: BigCommerce's default location) is where quantities are read and written.
import { z } from 'zod';
import { ChannelError, type Channel, type ChannelConnection, type ChannelContext, type ChannelFactory, type ChannelLimits } from '../channel.ts';
import { CATALOG_PAGE_SIZE, readCatalogPage, readProduct } from './catalog-reader.ts';
import { createLocationResolver, readIdentity } from './location.ts';
import { listOrderPage, readOrder } from './orders.ts';
import { createBcProduct, findBcProduct, updateBcProduct } from './product-writes.ts';
import { QUANTITY_BATCH, readQuantityPage, writeQuantities, type StockDesk } from './quantities.ts';
import { BcRestClient } from './rest-client.ts';
import { parseBcWebhook, registerBcWebhooks, verifyBcWebhook } from './webhooks.ts';

export const BIGCOMMERCE_LIMITS: ChannelLimits = {
  // BigCommerce sets no small cap on options (its limit is 600 variants, i.e. their product);
  // Stockroom's catalogue holds at most 5 attributes, so 5 means no product is ever merged or
  // refused for its option count here, while a runaway draft is still caught before sending.
  maxOptions: 5,
  maxVariants: 600,
  quantityBatchSize: QUANTITY_BATCH,
  catalogPageSize: CATALOG_PAGE_SIZE,
  compareAndSet: false,
  // createProduct sets the opening stock itself, by an absolute adjustment at the mapped location
  // right after the create (a create's own inventory_level would land on the default location).
  createSetsQuantities: true,
  // Standard and Plus plans: 150 requests per 30 s; every answer's X-Rate-Limit-* headers say the store's own.
  rateBudget: { kind: 'request-window', quota: 150, windowMs: 30_000 },
};

const DEFAULT_TIMEOUT_MS = 30_000;

const credentialsSchema = z.object({ storeHash: z.string().trim().min(1), accessToken: z.string().trim().min(1) });

export const createBigcommerceChannel: ChannelFactory = (connection: ChannelConnection, context: ChannelContext): Channel => {
  const credentials = credentialsSchema.safeParse(connection.credentials);
  if (!credentials.success) {
    throw new ChannelError('auth', 'BigCommerce credentials need the store hash and an API account access token ({ "storeHash": "…", "accessToken": "…" }).', false);
  }
  const client = new BcRestClient(connection.url, credentials.data, context.governor, context.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const locationId = createLocationResolver(client, connection.remoteLocationId);
  const desk: StockDesk = {
    client,
    locationId,
    storeKey: async () => `${connection.url}|${credentials.data.storeHash}|${await locationId()}`,
    writeQuantities: (writes, idempotencyKey) => writeQuantities(desk, writes, idempotencyKey),
  };
  return {
    platform: 'bigcommerce',
    limits: BIGCOMMERCE_LIMITS,
    identify: () => readIdentity(client, connection.url, credentials.data.storeHash),
    listCatalog: (cursor) => readCatalogPage(desk, cursor),
    getProduct: (remoteProductId) => readProduct(desk, remoteProductId),
    findProduct: (draft) => findBcProduct(desk, draft),
    createProduct: (draft) => createBcProduct(desk, BIGCOMMERCE_LIMITS, draft),
    updateProduct: (remoteProductId, draft) => updateBcProduct(desk, BIGCOMMERCE_LIMITS, remoteProductId, draft),
    setQuantities: (writes, idempotencyKey) => writeQuantities(desk, writes, idempotencyKey),
    readQuantities: (cursor) => readQuantityPage(desk, cursor),
    listOrders: (cursor, since) => listOrderPage(client, cursor, since),
    getOrder: (remoteOrderId) => readOrder(client, remoteOrderId),
    registerWebhooks: (callbackUrl, secret) => registerBcWebhooks(client, callbackUrl, secret),
    verifyWebhook: verifyBcWebhook,
    parseWebhook: parseBcWebhook,
  };
};

export const createChannel = createBigcommerceChannel;
