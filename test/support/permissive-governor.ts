// A governor for connector tests: never waits, and records what the connector asked and reported,
// so a test can check that every request asked first and that the platform's budget was passed on.
// The real per-store governor belongs to the sync engine.
import type { RateSignal, RequestGovernor } from '../../src/channels/channel.ts';

export interface RecordingGovernor extends RequestGovernor {
  readonly acquired: number[];
  readonly signals: RateSignal[];
}

export function createPermissiveGovernor(): RecordingGovernor {
  const acquired: number[] = [];
  const signals: RateSignal[] = [];
  return {
    acquired,
    signals,
    async acquire(estimatedCost: number) {
      acquired.push(estimatedCost);
    },
    report(signal: RateSignal) {
      signals.push(signal);
    },
  };
}
