// The Shopify Admin GraphQL (2026-07) implementation of Channel.
// Credentials: { accessToken, webhookSecret? } — webhookSecret is the app's secret Shopify signs
// webhooks with; Shopify takes no per-subscription secret.
import { z } from 'zod';
import { ChannelError, type Channel, type ChannelFactory, type ChannelLimits } from '../channel.ts';
import { createExportReader } from './catalog-export.ts';
import { createGraphqlClient, DEFAULT_TIMEOUT_MS } from './graphql-client.ts';
import { createLocationResolver, readIdentity } from './location.ts';
import { getOrder, listOrders } from './orders.ts';
import { checkDraftFits, createProduct, findProduct, getProduct, updateProduct } from './products.ts';
import { QUANTITY_BATCH_SIZE, setQuantities } from './quantities.ts';
import { parseWebhook, registerWebhooks, verifyWebhook } from './webhooks.ts';

export const SHOPIFY_LIMITS: ChannelLimits = {
  maxOptions: 3,
  maxVariants: 2048,
  quantityBatchSize: QUANTITY_BATCH_SIZE,
  catalogPageSize: 250,
  compareAndSet: true,
  createSetsQuantities: true,
  // The Standard plan's bucket; larger plans report larger ones in every answer's throttleStatus.
  rateBudget: { kind: 'cost-bucket', maximum: 2000, restorePerSecond: 100 },
};

/** Readings per readQuantities page (served from one bulk export). */
export const QUANTITY_PAGE_SIZE = 2000;

const credentialsSchema = z.object({
  accessToken: z.string().min(1),
  webhookSecret: z.string().min(1).optional(),
});

export const createShopifyChannel: ChannelFactory = (connection, context) => {
  const credentials = credentialsSchema.safeParse(connection.credentials);
  if (!credentials.success) {
    throw new ChannelError('auth', 'The Shopify connection needs an Admin API access token ({ "accessToken": "shpat_…" }).');
  }
  const timeoutMs = context.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const client = createGraphqlClient({ url: connection.url, accessToken: credentials.data.accessToken, governor: context.governor, timeoutMs });
  const locationId = createLocationResolver(client, connection.remoteLocationId);
  const products = { client, locationId };
  const exports = createExportReader({
    client,
    timeoutMs,
    locationId,
    catalogPageSize: SHOPIFY_LIMITS.catalogPageSize,
    quantityPageSize: QUANTITY_PAGE_SIZE,
  });

  const channel: Channel = {
    platform: 'shopify',
    limits: SHOPIFY_LIMITS,
    identify: () => readIdentity(client),
    listCatalog: (cursor) => exports.listCatalog(cursor),
    getProduct: (id) => getProduct(products, id),
    findProduct: (draft) => findProduct(products, draft),
    async createProduct(draft) {
      checkDraftFits(draft, SHOPIFY_LIMITS.maxOptions, SHOPIFY_LIMITS.maxVariants);
      return createProduct(products, draft);
    },
    async updateProduct(id, draft) {
      checkDraftFits(draft, SHOPIFY_LIMITS.maxOptions, SHOPIFY_LIMITS.maxVariants);
      return updateProduct(products, id, draft);
    },
    setQuantities: (writes, key) => setQuantities(products, writes, key),
    readQuantities: (cursor) => exports.readQuantities(cursor),
    listOrders: (cursor, since) => listOrders(client, cursor, since),
    getOrder: (id) => getOrder(client, id),
    registerWebhooks: (callbackUrl) => registerWebhooks(client, callbackUrl),
    // Shopify signs with the app's secret: the one in the credentials when given, else the caller's.
    verifyWebhook: (headers, rawBody, secret) => verifyWebhook(headers, rawBody, credentials.data.webhookSecret ?? secret),
    parseWebhook: (headers, rawBody) => parseWebhook(headers, rawBody),
  };
  return channel;
};
