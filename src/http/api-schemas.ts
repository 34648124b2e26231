// Small zod pieces the routes share: ids in paths, quantities, money, paging.
import { z } from 'zod';

export const idParams = z.strictObject({ id: z.string().min(1) });

/** A quantity as a JSON number with at most 3 decimals. */
export const quantity = z
  .number()
  .finite()
  .refine((value) => Math.abs(Math.round(value * 1000) - value * 1000) < 1e-6, 'has more than 3 decimal places');

/** Money as a decimal string ("12.50"); a JSON number is accepted too. */
export const money = z.union([z.string().regex(/^\s*-?\d*(\.\d*)?\s*$/, 'must be a decimal like "12.50"'), z.number().finite()]);

/** Optional text that may be cleared with null. */
export const nullableText = z.string().nullable();
