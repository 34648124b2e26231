// The governor is asked for each document's estimated cost before it is sent; an estimate below
// what Shopify computes would let a request through that the bucket cannot pay for (THROTTLED).
// Every estimate must be at least the requestedQueryCost the emulator (Shopify's method) reports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { start } from '../../../emulators/shopify/index.ts';
import type { EmulatorHandle } from '../../../emulators/emulator.ts';
import { bulkOperationPoll, bulkOperationRunQuery, quantityExportQuery } from '../../../src/channels/shopify/operations/bulk.ts';
import { inventorySetQuantities } from '../../../src/channels/shopify/operations/inventory.ts';
import type { ShopifyOperation } from '../../../src/channels/shopify/operations/operation.ts';
import {
  orderById,
  orderLineItemsPage,
  orderRefundIds,
  ordersPage,
  ordersProbe,
  refundLineItemsPage,
  LINES_PER_FOLLOW_UP,
  LINES_PER_PAGED_ORDER,
  LINES_PER_SINGLE_ORDER,
  ORDERS_PER_PAGE,
  REFUND_IDS_PER_ORDER,
  REFUND_LINES_PER_PAGED_ORDER,
  REFUND_LINES_PER_SINGLE_ORDER,
} from '../../../src/channels/shopify/operations/orders.ts';
import { productById, productSet, productsByHandle, productVariantsPage, variantsBySku, VARIANTS_PER_REQUEST } from '../../../src/channels/shopify/operations/products.ts';
import { identifyShop } from '../../../src/channels/shopify/operations/shop.ts';
import { webhookSubscriptionCreate, webhookSubscriptions } from '../../../src/channels/shopify/operations/webhooks.ts';

let emulator: EmulatorHandle;
const LOCATION = 'gid://shopify/Location/1';

beforeAll(async () => {
  emulator = await start({ seed: 'empty', delayMs: 0 });
});
afterAll(async () => {
  await emulator?.close();
});

async function requestedCost<V>(op: ShopifyOperation<V>, variables: V): Promise<number> {
  const response = await fetch(`${emulator.url}/admin/api/2026-07/graphql.json`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-shopify-access-token': emulator.credentials.accessToken },
    body: JSON.stringify({ query: op.document, variables, operationName: op.name }),
  });
  const body = (await response.json()) as { extensions?: { cost?: { requestedQueryCost?: number } } };
  const cost = body.extensions?.cost?.requestedQueryCost;
  expect(cost, `${op.name} reports its requested cost`).toBeTypeOf('number');
  return cost!;
}

const cases: Array<[ShopifyOperation<never>, unknown]> = [
  [identifyShop, {}],
  [productById, { id: 'gid://shopify/Product/1', locationId: LOCATION, variantsFirst: VARIANTS_PER_REQUEST }],
  [productsByHandle, { query: 'handle:"x"', first: 5 }],
  [variantsBySku, { query: 'sku:"x"', first: 40 }],
  [productVariantsPage, { id: 'gid://shopify/Product/1', locationId: LOCATION, first: VARIANTS_PER_REQUEST, after: 'x' }],
  [
    productSet,
    {
      identifier: { handle: 'cost-probe' },
      input: { title: 'Cost probe', productOptions: [{ name: 'Title', values: [{ name: 'Default Title' }] }], variants: [{ optionValues: [{ optionName: 'Title', name: 'Default Title' }], price: '1.00' }] },
      locationId: LOCATION,
      variantsFirst: 1,
    },
  ],
  [inventorySetQuantities, { key: 'cost-probe', input: { name: 'available', reason: 'correction', quantities: [] } }],
  [bulkOperationRunQuery, { query: quantityExportQuery(LOCATION) }],
  [bulkOperationPoll, { id: 'gid://shopify/BulkOperation/1' }],
  [ordersPage, { query: "updated_at:>'2026-01-01T00:00:00Z'", after: null, first: ORDERS_PER_PAGE, linesFirst: LINES_PER_PAGED_ORDER, refundLinesFirst: REFUND_LINES_PER_PAGED_ORDER }],
  [orderById, { id: 'gid://shopify/Order/1', linesFirst: LINES_PER_SINGLE_ORDER, refundLinesFirst: REFUND_LINES_PER_SINGLE_ORDER }],
  [ordersProbe, { query: "updated_at:>'2026-01-01T00:00:00Z'", after: null, first: ORDERS_PER_PAGE }],
  [orderLineItemsPage, { id: 'gid://shopify/Order/1', first: LINES_PER_FOLLOW_UP, after: 'x' }],
  [orderRefundIds, { id: 'gid://shopify/Order/1', first: REFUND_IDS_PER_ORDER }],
  [refundLineItemsPage, { id: 'gid://shopify/Refund/1', first: LINES_PER_FOLLOW_UP, after: null }],
  [webhookSubscriptions, { uri: 'http://127.0.0.1:1/hook' }],
  [webhookSubscriptionCreate, { topic: 'ORDERS_CREATE', uri: 'http://127.0.0.1:1/hook' }],
];

describe('Shopify cost estimates', () => {
  for (const [op, variables] of cases) {
    it(`${op.name}: the estimate covers the requested cost and stays under the 1,000-point cap`, async () => {
      const estimate = op.estimateCost(variables as never);
      expect(estimate).toBeGreaterThanOrEqual(await requestedCost(op, variables as never));
      expect(estimate).toBeLessThanOrEqual(1000);
    });
  }
});
