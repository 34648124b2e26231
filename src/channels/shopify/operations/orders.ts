import { operation } from './operation.ts';

// Order pages are kept under Shopify's 1,000-point single-query cap: a page reads a few orders
// with their first lines and refunds; an order with more is re-read alone with `orderById`.
export const ORDERS_PER_PAGE = 5;
export const LINES_PER_PAGED_ORDER = 30;
export const LINES_PER_SINGLE_ORDER = 100;
export const REFUNDS_PER_ORDER = 5;
export const REFUND_LINES_PER_PAGED_ORDER = 10;
export const REFUND_LINES_PER_SINGLE_ORDER = 50;

function orderCost(lines: number, refundLines: number): number {
  const lineItems = 2 + lines * 2; // line item, variant
  const refunds = REFUNDS_PER_ORDER * (1 + 2 + refundLines * 2); // refund; refund line, its line item
  return 1 + lineItems + refunds;
}

const ORDER_FIELDS = /* GraphQL */ `
  fragment OrderFields on Order {
    id
    name
    cancelledAt
    updatedAt
    lineItems(first: $linesFirst) {
      pageInfo { hasNextPage }
      nodes { id sku quantity variant { id } }
    }
    refunds(first: ${REFUNDS_PER_ORDER}) {
      id
      refundLineItems(first: $refundLinesFirst) {
        pageInfo { hasNextPage }
        nodes { quantity restockType restocked lineItem { id } }
      }
    }
  }
`;

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
