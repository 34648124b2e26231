import { z } from 'zod';
import { userErrorSchema } from './user-errors.ts';

export const inventorySetQuantitiesResult = z.object({
  inventorySetQuantities: z
    .object({
      inventoryAdjustmentGroup: z.object({ id: z.string() }).nullish(),
      userErrors: z.array(userErrorSchema),
    })
    .nullable(),
});

export const inventoryActivateResult = z.object({
  inventoryActivate: z
    .object({
      inventoryLevel: z.object({ id: z.string() }).nullish(),
      userErrors: z.array(userErrorSchema),
    })
    .nullable(),
});
