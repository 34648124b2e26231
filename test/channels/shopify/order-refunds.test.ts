// An order with more refunds than a page reads (the emulator makes one refund per cancellation,
// so Shopify's answers are scripted here): the connector reads the order's refund ids and then
// the lines of each refund it has not read, so every restocked unit is counted.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Channel } from '../../../src/channels/channel.ts';
import { createShopifyChannel } from '../../../src/channels/shopify/index.ts';
import { REFUNDS_PER_ORDER } from '../../../src/channels/shopify/operations/orders.ts';
import { createPermissiveGovernor } from '../../support/permissive-governor.ts';
import { cost, startFakeAdminApi, type FakeAdminApi } from './fake-admin-api.ts';

const ORDER_ID = 'gid://shopify/Order/7';
const LINE = 'gid://shopify/LineItem/70';
const DONE = { hasNextPage: false, endCursor: null };

const refundLines = (quantity: number, restockType: string) => ({
  pageInfo: DONE,
  nodes: [{ quantity, restockType, restocked: restockType !== 'NO_RESTOCK', lineItem: { id: LINE } }],
});

let api: FakeAdminApi;
let channel: Channel;

beforeEach(async () => {
  api = await startFakeAdminApi();
  channel = createShopifyChannel(
    { platform: 'shopify', url: api.url, credentials: { accessToken: 'shpat_test' }, remoteLocationId: null },
    { governor: createPermissiveGovernor(), timeoutMs: 2000 },
  );
});
afterEach(async () => {
  await api.close();
});

describe('Shopify order with many refunds', () => {
  it('reads the refunds beyond the first page and counts their restocked lines', async () => {
    const firstRefunds = Array.from({ length: REFUNDS_PER_ORDER }, (_, i) => ({ id: `gid://shopify/Refund/${i + 1}`, refundLineItems: refundLines(1, 'RETURN') }));
    api.answer(
      {
        status: 200,
        json: {
          data: {
            order: {
              id: ORDER_ID,
              name: '#1007',
              cancelledAt: null,
              updatedAt: '2026-11-27T10:00:05Z',
              lineItems: { pageInfo: DONE, nodes: [{ id: LINE, sku: 'TEE-RED', quantity: 10, variant: { id: 'gid://shopify/ProductVariant/5' } }] },
              refunds: firstRefunds,
            },
          },
          extensions: cost(718, 40, 1960),
        },
      },
      {
        status: 200,
        json: {
          data: { order: { refunds: [...firstRefunds.map(({ id }) => ({ id })), { id: 'gid://shopify/Refund/6' }, { id: 'gid://shopify/Refund/7' }] } },
          extensions: cost(251, 8, 1952),
        },
      },
      { status: 200, json: { data: { refund: { refundLineItems: refundLines(2, 'RETURN') } }, extensions: cost(503, 3, 1950) } },
      { status: 200, json: { data: { refund: { refundLineItems: refundLines(1, 'NO_RESTOCK') } }, extensions: cost(503, 3, 1947) } },
    );

    const order = await channel.getOrder(ORDER_ID);
    // Five refunds of one returned unit, then one of two returned and one not restocked.
    expect(order?.lines).toEqual([{ lineId: LINE, remoteVariantId: 'gid://shopify/ProductVariant/5', sku: 'TEE-RED', quantity: 10, restockedQuantity: 7 }]);
    expect(api.requests.map((r) => r.body.operationName)).toEqual(['OrderById', 'OrderRefundIds', 'RefundLineItemsPage', 'RefundLineItemsPage']);
    expect(api.requests.slice(2).map((r) => r.body.variables)).toEqual([
      { id: 'gid://shopify/Refund/6', first: 250, after: null },
      { id: 'gid://shopify/Refund/7', first: 250, after: null },
    ]);
  });
});
