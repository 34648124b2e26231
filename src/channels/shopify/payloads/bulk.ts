import { z } from 'zod';
import { userErrorSchema } from './user-errors.ts';

export const bulkStatusSchema = z.enum(['CANCELED', 'CANCELING', 'COMPLETED', 'CREATED', 'EXPIRED', 'FAILED', 'RUNNING']);

export const bulkOperationRunQueryResult = z.object({
  bulkOperationRunQuery: z
    .object({
      bulkOperation: z.object({ id: z.string(), status: bulkStatusSchema }).nullish(),
      userErrors: z.array(userErrorSchema),
    })
    .nullable(),
});

export const bulkOperationPollResult = z.object({
  bulkOperation: z
    .object({
      id: z.string(),
      status: bulkStatusSchema,
      errorCode: z.string().nullish(),
      objectCount: z.union([z.string(), z.number()]).nullish(),
      url: z.string().nullish(),
    })
    .nullable(),
});

export type BulkOperationState = NonNullable<z.infer<typeof bulkOperationPollResult>['bulkOperation']>;
