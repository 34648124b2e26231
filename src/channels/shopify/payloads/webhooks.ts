import { z } from 'zod';
import { userErrorSchema } from './user-errors.ts';

const subscriptionSchema = z.object({ id: z.string(), topic: z.string(), uri: z.string().nullish() });

export const webhookSubscriptionsResult = z.object({
  webhookSubscriptions: z.object({ nodes: z.array(subscriptionSchema) }),
});

export const webhookSubscriptionCreateResult = z.object({
  webhookSubscriptionCreate: z
    .object({
      webhookSubscription: subscriptionSchema.nullish(),
      userErrors: z.array(userErrorSchema),
    })
    .nullable(),
});
