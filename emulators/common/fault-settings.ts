// The fault settings every emulator accepts (CLI --faults and POST /__emulator/faults).
import { z } from 'zod';

const rate = z.number().min(0).max(1);

export const faultSettingsSchema = z
  .object({
    seed: z.number().int().default(1),
    errorRate: rate.default(0),
    latencyMs: z.number().int().min(0).default(0),
    timeoutRate: rate.default(0),
    timeoutMs: z.number().int().min(0).default(30_000),
    lostResponseRate: rate.default(0),
    throttleRate: rate.default(0),
    webhookDuplicateRate: rate.default(0),
    webhookLossRate: rate.default(0),
    webhookReorder: z.boolean().default(false),
    webhookDelayMs: z.number().int().min(0).default(0),
  })
  .strict();

export type FaultSettings = z.infer<typeof faultSettingsSchema>;

export const FAULT_PROFILES: Record<string, Partial<FaultSettings>> = {
  none: {},
  flaky: {
    errorRate: 0.05,
    lostResponseRate: 0.02,
    latencyMs: 20,
    webhookDuplicateRate: 0.2,
    webhookLossRate: 0.1,
    webhookReorder: true,
  },
  chaos: {
    errorRate: 0.2,
    lostResponseRate: 0.1,
    timeoutRate: 0.05,
    timeoutMs: 2_000,
    throttleRate: 0.2,
    latencyMs: 50,
    webhookDuplicateRate: 0.5,
    webhookLossRate: 0.3,
    webhookReorder: true,
  },
};

export class FaultSettingsError extends Error {
  readonly code = 'INVALID_FAULTS';
}

/** A profile name, a JSON string, or an object; throws FaultSettingsError with one readable line. */
export function parseFaultSettings(input: unknown): FaultSettings {
  let value = input ?? {};
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (trimmed in FAULT_PROFILES) value = FAULT_PROFILES[trimmed];
    else if (trimmed.startsWith('{')) {
      try {
        value = JSON.parse(trimmed);
      } catch {
        throw new FaultSettingsError(`faults: "${trimmed}" is not valid JSON`);
      }
    } else {
      throw new FaultSettingsError(
        `faults: unknown profile "${trimmed}" (use ${Object.keys(FAULT_PROFILES).join(', ')} or a JSON object)`,
      );
    }
  }
  const parsed = faultSettingsSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length ? issue.path.join('.') : 'settings';
    throw new FaultSettingsError(`faults: ${where}: ${issue.message}`);
  }
  return parsed.data;
}
