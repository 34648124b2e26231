import { z } from 'zod';

export const identifyShopResult = z.object({
  shop: z.object({ name: z.string(), currencyCode: z.string().nullish() }),
  locations: z.object({
    nodes: z.array(z.object({ id: z.string(), name: z.string(), isActive: z.boolean().nullish(), isPrimary: z.boolean().nullish() })),
  }),
});
