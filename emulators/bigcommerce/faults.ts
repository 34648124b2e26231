// Fault injection settings shared by every route of this emulator (control routes excepted).
import { z } from 'zod';
import { seededRandom, type Random } from './prng.ts';

export const faultSettingsSchema = z
  .object({
    seed: z.number().int().default(1),
    errorRate: z.number().min(0).max(1).default(0),
    latencyMs: z.number().min(0).default(0),
    timeoutRate: z.number().min(0).max(1).default(0),
    timeoutMs: z.number().min(0).default(30_000),
    lostResponseRate: z.number().min(0).max(1).default(0),
    throttleRate: z.number().min(0).max(1).default(0),
    webhookDuplicateRate: z.number().min(0).max(1).default(0),
    webhookLossRate: z.number().min(0).max(1).default(0),
    webhookReorder: z.boolean().default(false),
    webhookDelayMs: z.number().min(0).default(0),
  })
  .strict();

export type FaultSettings = z.infer<typeof faultSettingsSchema>;

const profiles: Record<string, Partial<FaultSettings>> = {
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
    errorRate: 0.15,
    lostResponseRate: 0.05,
    throttleRate: 0.05,
    latencyMs: 50,
    webhookDuplicateRate: 0.3,
    webhookLossRate: 0.3,
    webhookReorder: true,
  },
};

/** A profile name, a JSON string, or an object → validated settings; throws with a readable reason. */
export function parseFaults(input: string | Record<string, unknown> | undefined): FaultSettings {
  if (input === undefined) return faultSettingsSchema.parse({});
  if (typeof input === 'string') {
    const trimmed = input.trim();
    if (trimmed.startsWith('{')) return faultSettingsSchema.parse(JSON.parse(trimmed));
    const profile = profiles[trimmed];
    if (!profile) throw new Error(`unknown fault profile "${input}" (known: ${Object.keys(profiles).join(', ')})`);
    return faultSettingsSchema.parse(profile);
  }
  return faultSettingsSchema.parse(input);
}

export type RequestFate = 'ok' | 'error' | 'timeout' | 'lost' | 'throttle';

export class FaultInjector {
  private random: Random;
  constructor(public settings: FaultSettings) {
    this.random = seededRandom(settings.seed);
  }

  replace(settings: FaultSettings): void {
    this.settings = settings;
    this.random = seededRandom(settings.seed);
  }

  /** Decides once per request what happens to it. */
  fateOfRequest(): RequestFate {
    const s = this.settings;
    const roll = this.random();
    let edge = s.throttleRate;
    if (roll < edge) return 'throttle';
    edge += s.errorRate;
    if (roll < edge) return 'error';
    edge += s.timeoutRate;
    if (roll < edge) return 'timeout';
    edge += s.lostResponseRate;
    if (roll < edge) return 'lost';
    return 'ok';
  }

  chance(rate: number): boolean {
    return rate > 0 && this.random() < rate;
  }
}
