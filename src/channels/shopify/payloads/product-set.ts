import { z } from 'zod';
import { productSchema } from './product.ts';
import { userErrorSchema } from './user-errors.ts';

export const productSetResult = z.object({
  productSet: z
    .object({
      product: productSchema.nullish(),
      userErrors: z.array(userErrorSchema),
    })
    .nullable(),
});
