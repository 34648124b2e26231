import { z } from 'zod';

export const userErrorSchema = z.object({
  field: z.array(z.string()).nullish(),
  message: z.string(),
  code: z.string().nullish(),
});

export type UserError = z.infer<typeof userErrorSchema>;
