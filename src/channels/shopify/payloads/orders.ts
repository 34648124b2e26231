import { z } from 'zod';

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

export const orderSchema = z.object({
  id: z.string(),
  name: z.string(),
  cancelledAt: z.string().nullish(),
  updatedAt: z.string(),
  lineItems: z.object({ pageInfo: z.object({ hasNextPage: z.boolean() }), nodes: z.array(lineItemSchema) }),
  refunds: z.array(
    z.object({
      id: z.string(),
      refundLineItems: z.object({ pageInfo: z.object({ hasNextPage: z.boolean() }), nodes: z.array(refundLineSchema) }),
    }),
  ),
});

export type ShopifyOrder = z.infer<typeof orderSchema>;

export const ordersPageResult = z.object({
  orders: z.object({
    pageInfo: z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullish() }),
    nodes: z.array(orderSchema),
  }),
});

export const orderByIdResult = z.object({ order: orderSchema.nullable() });
