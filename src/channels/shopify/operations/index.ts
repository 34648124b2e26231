// Every GraphQL document the Shopify connector sends, in one place, so a test can validate them
// all against the pinned Admin API schema (vendor-specs/shopify/admin-graphql-2026-07).
import { bulkOperationPoll, bulkOperationRunQuery } from './bulk.ts';
import { inventoryActivate, inventorySetQuantities } from './inventory.ts';
import type { ShopifyOperation } from './operation.ts';
import { orderById, orderLineItemsPage, orderRefundIds, ordersPage, ordersProbe, refundLineItemsPage } from './orders.ts';
import { productById, productsByHandle, productSet, productVariantsPage, variantsBySku } from './products.ts';
import { identifyShop } from './shop.ts';
import { webhookSubscriptionCreate, webhookSubscriptions } from './webhooks.ts';

export const API_VERSION = '2026-07';

export const allOperations: ReadonlyArray<ShopifyOperation<never>> = [
  identifyShop,
  productById,
  productsByHandle,
  productVariantsPage,
  variantsBySku,
  productSet,
  inventorySetQuantities,
  inventoryActivate,
  bulkOperationRunQuery,
  bulkOperationPoll,
  ordersProbe,
  ordersPage,
  orderById,
  orderLineItemsPage,
  orderRefundIds,
  refundLineItemsPage,
  webhookSubscriptions,
  webhookSubscriptionCreate,
];
