// Decides, per API request, which fault (if any) to inject. Draws a fixed number of random
// numbers per request so that a given seed and request sequence always give the same faults.
import { createPrng, type Prng } from './prng.ts';
import { parseFaultSettings, type FaultSettings } from './fault-settings.ts';

export type RequestFault = 'none' | 'timeout' | 'error' | 'throttle' | 'lostResponse';

export class FaultInjector {
  private settingsInForce: FaultSettings;
  private rng: Prng;

  constructor(initial?: unknown) {
    this.settingsInForce = parseFaultSettings(initial);
    this.rng = createPrng(this.settingsInForce.seed);
  }

  get settings(): FaultSettings {
    return this.settingsInForce;
  }

  /** Replaces the settings (and restarts the random sequence from their seed). */
  configure(input: unknown): FaultSettings {
    this.settingsInForce = parseFaultSettings(input);
    this.rng = createPrng(this.settingsInForce.seed);
    return this.settingsInForce;
  }

  /** The fault for the next API request. */
  nextRequestFault(): RequestFault {
    const s = this.settingsInForce;
    const [t, e, th, l] = [this.rng.next(), this.rng.next(), this.rng.next(), this.rng.next()];
    if (t < s.timeoutRate) return 'timeout';
    if (e < s.errorRate) return 'error';
    if (th < s.throttleRate) return 'throttle';
    if (l < s.lostResponseRate) return 'lostResponse';
    return 'none';
  }

  /** A uniform number from the same seeded sequence (webhook duplication, loss, reordering). */
  draw(): number {
    return this.rng.next();
  }
}
