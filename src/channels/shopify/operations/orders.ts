import { operation } from './operation.ts';

// Every order request stays under Shopify's 1,000-point single-query cap. Shopify runs a query
// only once its *requested* cost is in the bucket, so a poll first asks for ids and updatedAt
// alone (OrdersProbe, 2 + first points) and reads lines and refunds (OrdersPage) only for orders
// that may hold something new. An order with more lines, refunds or refund lines than a page
// holds is read on from where the page stopped (OrderLineItemsPage, OrderRefundIds,
// RefundLineItemsPage), so every line is counted.
export const ORDERS_PER_PAGE = 5;
export const LINES_PER_PAGED_ORDER = 30;
export const LINES_PER_SINGLE_ORDER = 100;
export const REFUNDS_PER_ORDER = 5;
export const REFUND_LINES_PER_PAGED_ORDER = 10;
export const REFUND_LINES_PER_SINGLE_ORDER = 50;
/** Lines (or refund lines) per follow-up page: 503 points. */
export const LINES_PER_FOLLOW_UP = 250;
/** Refund ids read at once when an order has more refunds than a page reads. */
export const REFUND_IDS_PER_ORDER = 250;

const LINE_COST = 2; // line item, its variant
const REFUND_LINE_COST = 2; // refund line, its line item

function orderCost(lines: number, refundLines: number): number {
  const lineItems = 2 + lines * LINE_COST;
  // `refunds` is a plain list: priced here as if each of the first N cost a refund and its lines.
  const refunds = REFUNDS_PER_ORDER * (1 + 2 + refundLines * REFUND_LINE_COST);
  return 1 + lineItems + refunds;
}

const ORDER_FIELDS = /* GraphQL */ `
  fragment OrderFields on Order {
    id
    name
    cancelledAt
    updatedAt
    lineItems(first: $linesFirst) {
      pageInfo { hasNextPage endCursor }
      nodes { id sku quantity variant { id } }
    }
    refunds(first: ${REFUNDS_PER_ORDER}) {
      id
      refundLineItems(first: $refundLinesFirst) {
        pageInfo { hasNextPage endCursor }
        nodes { quantity restockType restocked lineItem { id } }
      }
    }
  }
`;

export const ordersProbe = operation<{ query: string; after: string | null; first: number }>(
  'OrdersProbe',
  /* GraphQL */ `
    query OrdersProbe($query: String!, $after: String, $first: Int!) {
      orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
        pageInfo { hasNextPage endCursor }
        edges { cursor node { id updatedAt } }
      }
    }
  `,
  (v) => 2 + v.first,
);

export const ordersPage = operation<{ query: string; after: string | null; first: number; linesFirst: number; refundLinesFirst: number }>(
  'OrdersPage',
  /* GraphQL */ `
    query OrdersPage($query: String!, $after: String, $first: Int!, $linesFirst: Int!, $refundLinesFirst: Int!) {
      orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
        pageInfo { hasNextPage endCursor }
        nodes { ...OrderFields }
      }
    }
    ${ORDER_FIELDS}
  `,
  (v) => 2 + v.first * orderCost(v.linesFirst, v.refundLinesFirst),
);

export const orderById = operation<{ id: string; linesFirst: number; refundLinesFirst: number }>(
  'OrderById',
  /* GraphQL */ `
    query OrderById($id: ID!, $linesFirst: Int!, $refundLinesFirst: Int!) {
      order(id: $id) { ...OrderFields }
    }
    ${ORDER_FIELDS}
  `,
  (v) => orderCost(v.linesFirst, v.refundLinesFirst),
);

export const orderLineItemsPage = operation<{ id: string; first: number; after: string }>(
  'OrderLineItemsPage',
  /* GraphQL */ `
    query OrderLineItemsPage($id: ID!, $first: Int!, $after: String!) {
      order(id: $id) {
        lineItems(first: $first, after: $after) {
          pageInfo { hasNextPage endCursor }
          nodes { id sku quantity variant { id } }
        }
      }
    }
  `,
  (v) => 1 + 2 + v.first * LINE_COST,
);

export const orderRefundIds = operation<{ id: string; first: number }>(
  'OrderRefundIds',
  /* GraphQL */ `
    query OrderRefundIds($id: ID!, $first: Int!) {
      order(id: $id) { refunds(first: $first) { id } }
    }
  `,
  (v) => 1 + v.first,
);

export const refundLineItemsPage = operation<{ id: string; first: number; after: string | null }>(
  'RefundLineItemsPage',
  /* GraphQL */ `
    query RefundLineItemsPage($id: ID!, $first: Int!, $after: String) {
      refund(id: $id) {
        refundLineItems(first: $first, after: $after) {
          pageInfo { hasNextPage endCursor }
          nodes { quantity restockType restocked lineItem { id } }
        }
      }
    }
  `,
  (v) => 1 + 2 + v.first * REFUND_LINE_COST,
);
