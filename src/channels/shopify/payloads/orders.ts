import { z } from 'zod';

const pageInfoSchema = z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullish() });

const lineItemSchema = z.object({
  id: z.string(),
  sku: z.string().nullish(),
  quantity: z.number().int(),
  variant: z.object({ id: z.string() }).nullish(),
});

const refundLineSchema = z.object({
  quantity: z.number().int(),
  restockType: z.string(),
  restocked: z.boolean().nullish(),
  lineItem: z.object({ id: z.string() }),
});

const lineItemsSchema = z.object({ pageInfo: pageInfoSchema, nodes: z.array(lineItemSchema) });
const refundLineItemsSchema = z.object({ pageInfo: pageInfoSchema, nodes: z.array(refundLineSchema) });

const refundSchema = z.object({ id: z.string(), refundLineItems: refundLineItemsSchema });

export const orderSchema = z.object({
  id: z.string(),
  name: z.string(),
  cancelledAt: z.string().nullish(),
  updatedAt: z.string(),
  lineItems: lineItemsSchema,
  refunds: z.array(refundSchema),
});

export type ShopifyOrder = z.infer<typeof orderSchema>;
export type ShopifyRefund = z.infer<typeof refundSchema>;
export type ShopifyPageInfo = z.infer<typeof pageInfoSchema>;

export const ordersProbeResult = z.object({
  orders: z.object({
    pageInfo: pageInfoSchema,
    edges: z.array(z.object({ cursor: z.string(), node: z.object({ id: z.string(), updatedAt: z.string() }) })),
  }),
});

export type ProbedOrder = z.infer<typeof ordersProbeResult>['orders']['edges'][number];

export const ordersPageResult = z.object({
  orders: z.object({ pageInfo: pageInfoSchema, nodes: z.array(orderSchema) }),
});

export const orderByIdResult = z.object({ order: orderSchema.nullable() });

export const orderLineItemsPageResult = z.object({ order: z.object({ lineItems: lineItemsSchema }).nullable() });

export const orderRefundIdsResult = z.object({ order: z.object({ refunds: z.array(z.object({ id: z.string() })) }).nullable() });

export const refundLineItemsPageResult = z.object({ refund: z.object({ refundLineItems: refundLineItemsSchema }).nullable() });
